using System.Diagnostics;
using TenantAnalyzers.StressTests.Hosting;
using TenantAnalyzers.StressTests.Sources;
using TenantAnalyzers.StressTests.Variants;

namespace TenantAnalyzers.StressTests;

/// <summary>
/// Every code fix on the diagnostics of every intact source and of broken variants of the sources that have findings:
/// registration, every offered action's operations and Fix All, as the light bulb and Fix All compute them, must not
/// throw, hang or take far longer than on the other variants of the same source.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class CodeFixStressTests
{
    /// <summary>Variants for the fixes, against the analyzers' run: each costs a workspace project and formatting.</summary>
    private const double VariantShare = 1.0 / 8;

    private readonly StressLog _log;

    public CodeFixStressTests(StressLog log)
    {
        _log = log;
    }

    [Fact]
    public async Task Code_fixes_survive_the_findings_on_broken_variants()
    {
        var analyzers = await AnalyzerHost.CreateAsync();
        var host = new FixHost(analyzers);
        var ledger = new StressLedger();
        var wall = Stopwatch.StartNew();
        var actions = 0;
        var withFindings = new List<StressSource>();
        var inputs = 0;

        void Exercise(StressSource source, string text, bool intact)
        {
            var document = host.Open(source, text);
            var diagnostics = FixHost.DiagnosticsAsync(document, CancellationToken.None).GetAwaiter().GetResult();
            inputs++;
            var exercised = false;
            foreach (var provider in FixHost.Providers.Where(p => diagnostics.Any(d => p.FixableDiagnosticIds.Contains(d.Id))))
            {
                exercised = true;
                actions += FixRuns.Record(ledger, source.Name, text, document, diagnostics, provider, again => host.Open(source, again));
            }

            if (intact && exercised)
            {
                withFindings.Add(source);
            }
        }

        foreach (var source in RepositorySources.Groups.SelectMany(g => g))
        {
            Exercise(source, source.Text, intact: true);
        }

        var variantCount = (int)(StressSettings.Variants * VariantShare);
        var perSource = Math.Max(1, variantCount / Math.Max(withFindings.Count, 1));
        foreach (var source in withFindings)
        {
            foreach (var variant in VariantGenerator.For(source, perSource, StressSettings.Seed + 1))
            {
                Exercise(source, variant.Text, intact: false);
            }
        }

        var exercisedTime = wall.Elapsed;
        var failures = ledger.Judge();
        var summary = _log.Write(
            "code fixes",
            $"{StressSettings.Describe()}; {inputs} inputs ({withFindings.Count} intact sources with findings, {inputs - RepositorySources.Groups.Sum(g => g.Count)} variants of them), " +
            $"{actions} steps (registrations, actions' operations, Fix All) in {exercisedTime.TotalSeconds:F0} s ({ledger.Percentiles()} per step), " +
            $"{wall.Elapsed.TotalSeconds:F0} s with re-measurements; {failures.Count} failures");
        Assert.True(failures.Count == 0, summary + "\n\n" + string.Join("\n\n", failures));
    }
}
