using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TenantAnalyzers.Benchmarks.Analyzers;

/// <summary>An additional file (such as BannedSymbols.txt) handed to analyzers without touching the disk.</summary>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
