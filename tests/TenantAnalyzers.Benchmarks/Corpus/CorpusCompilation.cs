using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace TenantAnalyzers.Benchmarks.Corpus;

/// <summary>
/// A generated code base parsed once, from which fresh compilations are made: parsing is shared, binding never is
/// (each <see cref="CreateCompilation"/> starts with no bound symbol or body).
/// </summary>
public sealed class CorpusCompilation
{
    /// <summary>What the audited platform compiles against: .NET 10, ASP.NET Core 10 and EF Core 10.</summary>
    private static readonly ReferenceAssemblies References = new ReferenceAssemblies(
            "net10.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"), Path.Combine("ref", "net10.0"))
        .AddPackages([
            new PackageIdentity("Microsoft.AspNetCore.App.Ref", "10.0.12"),
            new PackageIdentity("Microsoft.EntityFrameworkCore", "10.0.15"),
        ]);

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // Single-threaded binding: the analyzers run with concurrentAnalysis off, so both sides of ours/compile are work on one core.
    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false);

    private readonly ImmutableArray<MetadataReference> _references;

    private CorpusCompilation(GeneratedCorpus corpus, ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
    {
        Corpus = corpus;
        Trees = trees;
        _references = references;
    }

    public GeneratedCorpus Corpus { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public static async Task<ImmutableArray<MetadataReference>> ResolveReferencesAsync(CancellationToken cancellationToken) =>
        await References.ResolveAsync(LanguageNames.CSharp, cancellationToken);

    public static CorpusCompilation Parse(GeneratedCorpus corpus, ImmutableArray<MetadataReference> references)
    {
        var trees = corpus.Files
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: "/booking/" + f.Path))
            .ToImmutableArray();
        return new CorpusCompilation(corpus, trees, references);
    }

    /// <summary>
    /// The same corpus parsed again: a build parses its files afresh, so nothing an earlier measurement cached on the
    /// syntax trees (analyzers may cache per-tree facts for the IDE's compilation snapshots) may carry over.
    /// </summary>
    public CorpusCompilation Reparse() => Parse(Corpus, _references);

    public CSharpCompilation CreateCompilation() =>
        CSharpCompilation.Create("Booking", Trees, _references, CompilationOptions);
}
