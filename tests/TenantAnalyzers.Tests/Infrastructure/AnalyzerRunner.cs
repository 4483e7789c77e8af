using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TenantAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs every analyzer of the package over sources that need not compile (code as typed in an editor) and
/// collects both diagnostics and analyzer exceptions, which the verifiers would only show as AD0001.
/// </summary>
public static class AnalyzerRunner
{
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(TenantAnalyzers.Rules.FilterBypassAnalyzer).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> RunAsync(params string[] sources) =>
        RunAsync(CancellationToken.None, sources);

    public static Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> RunAsync(CancellationToken cancellationToken, params string[] sources) =>
        RunAsync(TestReferences.EfCore10, cancellationToken, sources);

    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> RunAsync(
        ReferenceAssemblies referenceSet, CancellationToken cancellationToken, params string[] sources)
    {
        var references = await referenceSet.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"/0/Test{i}.cs")).ToArray();
        var compilation = CSharpCompilation.Create(
            "Incomplete",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        return (diagnostics, exceptions);
    }
}
