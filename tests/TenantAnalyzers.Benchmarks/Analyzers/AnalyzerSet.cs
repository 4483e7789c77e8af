using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TenantAnalyzers.Benchmarks.Analyzers;

/// <summary>Analyzers measured together, with the options (additional files) they are run with.</summary>
public sealed record AnalyzerSet(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers, AnalyzerOptions Options)
{
    public static AnalyzerSet Of(string name, IEnumerable<DiagnosticAnalyzer> analyzers, params AdditionalText[] additionalFiles) =>
        new(name, analyzers.ToImmutableArray(), new AnalyzerOptions([.. additionalFiles]));
}
