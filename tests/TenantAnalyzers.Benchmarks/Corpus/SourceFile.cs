namespace TenantAnalyzers.Benchmarks.Corpus;

/// <summary>One generated C# file, by its path inside the generated project.</summary>
public sealed record SourceFile(string Path, string Text);
