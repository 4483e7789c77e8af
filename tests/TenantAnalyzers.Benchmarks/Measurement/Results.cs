namespace TenantAnalyzers.Benchmarks.Measurement;

/// <summary>
/// Medians of the whole-compilation measurements of one corpus size, and how many garbage collections happened during
/// all of its measured passes (compile and every set, every repetition).
/// </summary>
public sealed record SizeResult(
    int Files,
    int Lines,
    int Methods,
    int ViolationMethods,
    int IgnoreQueryFiltersCalls,
    double CompileMs,
    IReadOnlyDictionary<string, double> ExecutionMsBySet,
    IReadOnlyDictionary<string, double> WallMsBySet,
    IReadOnlyDictionary<string, double> OurExecutionMsByAnalyzer,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> DiagnosticsBySet,
    int AnalyzerExceptions,
    int CollectionsDuringPasses)
{
    public double OursMs => ExecutionMsBySet[Analyzers.AnalyzerSets.Ours];

    public double OursPerThousandFilesMs => OursMs / Files * 1000;

    public double OursOverBannedApi => OursMs / ExecutionMsBySet[Analyzers.AnalyzerSets.BannedApi];

    public double OursOverCompile => OursMs / CompileMs;
}

/// <summary>Distribution of the per-document (IDE) figures over every document of one corpus.</summary>
public sealed record DocumentLatencyResult(
    int Documents,
    double ExecutionP50Ms,
    double ExecutionP95Ms,
    double ExecutionMaxMs,
    double ExecutionP95WithBypassMs,
    double ExecutionP50WithoutBypassMs,
    double ExecutionP95WithoutBypassMs,
    double WithoutFilterDiscoveryP50Ms,
    double WithoutFilterDiscoveryP95Ms,
    double WallOverNoOpP50Ms,
    double WallOverNoOpP95Ms,
    double WallOverOneLinerP50Ms,
    double WallOverOneLinerP95Ms,
    double AllocatedOverNoOpMeanBytes,
    double AllocatedOverNoOpP95Bytes,
    double AllocatedOverOneLinerMeanBytes,
    double AllocatedOverOneLinerP95Bytes);

/// <summary>One target of issue 6 and whether this run met it.</summary>
public sealed record TargetResult(string Target, string Threshold, string Measured, bool Passed);

/// <summary>Everything one run measured, as written to benchmark-results.json.</summary>
public sealed record BenchmarkReport(
    string Machine,
    string Commit,
    string StartedAtUtc,
    int Repeat,
    int Seed,
    IReadOnlyList<SizeResult> Sizes,
    DocumentLatencyResult DocumentLatency,
    IReadOnlyList<TargetResult> Targets,
    double PerThousandFilesSlopeMs,
    double PerThousandFilesSlopeRSquared);
