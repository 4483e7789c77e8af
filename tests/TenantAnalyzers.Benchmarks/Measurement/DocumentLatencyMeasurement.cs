using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantAnalyzers.Benchmarks.Analyzers;
using TenantAnalyzers.Benchmarks.Corpus;

namespace TenantAnalyzers.Benchmarks.Measurement;

/// <summary>One document's semantic analysis, with our analyzers and with the two baselines.</summary>
public sealed record DocumentSample(
    string Path,
    double ExecutionMs,
    double ColdExecutionMs,
    double WallMs,
    double NoOpWallMs,
    double OneLinerWallMs,
    long AllocatedBytes,
    long NoOpAllocatedBytes,
    long OneLinerAllocatedBytes);

/// <summary>
/// Semantic diagnostics of one document at a time (<c>GetAnalyzerSemanticDiagnosticsAsync(semanticModel, null)</c>), as
/// the IDE runs analyzers for the document being edited. Every document is analysed on four CompilationWithAnalyzers of
/// one compilation:
/// <list type="bullet">
/// <item>ours, on a bound document: its member bodies were bound through the shared semantic model first, as any
/// analyzer with operation actions (the SDK's own CA rules) or the IDE's compiler diagnostics have done by then. Our
/// time is the growth of the execution-time telemetry during the call: the time inside our callbacks.</item>
/// <item>ours, on a cold document: the same, except that the bodies our callbacks inspect are bound inside them.</item>
/// <item>a no-op analyzer and the one-line syntax baseline, on bound documents: the wall time and allocations of the
/// same call without our analyzers, and with the cheapest analyzer that still makes the driver dispatch syntax nodes.</item>
/// </list>
/// </summary>
public static class DocumentLatencyMeasurement
{
    public static async Task<ImmutableArray<DocumentSample>> MeasureEveryDocumentAsync(
        CorpusCompilation corpus, AnalyzerSet ours, CancellationToken cancellationToken)
    {
        var noOp = AnalyzerSets.NoAnalyzers();
        var oneLiner = AnalyzerSets.OneLineBaseline();
        var compilation = corpus.CreateCompilation();
        var withOurs = compilation.WithAnalyzers(ours.Analyzers, Options(ours));
        var withOursCold = compilation.WithAnalyzers(ours.Analyzers, Options(ours));
        var withNoOp = compilation.WithAnalyzers(noOp.Analyzers, Options(noOp));
        var withOneLiner = compilation.WithAnalyzers(oneLiner.Analyzers, Options(oneLiner));

        var samples = ImmutableArray.CreateBuilder<DocumentSample>(corpus.Trees.Length);
        foreach (var tree in corpus.Trees)
        {
            var noOpCall = await AnalyzeDocumentAsync(withNoOp, noOp, tree, bindFirst: true, cancellationToken);
            var oneLinerCall = await AnalyzeDocumentAsync(withOneLiner, oneLiner, tree, bindFirst: true, cancellationToken);
            var ourCall = await AnalyzeDocumentAsync(withOurs, ours, tree, bindFirst: true, cancellationToken);
            var ourColdCall = await AnalyzeDocumentAsync(withOursCold, ours, tree, bindFirst: false, cancellationToken);
            samples.Add(new DocumentSample(
                tree.FilePath,
                ourCall.ExecutionMs,
                ourColdCall.ExecutionMs,
                ourCall.WallMs,
                noOpCall.WallMs,
                oneLinerCall.WallMs,
                ourCall.AllocatedBytes,
                noOpCall.AllocatedBytes,
                oneLinerCall.AllocatedBytes));
        }

        return samples.MoveToImmutable();
    }

    /// <summary>
    /// The first document of a new compilation: what an edit costs when our compilation-start work (the tenant model,
    /// the query-filter discovery) has to be redone, as it is for every new compilation the IDE makes.
    /// </summary>
    public static async Task<double> MeasureFirstDocumentOfFreshCompilationAsync(
        CorpusCompilation corpus, AnalyzerSet ours, SyntaxTree document, CancellationToken cancellationToken)
    {
        var withOurs = corpus.CreateCompilation().WithAnalyzers(ours.Analyzers, Options(ours));
        var call = await AnalyzeDocumentAsync(withOurs, ours, document, bindFirst: true, cancellationToken);
        return call.ExecutionMs;
    }

    private static async Task<(double ExecutionMs, double WallMs, long AllocatedBytes)> AnalyzeDocumentAsync(
        CompilationWithAnalyzers withAnalyzers, AnalyzerSet set, SyntaxTree tree, bool bindFirst, CancellationToken cancellationToken)
    {
        // The compilation's semantic model provider hands the analyzers this same instance, bound bodies included.
        var semanticModel = withAnalyzers.Compilation.GetSemanticModel(tree);
        if (bindFirst)
        {
            foreach (var member in tree.GetRoot(cancellationToken).DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            {
                semanticModel.GetOperation(member, cancellationToken);
            }
        }

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
