using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantAnalyzers.StressTests.Sources;
using TenantAnalyzers.Tests.Infrastructure;

namespace TenantAnalyzers.StressTests.Hosting;

/// <summary>
/// Runs the analyzers on a file the way an IDE does after an edit: a fresh compilation of the file's project with the
/// edited file, one <see cref="CompilationWithAnalyzers"/> per analyzer, the file's semantic diagnostics, analyzer
/// exceptions collected through the host callback (an IDE shows them as AD0001).
/// </summary>
public sealed class AnalyzerHost
{
    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false);

    private AnalyzerHost(ImmutableArray<MetadataReference> references)
    {
        References = references;
    }

    /// <summary>Every analyzer of the package, by name.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(TenantAnalyzers.Rules.FilterBypassAnalyzer).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>.NET 10, ASP.NET Core 10 and EF Core 10: what every source of the repository compiles against.</summary>
    public ImmutableArray<MetadataReference> References { get; }

    public static async Task<AnalyzerHost> CreateAsync() =>
        new(await TestReferences.AspNetCore10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    public static string NameOf(DiagnosticAnalyzer analyzer) => analyzer.GetType().Name;

    public CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("Stress", trees, References, CompilationOptions);

    /// <summary>Without nullable analysis: on a member of thousands of statements, the compiler's own takes minutes.</summary>
    public CSharpCompilation CompileWithoutNullable(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("Stress", trees, References, CompilationOptions.WithNullableContextOptions(NullableContextOptions.Disable));

    /// <summary>A fresh compilation of <paramref name="source"/>'s project with <paramref name="text"/> in its place, and that file's tree.</summary>
    public (CSharpCompilation Compilation, SyntaxTree Tree) Compile(StressSource source, string text)
    {
        var tree = StressProject.Parse(text, source.Path);
        return (Compile(source.TreesWith(tree)), tree);
    }

    /// <summary>
    /// Runs one analyzer on one file of a compilation; the diagnostics go to <paramref name="found"/> when given. Its own
    /// time is the host's telemetry of the analyzer's callbacks (the binding they ask for included, the driver's
    /// compilation of the file not).
    /// </summary>
    public static Measured Analyze(
        Compilation compilation,
        SyntaxTree tree,
        DiagnosticAnalyzer analyzer,
        ImmutableDictionary<string, string> options,
        List<Diagnostic>? found = null,
        TimeSpan? cancelBound = null) =>
        Measurement.Run(
            async cancellationToken =>
        {
            var exceptions = new List<Exception>();
            var withAnalyzers = compilation.WithAnalyzers([analyzer], Options(options, exceptions));
            var model = withAnalyzers.Compilation.GetSemanticModel(tree);
            var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, cancellationToken);
            found?.AddRange(diagnostics);
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken);
            return new WorkReport(exceptions, telemetry.ExecutionTime);
        },
            cancelBound ?? StressSettings.CancelBound);

    public static CompilationWithAnalyzersOptions Options(ImmutableDictionary<string, string> options, List<Exception> exceptions) =>
        new(
            new AnalyzerOptions([], new BookingApp.Tests.Analysis.GlobalConfigOptionsProvider(options)),
            onAnalyzerException: (exception, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception);
                }
            },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true);
}
