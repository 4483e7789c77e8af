using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using TenantAnalyzers.Benchmarks.Analyzers;
using TenantAnalyzers.Benchmarks.Corpus;
using TenantAnalyzers.Benchmarks.Measurement;

namespace TenantAnalyzers.Benchmarks;

/// <summary>Runs every measurement of issue 6 in one process and gathers the medians.</summary>
public sealed class BenchmarkRunner(BenchmarkOptions options, ImmutableArray<MetadataReference> references, TextWriter log)
{
    private readonly CorpusGenerator _generator = new(options.Seed);

    /// <summary>
    /// Every analyzer set and the compiler, unmeasured, on a corpus large enough and often enough for the tiered JIT to
    /// reach optimized code: analyzers are measured as they run in a long-lived compiler server or IDE, and the sizes
    /// that count do not pay for the JIT. (A 50-file warm-up left the first measured size at two to four times its
    /// later runs.)
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var files = options.WarmUpFiles;
        log.WriteLine($"warm-up: {options.WarmUpRuns} runs on {files} files");
        var corpus = Parse(files);
        for (var run = 0; run < options.WarmUpRuns; run++)
        {
            WholeCompilationMeasurement.Compile(corpus);
            foreach (var set in Sets(corpus))
            {
                await WholeCompilationMeasurement.AnalyzeAsync(corpus, set, cancellationToken);
            }
        }

        await DocumentLatencyMeasurement.MeasureEveryDocumentAsync(Parse(Math.Min(files, 200)), AnalyzerSets.TenantAnalyzers(), cancellationToken);
    }

    /// <summary>
    /// Every size in every repetition, repetition by repetition (all sizes once, then all sizes again): whatever drifts
    /// during the run — JIT tiering, the machine — spreads over every size instead of weighing on the first one.
    /// </summary>
    public async Task<IReadOnlyList<SizeResult>> MeasureSizesAsync(IReadOnlyList<int> sizes, CancellationToken cancellationToken)
    {
        var corpora = sizes.Select(files => (Files: files, Corpus: Parse(files))).ToList();
        var sets = corpora.ToDictionary(c => c.Files, c => Sets(c.Corpus));
        var compileMs = corpora.ToDictionary(c => c.Files, _ => new List<double>());
        var compileCollections = corpora.ToDictionary(c => c.Files, _ => 0);
        var runs = corpora.ToDictionary(c => c.Files, _ => new List<AnalyzerRun>());
        for (var repetition = 1; repetition <= options.Repeat; repetition++)
        {
            foreach (var (files, corpus) in corpora)
            {
                Collect();
                var (milliseconds, errors, collections) = WholeCompilationMeasurement.Compile(corpus.Reparse());
                if (errors > 0)
                {
                    throw new InvalidOperationException($"The generated corpus of {files} files does not compile ({errors} errors): no figure would mean anything.");
                }

                compileMs[files].Add(milliseconds);
                compileCollections[files] += collections;
                log.WriteLine($"  {files} files, run {repetition}/{options.Repeat}: compile {milliseconds:F0} ms, {collections} GCs");
                foreach (var set in sets[files])
                {
                    var fresh = corpus.Reparse();
                    Collect();
                    var run = await WholeCompilationMeasurement.AnalyzeAsync(fresh, set, cancellationToken);
                    log.WriteLine($"  {files} files, run {repetition}/{options.Repeat}: {set.Name} {run.ExecutionMs:F0} ms (wall {run.WallMs:F0} ms), {run.Collections} GCs");
                    runs[files].Add(run);
                }
            }
        }

        var results = new List<SizeResult>();
        foreach (var (files, corpus) in corpora)
        {
            var result = Summarise(corpus.Corpus, compileMs[files], compileCollections[files], runs[files]);
            VerifyReferenceAnalyzersReport(result);
            results.Add(result);
        }

        return results;
    }

    public async Task<DocumentLatencyResult> MeasureDocumentLatencyAsync(int files, CancellationToken cancellationToken)
    {
        var corpus = Parse(files);
        var ours = AnalyzerSets.TenantAnalyzers();
        log.WriteLine($"  per-document analysis of {files} files");
        Collect();
        var samples = await DocumentLatencyMeasurement.MeasureEveryDocumentAsync(corpus, ours, cancellationToken);

        var withBypass = corpus.Trees
            .Where(t => t.ToString().Contains("IgnoreQueryFilters", StringComparison.Ordinal))
            .Select(t => t.FilePath)
            .ToHashSet(StringComparer.Ordinal);
        var execution = samples.Select(s => s.ExecutionMs).ToArray();
        return new DocumentLatencyResult(
            samples.Length,
            Statistics.Median(execution),
            Statistics.Percentile(execution, 95),
            execution.Max(),
            Statistics.Percentile(samples.Where(s => withBypass.Contains(s.Path)).Select(s => s.ExecutionMs), 95),
            Statistics.Median(samples.Where(s => !withBypass.Contains(s.Path)).Select(s => s.ExecutionMs)),
            Statistics.Percentile(samples.Where(s => !withBypass.Contains(s.Path)).Select(s => s.ExecutionMs), 95),
            Statistics.Median(samples.Select(s => s.WithoutFilterDiscoveryExecutionMs)),
            Statistics.Percentile(samples.Select(s => s.WithoutFilterDiscoveryExecutionMs), 95),
            Statistics.Median(samples.Select(s => s.WallMs - s.NoOpWallMs)),
            Statistics.Percentile(samples.Select(s => s.WallMs - s.NoOpWallMs), 95),
            Statistics.Median(samples.Select(s => s.WallMs - s.OneLinerWallMs)),
            Statistics.Percentile(samples.Select(s => s.WallMs - s.OneLinerWallMs), 95),
            samples.Average(s => (double)(s.AllocatedBytes - s.NoOpAllocatedBytes)),
            Statistics.Percentile(samples.Select(s => (double)(s.AllocatedBytes - s.NoOpAllocatedBytes)), 95),
            samples.Average(s => (double)(s.AllocatedBytes - s.OneLinerAllocatedBytes)),
            Statistics.Percentile(samples.Select(s => (double)(s.AllocatedBytes - s.OneLinerAllocatedBytes)), 95));
    }

    private CorpusCompilation Parse(int files) => CorpusCompilation.Parse(_generator.Generate(files), references);

    private static IReadOnlyList<AnalyzerSet> Sets(CorpusCompilation corpus)
    {
        var overloads = AnalyzerSets.IgnoreQueryFiltersOverloads(corpus.CreateCompilation());
        if (overloads.Length < 2)
        {
            throw new InvalidOperationException($"Expected both IgnoreQueryFilters overloads of EF Core 10 to ban, found {overloads.Length}.");
        }

        return
        [
            AnalyzerSets.TenantAnalyzers(),
            AnalyzerSets.BannedApiAnalyzers(overloads),
            AnalyzerSets.EfCoreAnalyzers(),
            AnalyzerSets.OneLineBaseline(),
        ];
    }

    private static SizeResult Summarise(GeneratedCorpus corpus, IReadOnlyList<double> compileMs, int compileCollections, IReadOnlyList<AnalyzerRun> runs)
    {
        var bySet = runs.GroupBy(r => r.Set).ToDictionary(g => g.Key, g => g.ToList());
        var ours = bySet[AnalyzerSets.Ours];
        return new SizeResult(
            corpus.Files.Count,
            corpus.Lines,
            corpus.Methods,
            corpus.ViolationMethods,
            corpus.IgnoreQueryFiltersCalls,
            Statistics.Median(compileMs),
            bySet.ToDictionary(p => p.Key, p => Statistics.Median(p.Value.Select(r => r.ExecutionMs))),
            bySet.ToDictionary(p => p.Key, p => Statistics.Median(p.Value.Select(r => r.WallMs))),
            ours[0].ExecutionMsByAnalyzer.Keys.ToDictionary(name => name, name => Statistics.Median(ours.Select(r => r.ExecutionMsByAnalyzer[name]))),
            bySet.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, int>)p.Value[^1].DiagnosticsById),
            runs.Sum(r => r.AnalyzerExceptions),
            compileCollections + runs.Sum(r => r.Collections));
    }

    /// <summary>A reference analyzer that silently found nothing would make every ratio flatter us: refuse to report that.</summary>
    private static void VerifyReferenceAnalyzersReport(SizeResult result)
    {
        var banned = result.DiagnosticsBySet[AnalyzerSets.BannedApi].GetValueOrDefault(AnalyzerSets.BannedApiDiagnosticId);
        var oneLiner = result.DiagnosticsBySet[AnalyzerSets.OneLiner].GetValueOrDefault(IgnoreQueryFiltersSyntaxAnalyzer.DiagnosticId);
        if (banned != result.IgnoreQueryFiltersCalls || oneLiner != result.IgnoreQueryFiltersCalls)
        {
            throw new InvalidOperationException(
                $"The corpus has {result.IgnoreQueryFiltersCalls} IgnoreQueryFilters calls, but BannedApiAnalyzers reported {banned} " +
                $"{AnalyzerSets.BannedApiDiagnosticId} and the one-line baseline {oneLiner}: the comparison would not be honest.");
        }
    }

    /// <summary>Garbage of the previous measurement is collected before the next starts, not during it.</summary>
    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
