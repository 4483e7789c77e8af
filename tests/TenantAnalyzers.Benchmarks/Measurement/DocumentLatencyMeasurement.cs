using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantAnalyzers.Benchmarks.Analyzers;
using TenantAnalyzers.Benchmarks.Corpus;

namespace TenantAnalyzers.Benchmarks.Measurement;

/// <summary>One document's semantic analysis with our analyzers, the profiling variant of ours, and the two baselines.</summary>
public sealed record DocumentSample(
    string Path,
    double ExecutionMs,
    double WithoutFilterDiscoveryExecutionMs,
    double WallMs,
    double NoOpWallMs,
    double OneLinerWallMs,
    long AllocatedBytes,
    long NoOpAllocatedBytes,
    long OneLinerAllocatedBytes);

/// <summary>
/// Semantic diagnostics of one document at a time (<c>GetAnalyzerSemanticDiagnosticsAsync(semanticModel, null)</c>), as
/// the IDE asks for the document being edited, on CompilationWithAnalyzers of one compilation that has bound everything.
/// <para>
/// Roslyn analyses each such request on a copy of the compilation with its own event queue: every request binds the
/// document again and runs every analyzer's compilation-start actions again (seen with a probe analyzer: ten requests,
/// ten distinct compilations). So per-request work is what an edit costs, and that includes our compilation-start work.
/// </para>
/// Our time is the growth of the execution-time telemetry during the call: the time inside our callbacks, binding
/// they ask for included. The wall time and allocations of the same call are compared with a no-op analyzer (driver
/// and binding cost of having any analyzer) and with the one-line syntax baseline (the floor of any analyzer that
/// registers syntax-node actions, which makes the driver bind the document).
/// </summary>
public static class DocumentLatencyMeasurement
{
    public static async Task<ImmutableArray<DocumentSample>> MeasureEveryDocumentAsync(
        CorpusCompilation corpus, AnalyzerSet ours, CancellationToken cancellationToken)
    {
        var noOp = AnalyzerSets.NoAnalyzers();
        var oneLiner = AnalyzerSets.OneLineBaseline();
        var withoutDiscovery = AnalyzerSets.TenantAnalyzersWithoutFilterDiscovery();
        var compilation = corpus.CreateCompilation();
        compilation.GetDiagnostics(cancellationToken);
        var withOurs = compilation.WithAnalyzers(ours.Analyzers, Options(ours));
        var withOursWithoutDiscovery = compilation.WithAnalyzers(withoutDiscovery.Analyzers, Options(withoutDiscovery));
        var withNoOp = compilation.WithAnalyzers(noOp.Analyzers, Options(noOp));
        var withOneLiner = compilation.WithAnalyzers(oneLiner.Analyzers, Options(oneLiner));

        var samples = ImmutableArray.CreateBuilder<DocumentSample>(corpus.Trees.Length);
        foreach (var tree in corpus.Trees)
        {
            var noOpCall = await AnalyzeDocumentAsync(withNoOp, noOp, tree, cancellationToken);
            var oneLinerCall = await AnalyzeDocumentAsync(withOneLiner, oneLiner, tree, cancellationToken);
            var ourCall = await AnalyzeDocumentAsync(withOurs, ours, tree, cancellationToken);
            var withoutDiscoveryCall = await AnalyzeDocumentAsync(withOursWithoutDiscovery, withoutDiscovery, tree, cancellationToken);
            samples.Add(new DocumentSample(
                tree.FilePath,
                ourCall.ExecutionMs,
                withoutDiscoveryCall.ExecutionMs,
                ourCall.WallMs,
                noOpCall.WallMs,
                oneLinerCall.WallMs,
                ourCall.AllocatedBytes,
                noOpCall.AllocatedBytes,
                oneLinerCall.AllocatedBytes));
        }

        return samples.MoveToImmutable();
    }

    private static async Task<(double ExecutionMs, double WallMs, long AllocatedBytes)> AnalyzeDocumentAsync(
        CompilationWithAnalyzers withAnalyzers, AnalyzerSet set, SyntaxTree tree, CancellationToken cancellationToken)
    {
        var semanticModel = withAnalyzers.Compilation.GetSemanticModel(tree);
        var executionBefore = await ExecutionTimeAsync(withAnalyzers, set, cancellationToken);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(semanticModel, filterSpan: null, cancellationToken);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var execution = await ExecutionTimeAsync(withAnalyzers, set, cancellationToken) - executionBefore;
        return (execution.TotalMilliseconds, stopwatch.Elapsed.TotalMilliseconds, allocated);
    }

    private static async Task<TimeSpan> ExecutionTimeAsync(CompilationWithAnalyzers withAnalyzers, AnalyzerSet set, CancellationToken cancellationToken)
    {
        var total = TimeSpan.Zero;
        foreach (var analyzer in set.Analyzers)
        {
            total += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken)).ExecutionTime;
        }

        return total;
    }

    private static CompilationWithAnalyzersOptions Options(AnalyzerSet set) => new(
        set.Options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
}
