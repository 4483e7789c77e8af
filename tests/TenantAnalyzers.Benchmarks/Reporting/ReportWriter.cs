using System.Globalization;
using System.Text;
using System.Text.Json;
using TenantAnalyzers.Benchmarks.Analyzers;
using TenantAnalyzers.Benchmarks.Measurement;

namespace TenantAnalyzers.Benchmarks.Reporting;

/// <summary>The report as markdown (printed, and written as benchmark-results.md) and as JSON.</summary>
public static class ReportWriter
{
    public static string Markdown(BenchmarkReport report)
    {
        var text = new StringBuilder();
        text.AppendLine("# TenantAnalyzers benchmark results").AppendLine();
        text.AppendLine($"Machine: {report.Machine}  ").AppendLine($"Commit: {report.Commit}, started {report.StartedAtUtc}, medians of {report.Repeat} runs, corpus seed {report.Seed}.").AppendLine();

        text.AppendLine("## Whole compilation (analyzer execution time, ms)").AppendLine();
        text.AppendLine("| files | lines | compile | ours | banned-API | EF Core | one-liner | ours/banned-API | ours/compile | ours per 1,000 files |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in report.Sizes)
        {
            text.AppendLine(Row(
                size.Files.ToString(CultureInfo.InvariantCulture),
                size.Lines.ToString(CultureInfo.InvariantCulture),
                Ms(size.CompileMs),
                Ms(size.OursMs),
                Ms(size.ExecutionMsBySet[AnalyzerSets.BannedApi]),
                Ms(size.ExecutionMsBySet[AnalyzerSets.EfCore]),
                Ms(size.ExecutionMsBySet[AnalyzerSets.OneLiner]),
                size.OursOverBannedApi.ToString("0.00", CultureInfo.InvariantCulture),
                size.OursOverCompile.ToString("0.0%", CultureInfo.InvariantCulture),
                Ms(size.OursPerThousandFilesMs)));
        }

        text.AppendLine().AppendLine($"Linear fit of our time against files: {report.PerThousandFilesSlopeMs:0} ms per 1,000 files (R² {report.PerThousandFilesSlopeRSquared:0.000}).  ");
        text.AppendLine("Garbage collections during the measured passes (compile and every set, all runs): " +
            string.Join(", ", report.Sizes.Select(s => $"{s.CollectionsDuringPasses} at {s.Files} files")) + ".").AppendLine();

        var analyzers = report.Sizes[0].OurExecutionMsByAnalyzer.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
        text.AppendLine("### Our analyzers one by one (ms)").AppendLine();
        text.AppendLine("| analyzer | " + string.Join(" | ", report.Sizes.Select(s => $"{s.Files} files")) + " |");
        text.AppendLine("|---|" + string.Concat(report.Sizes.Select(_ => "---:|")));
        foreach (var analyzer in analyzers)
        {
            text.AppendLine($"| {analyzer} | " + string.Join(" | ", report.Sizes.Select(s => Ms(s.OurExecutionMsByAnalyzer[analyzer]))) + " |");
        }

        text.AppendLine().AppendLine("### What each set reported (last run)").AppendLine();
        text.AppendLine("| files | methods | violation methods | IgnoreQueryFilters calls | " + string.Join(" | ", report.Sizes[0].DiagnosticsBySet.Keys) + " | analyzer exceptions |");
        text.AppendLine("|---:|---:|---:|---:|" + string.Concat(report.Sizes[0].DiagnosticsBySet.Keys.Select(_ => "---|")) + "---:|");
        foreach (var size in report.Sizes)
        {
            var found = size.DiagnosticsBySet.Values.Select(ids => ids.Count == 0 ? "none" : string.Join(", ", ids.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
            text.AppendLine($"| {size.Files} | {size.Methods} | {size.ViolationMethods} | {size.IgnoreQueryFiltersCalls} | {string.Join(" | ", found)} | {size.AnalyzerExceptions} |");
        }

        var ide = report.DocumentLatency;
        text.AppendLine().AppendLine($"## IDE: one document's semantic diagnostics ({ide.Documents} documents)").AppendLine();
        text.AppendLine("| figure | p50 | p95 |");
        text.AppendLine("|---|---:|---:|");
        text.AppendLine($"| our execution time (ms) | {ide.ExecutionP50Ms:0.000} | {ide.ExecutionP95Ms:0.000} |");
        text.AppendLine($"| our execution time, documents with an IgnoreQueryFilters call (ms) | | {ide.ExecutionP95WithBypassMs:0.000} |");
        text.AppendLine($"| our execution time, documents without one (ms) | {ide.ExecutionP50WithoutBypassMs:0.000} | {ide.ExecutionP95WithoutBypassMs:0.000} |");
        text.AppendLine($"| profiling: our execution time with query_filters = all, no filter discovery (ms) | {ide.WithoutFilterDiscoveryP50Ms:0.000} | {ide.WithoutFilterDiscoveryP95Ms:0.000} |");
        text.AppendLine($"| wall time over the no-op analyzer (ms) | {ide.WallOverNoOpP50Ms:0.000} | {ide.WallOverNoOpP95Ms:0.000} |");
        text.AppendLine($"| wall time over the one-line syntax baseline (ms) | {ide.WallOverOneLinerP50Ms:0.000} | {ide.WallOverOneLinerP95Ms:0.000} |");
        text.AppendLine();
        text.AppendLine($"Slowest document: {ide.ExecutionMaxMs:0.0} ms of our execution time.").AppendLine();
        text.AppendLine("| allocations per document | mean | p95 |");
        text.AppendLine("|---|---:|---:|");
        text.AppendLine($"| over the no-op analyzer | {Bytes(ide.AllocatedOverNoOpMeanBytes)} | {Bytes(ide.AllocatedOverNoOpP95Bytes)} |");
        text.AppendLine($"| over the one-line syntax baseline | {Bytes(ide.AllocatedOverOneLinerMeanBytes)} | {Bytes(ide.AllocatedOverOneLinerP95Bytes)} |");

        text.AppendLine().AppendLine("## Targets").AppendLine();
        text.AppendLine("| target | threshold | measured | result |");
        text.AppendLine("|---|---|---|---|");
        foreach (var target in report.Targets)
        {
            text.AppendLine($"| {target.Target} | {target.Threshold} | {target.Measured} | {(target.Passed ? "PASS" : "FAIL")} |");
        }

        return text.ToString();
    }

    public static string Json(BenchmarkReport report) =>
        JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });

    private static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

    private static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string Bytes(double bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024 * 1024)).ToString("0.0 MB", CultureInfo.InvariantCulture)
        : (bytes / 1024).ToString("0.0 KB", CultureInfo.InvariantCulture);
}
