using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BookingApp.Tests.BulkFixing;

/// <summary>The TI findings of a build, one per location (MSBuild repeats warnings).</summary>
public sealed record BuildResult(CommandResult Command, IReadOnlyList<string> Findings)
{
    public bool Succeeded => Command.ExitCode == 0;

    public int Count(string ruleId) => Findings.Count(f => f.StartsWith(ruleId + " ", StringComparison.Ordinal));
}

/// <summary>
/// A temporary copy of samples/BookingApp.Legacy and BookingApp.Data switched from the analyzer projects to the
/// TenantAnalyzers package packed from this repository (a fresh version in a local feed, restored into a private
/// package folder, as <c>.ci/package-smoke-test.sh</c> does): the app as a user of the package has it.
/// </summary>
public sealed partial class PackedLegacyCopy : IDisposable
{
    private readonly string _root;
    private readonly Dictionary<string, string> _environment;

    private PackedLegacyCopy(string root)
    {
        _root = root;
        _environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") };
    }

    public string LegacyDirectory => Path.Combine(_root, "app", "samples", "BookingApp.Legacy");

    public string LegacyProject => Path.Combine(LegacyDirectory, "BookingApp.Legacy.csproj");

    public string AppAssembly => Path.Combine(LegacyDirectory, "bin", "Debug", "net10.0", "BookingApp.Legacy.dll");

    public string WorkDirectory => _root;

    /// <summary>Packs the package, copies and switches the sample, restores it.</summary>
    public static async Task<PackedLegacyCopy> CreateAsync()
    {
        var copy = new PackedLegacyCopy(Path.Combine(Path.GetTempPath(), $"tenant-bulkfix-{Guid.NewGuid():N}"));
        try
        {
            await copy.PackAsync(out string version);
            copy.CopySample(version);
            Require(await DotnetCli.RunAsync(copy._root, copy._environment, "restore", copy.LegacyProject));
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    public async Task<BuildResult> BuildAsync()
    {
        CommandResult build = await DotnetCli.RunAsync(_root, _environment, "build", LegacyProject, "--no-restore", "--no-incremental", "-tl:off", "-clp:NoSummary");
        List<string> findings = build.Output.Split('\n')
            .Select(line => WarningLine().Match(line))
            .Where(match => match.Success)
            .Select(match => $"{match.Groups["rule"].Value} {Path.GetRelativePath(LegacyDirectory, match.Groups["file"].Value).Replace('\\', '/')}:{match.Groups["line"].Value}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return new BuildResult(build, findings);
    }

    /// <summary>The SDK's own bulk fixer, as the README tells users to run it.</summary>
    public Task<CommandResult> FormatAsync(IEnumerable<string> rules) =>
        DotnetCli.RunAsync(_root, _environment, ["format", "analyzers", LegacyProject, "--diagnostics", .. rules, "--severity", "warn", "--no-restore"]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process that is exiting: the temp folder is cleaned by the system.
        }
    }

    private static void Require(CommandResult result)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.ToString());
        }
    }

    /// <summary>Packs the analyzers and fixes from a copy of their sources, so the repository's own build output is left alone.</summary>
    private Task PackAsync(out string version)
    {
        string repository = RepositoryRoot();
        string packageSources = Path.Combine(_root, "package");
        foreach (string project in new[] { "TenantAnalyzers", "TenantAnalyzers.CodeFixes", "TenantAnalyzers.Package" })
        {
            CopyDirectory(Path.Combine(repository, "src", project), Path.Combine(packageSources, "src", project));
        }

        foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "README.md" })
        {
            File.Copy(Path.Combine(repository, file), Path.Combine(packageSources, file));
        }

        // A version no package cache has seen: the restore below can only take this build.
        version = $"0.0.1-bulkfix.t{Guid.NewGuid():N}";
        return PackAsync(packageSources, version);
    }

    private async Task PackAsync(string packageSources, string version) =>
        Require(await DotnetCli.RunAsync(packageSources, new Dictionary<string, string>(),
            "pack", Path.Combine(packageSources, "src", "TenantAnalyzers.Package"), "-c", "Release", "-o", Path.Combine(_root, "feed"), $"-p:Version={version}"));

    private void CopySample(string version)
    {
        string repository = RepositoryRoot();
        string app = Path.Combine(_root, "app");
        CopyDirectory(Path.Combine(repository, "samples", "BookingApp.Data"), Path.Combine(app, "samples", "BookingApp.Data"));
        CopyDirectory(Path.Combine(repository, "samples", "BookingApp.Legacy"), LegacyDirectory);
        File.Copy(Path.Combine(repository, "Directory.Build.props"), Path.Combine(app, "Directory.Build.props"));

        XDocument packages = XDocument.Load(Path.Combine(repository, "Directory.Packages.props"));
        packages.Root!.Add(new XElement("ItemGroup", new XElement("PackageVersion", new XAttribute("Include", "TenantAnalyzers"), new XAttribute("Version", version))));
        packages.Save(Path.Combine(app, "Directory.Packages.props"));

        // The analyzer and fix projects out, the package in; the sample declares its own [CrossTenant].
        XDocument project = XDocument.Load(LegacyProject);
        project.Descendants("ProjectReference").Where(r => ((string?)r.Attribute("Include"))?.Contains("src", StringComparison.Ordinal) == true).Remove();
        project.Root!.Add(
            new XElement("ItemGroup", new XElement("PackageReference", new XAttribute("Include", "TenantAnalyzers"), new XAttribute("PrivateAssets", "all"))),
            new XElement("PropertyGroup", new XElement("TenantAnalyzersCrossTenantAttribute", "false")));
        project.Save(LegacyProject);

        string machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Path.Combine(_root, "feed")}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <!-- The machine's packages are read where they are; only the packed package lands in the private folder. -->
              <fallbackPackageFolders>
                <add key="machine" value="{machinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string path in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, path);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TenantAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TenantAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^(?<file>[^(]+)\((?<line>\d+),\d+\): warning (?<rule>TI\d{4}):")]
    private static partial Regex WarningLine();
}
