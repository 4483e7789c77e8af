using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantAnalyzers.Benchmarks.Analyzers;
using TenantAnalyzers.Benchmarks.Corpus;

namespace TenantAnalyzers.Benchmarks.Measurement;

/// <summary>
/// Whole-compilation figures, each on a fresh compilation of the same parsed corpus so that no measurement inherits
/// another's bound symbols or bodies. (A compilation bound up front would not help the analyzer sets anyway:
/// CompilationWithAnalyzers analyses a copy of it, with its own symbols, that it binds again.)
/// </summary>
public static class WholeCompilationMeasurement
{
    /// <summary>The compiler's own work: binding every declaration and body and reporting its diagnostics.</summary>
    public static (double Milliseconds, int Errors, int Collections) Compile(CorpusCompilation corpus)
    {
        var compilation = corpus.CreateCompilation();
        var collections = CollectionHoldOff.Count();
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = compilation.GetDiagnostics();
        stopwatch.Stop();
        collections = CollectionHoldOff.Count() - collections;
        return (stopwatch.Elapsed.TotalMilliseconds, diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error), collections);
    }

    public static async Task<AnalyzerRun> AnalyzeAsync(CorpusCompilation corpus, AnalyzerSet set, CancellationToken cancellationToken)
    {
        var exceptions = 0;
        var options = new CompilationWithAnalyzersOptions(
            set.Options,
            onAnalyzerException: (_, _, _) => Interlocked.Increment(ref exceptions),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var compilation = corpus.CreateCompilation();

        // csc computes declaration diagnostics before it starts the analyzers, so the metadata references are bound by
        // then. Here the first analyzer to ask for a symbol would bind them (tens of milliseconds at 1,000 files) and be
        // charged for the compiler's work; the analysed copy CompilationWithAnalyzers makes reuses this binding.
        _ = compilation.Assembly;
        var withAnalyzers = compilation.WithAnalyzers(set.Analyzers, options);

        var collections = CollectionHoldOff.Count();
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        stopwatch.Stop();
        collections = CollectionHoldOff.Count() - collections;

        var byAnalyzer = ImmutableDictionary.CreateBuilder<string, double>();
        foreach (var analyzer in set.Analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken);
            var name = analyzer.GetType().Name;
            byAnalyzer[name] = byAnalyzer.GetValueOrDefault(name) + telemetry.ExecutionTime.TotalMilliseconds;
        }

        var byId = diagnostics.GroupBy(d => d.Id).ToImmutableDictionary(g => g.Key, g => g.Count());
        return new AnalyzerRun(set.Name, byAnalyzer.Values.Sum(), stopwatch.Elapsed.TotalMilliseconds, byAnalyzer.ToImmutable(), byId, exceptions, collections);
    }
}
