using TenantAnalyzers.Cli.Tests.Infrastructure;

namespace TenantAnalyzers.Cli.Tests;

/// <summary>Mistakes the user can fix: exit code 2, a clear message, and nothing written.</summary>
public sealed class ErrorExitTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("tenant-audit-errors");

    [Fact]
    public async Task Missing_path_exits_2()
    {
        var run = await TenantAudit.RunAsync("scan", Path.Combine(_work.FullName, "no-such-solution"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("path not found", run.Error);
    }

    [Fact]
    public async Task Corrupt_baseline_exits_2_and_writes_no_report()
    {
        var baseline = Write("tenant-baseline.json", "{ \"format\": \"tenant-audit-baseline\", \"version\": 1, \"findings\": [ {\"rule\": ");
        var report = Path.Combine(_work.FullName, "report.json");

        var run = await TenantAudit.RunAsync("scan", Repository.LegacySample, "--baseline", baseline, "--format", "json", "--output", report);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a usable baseline: not valid JSON", run.Error);
        Assert.False(File.Exists(report));
    }

    [Fact]
    public async Task Foreign_baseline_exits_2()
    {
        var baseline = Write("tenant-baseline.json", "{ \"version\": \"2.1.0\", \"runs\": [] }");

        var run = await TenantAudit.RunAsync("scan", Repository.LegacySample, "--baseline", baseline);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a tenant-audit baseline", run.Error);
    }

    [Fact]
    public async Task Baseline_of_a_newer_version_exits_2()
    {
        var baseline = Write("tenant-baseline.json", "{ \"format\": \"tenant-audit-baseline\", \"version\": 2, \"findings\": [] }");

        var run = await TenantAudit.RunAsync("baseline", Repository.LegacySample, "--update", "-o", baseline);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("baseline version 2 is not supported", run.Error);
    }

    [Fact]
    public async Task Unknown_rule_exits_2()
    {
        var run = await TenantAudit.RunAsync("fix", Repository.LegacySample, "--rule", "TI0042");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown rule 'TI0042'", run.Error);
    }

    [Fact]
    public async Task Unknown_option_and_missing_command_exit_2()
    {
        Assert.Equal(2, (await TenantAudit.RunAsync("scan", Repository.LegacySample, "--colour")).ExitCode);
        Assert.Equal(2, (await TenantAudit.RunAsync()).ExitCode);
        Assert.Equal(2, (await TenantAudit.RunAsync("scan", Repository.LegacySample, "--format", "pdf")).ExitCode);
    }

    [Fact]
    public async Task A_project_that_fails_to_load_is_named_and_the_others_are_analysed()
    {
        var good = Path.Combine(_work.FullName, "Good", "Good.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(good)!);
        File.WriteAllText(good, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_work.FullName, "Good", "Class1.cs"), "namespace Good; public class Class1 { }");
        var broken = Path.Combine(_work.FullName, "Broken", "Broken.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
        File.WriteAllText(broken, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>");
        File.WriteAllText(Path.Combine(_work.FullName, "Mixed.slnx"), """
            <Solution>
              <Project Path="Good/Good.csproj" />
              <Project Path="Broken/Broken.csproj" />
            </Solution>
            """);
        File.WriteAllText(Path.Combine(_work.FullName, "OnlyBroken.slnx"), "<Solution><Project Path=\"Broken/Broken.csproj\" /></Solution>");

        var mixed = await TenantAudit.RunAsync("scan", Path.Combine(_work.FullName, "Mixed.slnx"), "--format", "json");
        var none = await TenantAudit.RunAsync("scan", Path.Combine(_work.FullName, "OnlyBroken.slnx"));

        Assert.True(mixed.ExitCode == 0, mixed.ToString());
        Assert.Contains("Broken.csproj' failed to load", mixed.Error);
        Assert.Contains("\"project\": \"Good\"", mixed.Output);
        Assert.Contains("Broken.csproj", mixed.Output);
        Assert.True(none.ExitCode == 2, none.ToString());
        Assert.Contains("no C# project", none.Error);
        Assert.Contains("Broken.csproj", none.Error);
    }

    public void Dispose() => _work.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_work.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
