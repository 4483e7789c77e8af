namespace TenantAnalyzers.Benchmarks.Corpus;

/// <summary>A generated code base and the facts the benchmark checks the analyzers' findings against.</summary>
public sealed record GeneratedCorpus(
    IReadOnlyList<SourceFile> Files,
    int Lines,
    int Methods,
    int ViolationMethods,
    int JustifiedBypasses,
    int IgnoreQueryFiltersCalls);
