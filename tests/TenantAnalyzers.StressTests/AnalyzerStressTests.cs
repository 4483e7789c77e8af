using System.Diagnostics;
using TenantAnalyzers.StressTests.Hosting;

namespace TenantAnalyzers.StressTests;

/// <summary>
/// Every analyzer on broken variants of every C# source of the repository, as an editor shows them while someone
/// types: none may throw, hang, or take far longer than the other variants of the same source.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class AnalyzerStressTests
{
    private readonly StressLog _log;

    public AnalyzerStressTests(StressLog log)
    {
        _log = log;
    }

    [Fact]
    public async Task Analyzers_survive_broken_variants_of_every_source()
    {
        var host = await AnalyzerHost.CreateAsync();
        var ledger = new StressLedger();
        var wall = Stopwatch.StartNew();
        var variants = 0;
        foreach (var variant in StressPlan.Variants(StressSettings.Variants, StressSettings.Seed))
        {
            variants++;
            var source = variant.Source;
            foreach (var analyzer in AnalyzerHost.Analyzers)
            {
                Measured Run(string text)
                {
                    var (compilation, tree) = host.Compile(source, text);
                    return AnalyzerHost.Analyze(compilation, tree, analyzer, source.Project.Options);
                }

                ledger.Record(source.Name, AnalyzerHost.NameOf(analyzer), variant.Text, Run(variant.Text), Run);
            }
        }

        var analysed = wall.Elapsed;
        var failures = ledger.Judge();
        var summary = _log.Write(
            "analyzers",
            $"{StressSettings.Describe()}; {StressPlan.DescribeSources()}; {variants} variants x {AnalyzerHost.Analyzers.Length} analyzers = {ledger.Count} analyses " +
            $"in {analysed.TotalSeconds:F0} s ({ledger.TotalCpu.TotalSeconds:F0} s of processor time, the compiler's included; the analyzers' own: {ledger.TotalTime.TotalSeconds:F1} s, " +
            $"{ledger.Percentiles()} per analysis), {wall.Elapsed.TotalSeconds:F0} s with re-measurements; slowest: {ledger.Slowest(3)}; {failures.Count} failures");
        Assert.True(failures.Count == 0, summary + "\n\n" + string.Join("\n\n", failures));
    }
}
