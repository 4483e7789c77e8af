using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using TenantAnalyzers.Benchmarks.Corpus;
using TenantAnalyzers.Tests.Infrastructure;

namespace TenantAnalyzers.StressTests.Sources;

/// <summary>
/// Every C# source the repository holds, each in the project a host would compile it in: the rule-test inputs (with
/// the booking prelude, unless the input declares its own DbContext), the sample apps (with their project's files, the
/// shared data project and the project's <c>.globalconfig</c>), and the benchmark's generated corpus (with its domain).
/// </summary>
public static class RepositorySources
{
    /// <summary>Files of the generated corpus: its shared domain and enough feature files for every method template.</summary>
    public const int CorpusFiles = 40;

    private static readonly Lazy<SourceGroups> All = new(Load);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static IReadOnlyList<StressSource> RuleTestInputs => All.Value.RuleTestInputs;

    public static IReadOnlyList<StressSource> Samples => All.Value.Samples;

    public static IReadOnlyList<StressSource> Corpus => All.Value.Corpus;

    /// <summary>The three groups, each as one list: the suite gives each group the same share of its variants.</summary>
    public static IReadOnlyList<IReadOnlyList<StressSource>> Groups => [RuleTestInputs, Samples, Corpus];

    private static SourceGroups Load() => new(LoadRuleTestInputs(), LoadSamples(), LoadCorpus());

    private static IReadOnlyList<StressSource> LoadRuleTestInputs()
    {
        var prelude = StressProject.Parse(Prelude.Domain, Prelude.FileName);
        var withPrelude = new StressProject("rule tests", [prelude], ImmutableDictionary<string, string>.Empty);
        var alone = new StressProject("rule tests (own model)", [], ImmutableDictionary<string, string>.Empty);
        return global::TenantAnalyzers.StressTests.Sources.RuleTestInputs.Read(RepositoryRoot)
            .Where(input => input.Text != Prelude.Domain)
            .Select(input => new StressSource(input.Name, "/0/Test0.cs", input.Text, DeclaresDbContext(input.Text) ? alone : withPrelude))
            .ToList();
    }

    private static bool DeclaresDbContext(string text) =>
        text.Contains(": DbContext", StringComparison.Ordinal) || text.Contains(":DbContext", StringComparison.Ordinal);

    private static IReadOnlyList<StressSource> LoadSamples()
    {
        var samples = Path.Combine(RepositoryRoot, "samples");
        var data = ParseProject(Path.Combine(samples, "BookingApp.Data"));
        var sources = new List<StressSource>();
        foreach (var name in new[] { "BookingApp.Data", "BookingApp.Legacy", "BookingApp" })
        {
            var directory = Path.Combine(samples, name);
            var own = name == "BookingApp.Data" ? data : ParseProject(directory);
            var trees = name == "BookingApp.Data" ? own : own.Concat(data);
            var project = new StressProject(name, trees, ReadGlobalConfig(Path.Combine(directory, ".globalconfig")));
            foreach (var tree in own)
            {
                var relative = Path.GetRelativePath(RepositoryRoot, tree.FilePath).Replace('\\', '/');
                sources.Add(new StressSource(relative, tree.FilePath, tree.GetText().ToString(), project));
            }
        }

        return sources;
    }

    private static IReadOnlyList<SyntaxTree> ParseProject(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => Path.GetRelativePath(directory, path).Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .Select(path => StressProject.Parse(File.ReadAllText(path), path))
            .ToList();

    /// <summary>The <c>key = value</c> lines of a <c>.globalconfig</c> (the samples use no sections).</summary>
    private static ImmutableDictionary<string, string> ReadGlobalConfig(string path)
    {
        var options = ImmutableDictionary.CreateBuilder<string, string>();
        if (File.Exists(path))
        {
            foreach (var line in File.ReadAllLines(path))
            {
                var equals = line.IndexOf('=');
                if (equals > 0 && !line.TrimStart().StartsWith('#') && line.Trim() != "is_global = true")
                {
                    options[line[..equals].Trim()] = line[(equals + 1)..].Trim();
                }
            }
        }

        return options.ToImmutable();
    }

    private static IReadOnlyList<StressSource> LoadCorpus()
    {
        var corpus = new CorpusGenerator(Hosting.StressSettings.Seed).Generate(CorpusFiles);
        var domain = corpus.Files.Where(f => !f.Path.StartsWith("Features/", StringComparison.Ordinal)).ToList();
        var project = new StressProject("corpus", domain.Select(f => StressProject.Parse(f.Text, "/booking/" + f.Path)), ImmutableDictionary<string, string>.Empty);
        return corpus.Files
            .Select(f => new StressSource("corpus/" + f.Path, "/booking/" + f.Path, f.Text, project))
            .ToList();
    }

    private static string FindRepositoryRoot()
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

    private sealed record SourceGroups(IReadOnlyList<StressSource> RuleTestInputs, IReadOnlyList<StressSource> Samples, IReadOnlyList<StressSource> Corpus);
}
