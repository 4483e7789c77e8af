using System.Globalization;
using TenantAnalyzers.Benchmarks.Measurement;

namespace TenantAnalyzers.Benchmarks.Reporting;

/// <summary>The targets of issue 6, judged on the worst size so that no size can hide behind the others.</summary>
public static class Targets
{
    public const double MaxOursOverBannedApi = 0.5;
    public const double MaxOursOverCompile = 0.02;
    public const double MaxIdeP95Ms = 2.0;
    public const double MaxPerThousandFilesDeviation = 0.15;

    public static IReadOnlyList<TargetResult> Evaluate(IReadOnlyList<SizeResult> sizes, DocumentLatencyResult documents)
    {
        var worstBanned = sizes.MaxBy(s => s.OursOverBannedApi)!;
        var worstCompile = sizes.MaxBy(s => s.OursOverCompile)!;
        var perThousand = sizes.Select(s => s.OursPerThousandFilesMs).ToArray();
        var mean = perThousand.Average();
        var deviation = perThousand.Max(c => Math.Abs(c / mean - 1));

        return
        [
            new("ours / banned-API", $"<= {MaxOursOverBannedApi:0.##}", $"{worstBanned.OursOverBannedApi:0.00} (at {worstBanned.Files} files)", worstBanned.OursOverBannedApi <= MaxOursOverBannedApi),
            new("ours / compile", $"<= {MaxOursOverCompile:0%}", $"{worstCompile.OursOverCompile.ToString("0.0%", CultureInfo.InvariantCulture)} (at {worstCompile.Files} files)", worstCompile.OursOverCompile <= MaxOursOverCompile),
            new("IDE p95 per document", $"<= {MaxIdeP95Ms:0.#} ms", $"{documents.ExecutionP95Ms:0.00} ms (over {documents.Documents} documents)", documents.ExecutionP95Ms <= MaxIdeP95Ms),
            new(
                "cost per 1,000 files constant",
                $"within ±{MaxPerThousandFilesDeviation:0%} of the mean",
                sizes.Count < 2 ? "one size only" : $"{deviation:0%} off (from {perThousand.Min():0} to {perThousand.Max():0} ms)",
                sizes.Count < 2 || deviation <= MaxPerThousandFilesDeviation),
        ];
    }
}
