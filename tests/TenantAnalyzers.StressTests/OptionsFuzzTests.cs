using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantAnalyzers.StressTests.Hosting;
using TenantAnalyzers.StressTests.Sources;
using TenantAnalyzers.StressTests.Variants;

namespace TenantAnalyzers.StressTests;

/// <summary>
/// Hostile <c>tenant_isolation.*</c> options on the audited sample app (the files where every rule has findings): at most
/// TI9000 for what cannot be read, never an exception, and no analyzer much slower than with the app's own options.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class OptionsFuzzTests
{
    /// <summary>Option sets in the CI run; the long mode scales them with the variants.</summary>
    private const int DefaultSets = 40;

    /// <summary>Slower than this many times the app's own options (and than the ratio floor) is a slowdown.</summary>
    private const double SlowdownFactor = 10;

    private static readonly string[] AnalysedFiles =
    [
        "Services/AppointmentBookingService.cs", "Services/CalendarBookingService.cs", "Services/LoginService.cs",
        "Assistant/CompanyTools.cs", "Controllers/CustomersController.cs",
    ];

    private static readonly string[] RuleIds = ["TI0001", "TI0002", "TI0003", "TI0004", "TI0005", "TI0100", "TI9000"];

    private readonly StressLog _log;

    public OptionsFuzzTests(StressLog log)
    {
        _log = log;
    }

    [Fact]
    public async Task Hostile_options_give_at_most_TI9000()
    {
        var host = await AnalyzerHost.CreateAsync();
        var project = RepositorySources.Samples.First(s => s.Project.Name == "BookingApp.Legacy").Project;
        var analysed = project.Trees.Where(t => AnalysedFiles.Any(f => t.FilePath.Replace('\\', '/').EndsWith(f, StringComparison.Ordinal))).ToList();
        Assert.Equal(AnalysedFiles.Length, analysed.Count);

        var wall = Stopwatch.StartNew();
        var baseline = AnalyzerHost.Analyzers.ToDictionary(a => a, _ => TimeSpan.MaxValue);
        for (var i = 0; i < StressSettings.Remeasurements; i++)
        {
            foreach (var (analyzer, measured) in Run(host, project, analysed, project.Options, out _))
            {
                Assert.Equal(Outcome.Completed, measured.Outcome);
                baseline[analyzer] = measured.Time < baseline[analyzer] ? measured.Time : baseline[analyzer];
            }
        }

        var ledger = new StressLedger();
        var unexpected = new List<string>();
        var invalidReported = 0;
        var sets = (int)Math.Ceiling(DefaultSets * StressSettings.Scale);
        foreach (var set in HostileOptions.Sets(StressSettings.Seed, sets))
        {
            var options = HostileOptions.Parse(set);
            var runs = Run(host, project, analysed, options, out var diagnostics);
            unexpected.AddRange(diagnostics.Where(d => !RuleIds.Contains(d.Id)).Select(d => $"{d} with options\n{set}"));
            invalidReported += diagnostics.Any(d => d.Id == "TI9000") ? 1 : 0;
            foreach (var (analyzer, measured) in runs)
            {
                ledger.Record(
                    "the sample app with hostile options",
                    AnalyzerHost.NameOf(analyzer),
                    set,
                    measured,
                    again => Run(host, project, analysed, HostileOptions.Parse(again), out _)[analyzer],
                    yardstick: baseline[analyzer],
                    factor: SlowdownFactor);
            }
        }

        var failures = ledger.Judge().Concat(unexpected).ToList();
        var summary = _log.Write(
            "options",
            $"{StressSettings.Describe()}; {sets} hostile option sets over {HostileOptions.Keys.Count} keys ({invalidReported} reported TI9000) on {analysed.Count} files of the sample app, " +
            $"{ledger.Count} analyses in {wall.Elapsed.TotalSeconds:F0} s ({ledger.Percentiles()} per analyzer and set; " +
            $"with the app's own options {string.Join(", ", baseline.Select(b => $"{AnalyzerHost.NameOf(b.Key)} {b.Value.TotalMilliseconds:F0} ms"))}); " +
            $"slowest: {ledger.Slowest(3)}; {failures.Count} failures");
        Assert.True(failures.Count == 0, summary + "\n\n" + string.Join("\n\n", failures));
    }

    [Fact]
    public async Task Code_fixes_survive_hostile_options()
    {
        // The options as an IDE reads them: a .globalconfig in the project, parsed by the workspace.
        var host = new FixHost(await AnalyzerHost.CreateAsync());
        var sample = RepositorySources.Samples.First(s => s.Path.Replace('\\', '/').EndsWith(AnalysedFiles[0], StringComparison.Ordinal));
        var ledger = new StressLedger();
        var wall = Stopwatch.StartNew();
        var sets = (int)Math.Ceiling(DefaultSets / 4 * StressSettings.Scale);
        Document Open(string set) =>
            host.Open(new StressSource(sample.Name, sample.Path, sample.Text, new StressProject(sample.Project.Name, sample.Project.Trees, HostileOptions.Parse(set))), sample.Text);

        var steps = 0;
        foreach (var set in HostileOptions.Sets(StressSettings.Seed + 1, sets))
        {
            var document = Open(set);
            var diagnostics = await FixHost.DiagnosticsAsync(document, CancellationToken.None);
            foreach (var provider in FixHost.Providers.Where(p => diagnostics.Any(d => p.FixableDiagnosticIds.Contains(d.Id))))
            {
                steps += FixRuns.Record(ledger, "the sample app with hostile options", set, document, diagnostics, provider, Open);
            }
        }

        var failures = ledger.Judge();
        var summary = _log.Write(
            "options",
            $"code fixes on {sample.Name} with {sets} hostile option sets: {steps} steps in {wall.Elapsed.TotalSeconds:F0} s ({ledger.Percentiles()} per step); {failures.Count} failures");
        Assert.True(failures.Count == 0, summary + "\n\n" + string.Join("\n\n", failures));
    }

    /// <summary>
    /// Every analyzer at once on the files and the compilation (TI9000 is a compilation diagnostic), with
    /// <paramref name="options"/>; each analyzer's own time from telemetry and its own exceptions.
    /// </summary>
    private static Dictionary<DiagnosticAnalyzer, Measured> Run(
        AnalyzerHost host, StressProject project, IReadOnlyList<SyntaxTree> analysed, ImmutableDictionary<string, string> options, out List<Diagnostic> diagnostics)
    {
        var compilation = host.Compile(project.Trees);
        var exceptions = new List<(DiagnosticAnalyzer Analyzer, Exception Exception)>();
        var found = new List<Diagnostic>();
        var telemetry = new Dictionary<DiagnosticAnalyzer, TimeSpan>();
        var run = Measurement.Run(async cancellationToken =>
        {
            var withAnalyzers = compilation.WithAnalyzers(AnalyzerHost.Analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([], new BookingApp.Tests.Analysis.GlobalConfigOptionsProvider(options)),
                (exception, analyzer, _) => { lock (exceptions) { exceptions.Add((analyzer, exception)); } },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true));
            foreach (var tree in analysed)
            {
                found.AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzers.Compilation.GetSemanticModel(tree), null, cancellationToken));
            }

            // Only the compilation's own diagnostics (TI9000): the replacement the obsoletion names analyses every file.
#pragma warning disable CS0618
            found.AddRange(await withAnalyzers.GetAnalyzerCompilationDiagnosticsAsync(cancellationToken));
#pragma warning restore CS0618
            foreach (var analyzer in AnalyzerHost.Analyzers)
            {
                telemetry[analyzer] = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken)).ExecutionTime;
            }

            return new WorkReport([]);
        });

        diagnostics = found;
        return AnalyzerHost.Analyzers.ToDictionary(a => a, a =>
        {
            var own = exceptions.Where(e => e.Analyzer == a).Select(e => e.Exception).ToList();
            return run.Outcome != Outcome.Completed ? run
                : own.Count > 0 ? run with { Outcome = Outcome.Threw, Exceptions = own, OwnTime = telemetry.GetValueOrDefault(a) }
                : run with { OwnTime = telemetry.GetValueOrDefault(a) };
        });
    }
}
