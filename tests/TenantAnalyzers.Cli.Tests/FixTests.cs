using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenantAnalyzers.Cli.Tests.Infrastructure;

namespace TenantAnalyzers.Cli.Tests;

/// <summary>
/// <c>tenant-audit fix</c> on a git-committed copy of the legacy sample: a dry run writes nothing; uncommitted changes in
/// a file it would touch stop it; the real run leaves code that builds with zero errors, fewer findings, and a sign-in
/// that still works.
/// </summary>
public sealed class FixTests
{
    [Fact]
    public async Task Fix_reduces_findings_builds_and_leaves_sign_in_working()
    {
        using var copy = await SampleCopy.CreateAsync();
        File.WriteAllText(Path.Combine(copy.Root, ".gitignore"), "bin/\nobj/\n*.db\n");
        await Processes.GitAsync(copy.Root, "init", "-q");
        await Processes.GitAsync(copy.Root, "add", "-A");
        await Processes.GitAsync(copy.Root, "-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "sample");
        var before = await FindingCountAsync(copy);

        var dryRun = await TenantAudit.RunAsync("fix", copy.Legacy, "--no-restore", "--dry-run");

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Contains("--- a/samples/BookingApp.Legacy/", dryRun.Output);
        Assert.Contains("Dry run: nothing written.", dryRun.Output);
        Assert.Empty(await GitStatusAsync(copy));

        // A file the fix would touch has an uncommitted edit: the fix refuses and writes nothing.
        var touched = dryRun.Output.Split('\n').First(l => l.StartsWith("--- a/", StringComparison.Ordinal))["--- a/".Length..].Trim();
        var dirty = Path.Combine(copy.Root, touched);
        File.AppendAllText(dirty, "// work in progress\n");
        var refused = await TenantAudit.RunAsync("fix", copy.Legacy, "--no-restore");
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("uncommitted changes", refused.Error);
        Assert.Equal([touched], (await GitStatusAsync(copy)).Select(l => l[3..]));
        await Processes.GitAsync(copy.Root, "checkout", "--", touched);

        var fix = await TenantAudit.RunAsync("fix", copy.Legacy, "--no-restore");

        Assert.True(fix.ExitCode == 0, fix.ToString());
        var changed = await GitStatusAsync(copy);
        Assert.NotEmpty(changed);
        Assert.All(changed, line => Assert.StartsWith(" M ", line));
        var build = await Processes.DotnetAsync(copy.Legacy, "build", "--no-restore");
        Assert.True(build.ExitCode == 0, "the fixed sample does not build:\n" + build.Output);
        Assert.Contains(" 0 Error(s)", build.Output);
        var after = await FindingCountAsync(copy);
        Assert.True(after < before, $"findings {before} -> {after}\n{fix.Output}");
        Assert.Contains($"Total  {before,4} -> {after,4}", fix.Output);

        // What is left (sign-in) lists the actions a person can pick, not the group that holds them.
        Assert.Contains("offered: Remove 'IgnoreQueryFilters'", fix.Output);
        Assert.Contains("Mark as cross-tenant", fix.Output);
        Assert.DoesNotContain("Fix by hand", fix.Output);

        await using var app = await RunningApp.StartAsync(copy.Legacy, Path.Combine(copy.Legacy, "bin", "Debug", "net10.0", "BookingApp.Legacy.dll"));
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
        var signIn = await client.PostAsJsonAsync("api/auth/login", new { email = "anna.keller@salon-aurora.example", password = "aurora-admin-2024" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var token = (string?)JsonNode.Parse(await signIn.Content.ReadAsStringAsync())!["token"];
        Assert.False(string.IsNullOrEmpty(token));
        var wrongPassword = await client.PostAsJsonAsync("api/auth/login", new { email = "anna.keller@salon-aurora.example", password = "guess" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
    }

    private static async Task<int> FindingCountAsync(SampleCopy copy)
    {
        var report = Path.Combine(copy.Root, "..", Path.GetFileName(copy.Root) + "-scan.json");
        var run = await TenantAudit.RunAsync("scan", copy.Legacy, "--no-restore", "--format", "json", "--output", report);
        Assert.True(run.ExitCode == 0, run.ToString());
        var total = (int)JsonNode.Parse(File.ReadAllText(report))!["summary"]!["total"]!;
        File.Delete(report);
        return total;
    }

    private static async Task<List<string>> GitStatusAsync(SampleCopy copy)
    {
        var (exitCode, output) = await Processes.RunAsync("git", copy.Root, TimeSpan.FromMinutes(1), "status", "--porcelain", "--untracked-files=all", "--", "samples");
        Assert.Equal(0, exitCode);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
