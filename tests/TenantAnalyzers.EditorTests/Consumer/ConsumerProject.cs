using System.Text.RegularExpressions;
using TenantAnalyzers.EditorTests.Infrastructure;

namespace TenantAnalyzers.EditorTests.Consumer;

/// <summary>
/// A small EF Core app that references the packed package from a local folder feed, set up as
/// .ci/package-smoke-test.sh sets one up: its own nuget.config, and a private package folder so that a package of
/// the same version extracted earlier into the global NuGet cache is never used.
/// </summary>
internal sealed partial class ConsumerProject
{
    private const string EntityFrameworkCoreVersion = "10.0.15";

    private readonly string _packagesDirectory;

    public ConsumerProject(string directory, string packagesDirectory)
    {
        Directory = directory;
        _packagesDirectory = packagesDirectory;
    }

    public string Directory { get; }

    public string ServicePath => Path.Combine(Directory, ShopSources.ServiceFileName);

    /// <summary>For every process that reads the restored project, the language server included.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = _packagesDirectory };

    public void Write(string feedDirectory, string packageVersion)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>

            """);
        File.WriteAllText(Path.Combine(Directory, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.EntityFrameworkCore" Version="{EntityFrameworkCoreVersion}" />
                <PackageReference Include="TenantAnalyzers" Version="{packageVersion}" />
              </ItemGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(Directory, ShopSources.ModelFileName), ShopSources.Model);
        File.WriteAllText(ServicePath, ShopSources.Service);
    }

    /// <summary>csharp-ls does not restore: the project is restored before the server opens it.</summary>
    public Task RestoreAsync() =>
        ChildProcess.RunDotnetAsync(Directory, ["restore", "-nodeReuse:false"], TimeSpan.FromMinutes(5), Environment);

    /// <summary>
    /// Builds the project (no compiler server, so that nothing outlives the test; the classic console log, whose
    /// diagnostic lines are parsed) and returns the TI diagnostics the build reports in <paramref name="sourcePath"/>.
    /// </summary>
    public async Task<IReadOnlySet<Finding>> BuildAsync(string sourcePath)
    {
        string output = await ChildProcess.RunDotnetAsync(
            Directory,
            ["build", "--no-restore", "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false"],
            TimeSpan.FromMinutes(5),
            Environment);

        // MSBuild prints each warning twice (as it happens and in the summary); a set keeps one.
        var findings = new HashSet<Finding>();
        foreach (Match match in BuildDiagnosticLine().Matches(output))
        {
            if (Path.GetFullPath(match.Groups["file"].Value) == Path.GetFullPath(sourcePath))
            {
                findings.Add(new Finding(
                    match.Groups["id"].Value,
                    int.Parse(match.Groups["line"].Value) - 1,
                    int.Parse(match.Groups["column"].Value) - 1));
            }
        }

        return findings;
    }

    [GeneratedRegex(@"^\s*(?<file>[^\r\n]+?)\((?<line>\d+),(?<column>\d+)\): (?:warning|error) (?<id>TI\d{4}):", RegexOptions.Multiline)]
    private static partial Regex BuildDiagnosticLine();
}
