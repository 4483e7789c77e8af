using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TenantAnalyzers.Benchmarks.Analyzers;

/// <summary>The analyzer sets the benchmark compares.</summary>
public static class AnalyzerSets
{
    public const string Ours = "TenantAnalyzers";
    public const string BannedApi = "BannedApiAnalyzers";
    public const string EfCore = "EF Core analyzers";
    public const string OneLiner = "one-line syntax baseline";
    public const string NoOp = "no-op";
    public const string OursWithoutFilterDiscovery = "TenantAnalyzers, query_filters = all";

    /// <summary>The banned-API analyzer's diagnostic id, counted to prove it really finds the bypasses.</summary>
    public const string BannedApiDiagnosticId = "RS0030";

    private static readonly string ReferenceAnalyzerFolder = Path.Combine(AppContext.BaseDirectory, "reference-analyzers");

    /// <summary>Every concrete analyzer type of the TenantAnalyzers assembly, found by reflection so new rules are measured without a change here.</summary>
    public static AnalyzerSet TenantAnalyzers() => AnalyzerSet.Of(
        Ours,
        typeof(global::TenantAnalyzers.Rules.FilterBypassAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!));

    /// <summary>
    /// Profiling experiment: our analyzers told that every tenant-owned type is filtered (<c>tenant_isolation.query_filters = all</c>),
    /// which skips the discovery of the model's query filters and changes nothing else on this corpus (every entity is filtered).
    /// </summary>
    public static AnalyzerSet TenantAnalyzersWithoutFilterDiscovery()
    {
        var options = new GlobalOptionsProvider(ImmutableDictionary<string, string>.Empty.Add("tenant_isolation.query_filters", "all"));
        var ours = TenantAnalyzers();
        return ours with { Name = OursWithoutFilterDiscovery, Options = new AnalyzerOptions([], options) };
    }

    /// <summary>BannedApiAnalyzers told to ban every IgnoreQueryFilters overload the referenced EF Core declares.</summary>
    public static AnalyzerSet BannedApiAnalyzers(IReadOnlyList<string> bannedDocumentationIds)
    {
        var bannedSymbols = string.Join("\n", bannedDocumentationIds.Select(id => $"{id};Bypasses the tenant query filter"));
        return AnalyzerSet.Of(BannedApi, Load("banned-api"), new InMemoryAdditionalText("/booking/BannedSymbols.txt", bannedSymbols));
    }

    public static AnalyzerSet EfCoreAnalyzers() => AnalyzerSet.Of(EfCore, Load("ef-core"));

    public static AnalyzerSet OneLineBaseline() => AnalyzerSet.Of(OneLiner, [new IgnoreQueryFiltersSyntaxAnalyzer()]);

    public static AnalyzerSet NoAnalyzers() => AnalyzerSet.Of(NoOp, [new NoOpAnalyzer()]);

    /// <summary>The documentation ids of every IgnoreQueryFilters overload, read from the compilation so none is missed.</summary>
    public static ImmutableArray<string> IgnoreQueryFiltersOverloads(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions")?
            .GetMembers("IgnoreQueryFilters")
            .Select(m => m.GetDocumentationCommentId()!)
            .ToImmutableArray()
        ?? [];

    /// <summary>The C# analyzers (and suppressors) a package ships under analyzers/dotnet/cs, loaded as the compiler loads them.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> Load(string folder)
    {
        var loader = new DirectoryAnalyzerLoader();
        var paths = Directory.GetFiles(Path.Combine(ReferenceAnalyzerFolder, folder), "*.dll");
        foreach (var path in paths)
        {
            loader.AddDependencyLocation(path);
        }

        var analyzers = paths
            .Select(path => new AnalyzerFileReference(path, loader))
            .SelectMany(reference => reference.GetAnalyzers(LanguageNames.CSharp))
            .ToImmutableArray();
        if (analyzers.IsEmpty)
        {
            throw new InvalidOperationException($"No analyzer found in {folder}: the reference comparison would be empty.");
        }

        return analyzers;
    }

    /// <summary>Loads analyzer assemblies into the default context; the package's own DLLs resolve each other by path.</summary>
    private sealed class DirectoryAnalyzerLoader : IAnalyzerAssemblyLoader
    {
        private readonly Dictionary<string, string> _pathsBySimpleName = new(StringComparer.OrdinalIgnoreCase);

        public DirectoryAnalyzerLoader()
        {
            AppDomain.CurrentDomain.AssemblyResolve += (_, args) =>
                _pathsBySimpleName.TryGetValue(new AssemblyName(args.Name).Name ?? "", out var path) ? Assembly.LoadFrom(path) : null;
        }

        public void AddDependencyLocation(string fullPath) => _pathsBySimpleName[Path.GetFileNameWithoutExtension(fullPath)] = fullPath;

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
