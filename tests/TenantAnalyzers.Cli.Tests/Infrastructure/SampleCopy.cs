using System.Text.RegularExpressions;

namespace TenantAnalyzers.Cli.Tests.Infrastructure;

/// <summary>
/// A copy of the legacy sample in a temporary folder, laid out as in the repository (the sample, its data project, the
/// central build and package props) so that it builds on its own. Instead of the analyzer project it takes the
/// analyzer assembly these tests were built with, as the NuGet package delivers it (an Analyzer item): a real
/// <c>dotnet build</c> then runs the rules and the baseline suppressor as a consumer's build does.
/// </summary>
public sealed class SampleCopy : IDisposable
{
    private SampleCopy(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string Legacy => Path.Combine(Root, "samples", "BookingApp.Legacy");

    public string LegacyProject => Path.Combine(Legacy, "BookingApp.Legacy.csproj");

    public static async Task<SampleCopy> CreateAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "tenant-audit-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        File.Copy(Path.Combine(Repository.Root, "Directory.Build.props"), Path.Combine(root, "Directory.Build.props"));
        File.Copy(Path.Combine(Repository.Root, "Directory.Packages.props"), Path.Combine(root, "Directory.Packages.props"));
        foreach (var sampleProject in new[] { "BookingApp.Data", "BookingApp.Legacy" })
        {
            CopyDirectory(Path.Combine(Repository.Root, "samples", sampleProject), Path.Combine(root, "samples", sampleProject));
        }

        var copy = new SampleCopy(root);
        var analyzer = Path.Combine(AppContext.BaseDirectory, "TenantAnalyzers.dll");
        var project = File.ReadAllText(copy.LegacyProject);
        // The analyzer (and any fix) project the sample references, replaced by the built analyzer assembly.
        var ownReferences = new Regex("""<ProjectReference Include="[^"]*src[\\/]TenantAnalyzers[^"]*" [^>]*/>""");
        Assert.Matches(ownReferences, project);
        File.WriteAllText(copy.LegacyProject, ownReferences.Replace(project, "").Replace("</Project>", $"""  <ItemGroup><Analyzer Include="{analyzer}" /></ItemGroup>{"\n"}</Project>""", StringComparison.Ordinal));
        var (exitCode, output) = await Processes.DotnetAsync(copy.Legacy, "restore", "--nologo");
        Assert.True(exitCode == 0, "restore of the sample copy failed:\n" + output);
        return copy;
    }

    public string PathOf(string relativeToLegacy) => Path.Combine(Legacy, relativeToLegacy.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Inserts <paramref name="lines"/> above the first line of <paramref name="file"/> that contains <paramref name="marker"/>.</summary>
    public void InsertAbove(string file, string marker, params string[] lines)
    {
        var path = PathOf(file);
        var text = File.ReadAllLines(path).ToList();
        var index = text.FindIndex(l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{marker}' not found in {file}");
        text.InsertRange(index, lines);
        File.WriteAllLines(path, text);
    }

    /// <summary>Adds a member to the class in <paramref name="file"/>, before its last closing brace.</summary>
    public void AddMember(string file, string member)
    {
        var path = PathOf(file);
        var text = File.ReadAllText(path);
        var end = text.LastIndexOf('}');
        File.WriteAllText(path, text[..end].TrimEnd() + "\n\n" + member + "\n}\n");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process that still holds a file (a build node) must not fail the test; the folder is in the temp area.
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
            {
                CopyDirectory(directory, Path.Combine(to, name));
            }
        }
    }
}
