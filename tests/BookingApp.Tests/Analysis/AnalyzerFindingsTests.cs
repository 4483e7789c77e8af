using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BookingApp.Tests.Analysis;

/// <summary>
/// The analyzers against the samples: on the legacy app exactly the findings of
/// <c>samples/BookingApp.Legacy/expected-findings.txt</c> (for the rules the analyzers implement so far),
/// on the secured app none at all.
/// </summary>
public sealed class AnalyzerFindingsTests
{
    private static readonly string[] SpecifiedRules = ["TI0001", "TI0002", "TI0003", "TI0004", "TI0005"];

    [Fact]
    public async Task Legacy_app_has_exactly_the_expected_findings()
    {
        SampleProjectAnalysis legacy = LoadCompiling("BookingApp.Legacy");
        System.Collections.Immutable.ImmutableArray<DiagnosticAnalyzer> analyzers = SampleProjectAnalysis.TenantAnalyzers();
        HashSet<string> implemented = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();

        AnalyzerRun run = await legacy.RunAnalyzersAsync(analyzers);

        AssertNoAnalyzerFailures(run);
        List<string> expected = ExpectedFindings(legacy).Where(f => implemented.Contains(f.RuleId)).Select(f => f.ToString()).ToList();
        List<string> actual = run.Diagnostics.Where(d => d.Id.StartsWith("TI", StringComparison.Ordinal)).Select(d => legacy.ToFinding(d).ToString()).ToList();
        AssertSameFindings(expected, actual);
    }

    [Fact]
    public async Task Secured_app_has_no_tenant_isolation_findings()
    {
        SampleProjectAnalysis secured = LoadCompiling("BookingApp");

        AnalyzerRun run = await secured.RunAnalyzersAsync(SampleProjectAnalysis.TenantAnalyzers());

        AssertNoAnalyzerFailures(run);
        AssertSameFindings([], run.Diagnostics.Where(d => d.Id.StartsWith("TI", StringComparison.Ordinal)).Select(d => secured.ToFinding(d).ToString()).ToList());
    }

    /// <summary>The expectations file and the <c>// TIxxxx:</c> comments in the legacy source tell the same story.</summary>
    [Fact]
    public void Expected_findings_match_the_annotations_in_the_legacy_source()
    {
        SampleProjectAnalysis legacy = SampleProjectAnalysis.Load("BookingApp.Legacy");
        IReadOnlyList<Finding> expected = ExpectedFindings(legacy);

        Assert.All(expected, f => Assert.Contains(f.RuleId, SpecifiedRules));
        Assert.Equal(expected.Select(f => f.ToString()).Order(StringComparer.Ordinal), expected.Select(f => f.ToString()));
        AssertSameFindings(expected.Select(f => f.ToString()).ToList(), legacy.Annotations().Select(f => f.ToString()).ToList());
        Assert.All(SpecifiedRules, rule => Assert.Contains(expected, f => f.RuleId == rule));
    }

    private static SampleProjectAnalysis LoadCompiling(string project)
    {
        SampleProjectAnalysis analysis = SampleProjectAnalysis.Load(project);
        IReadOnlyList<Diagnostic> errors = analysis.CompilationErrors();
        Assert.True(errors.Count == 0, $"{project} does not compile in-process:\n" + string.Join('\n', errors.Take(20)));
        return analysis;
    }

    private static IReadOnlyList<Finding> ExpectedFindings(SampleProjectAnalysis legacy) =>
        File.ReadAllLines(Path.Combine(legacy.ProjectDirectory, "expected-findings.txt"))
            .Where(line => line.Length > 0)
            .Select(Finding.Parse)
            .ToList();

    private static void AssertNoAnalyzerFailures(AnalyzerRun run)
    {
        Assert.True(run.AnalyzerExceptions.Count == 0, "analyzer exceptions:\n" + string.Join('\n', run.AnalyzerExceptions));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "AD0001");
    }

    /// <summary>Compares as multisets, both ways, and lists what is missing and what is extra.</summary>
    private static void AssertSameFindings(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        List<string> missing = Subtract(expected, actual);
        List<string> extra = Subtract(actual, expected);
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"findings differ.\nmissing ({missing.Count}):\n  {string.Join("\n  ", missing)}\nextra ({extra.Count}):\n  {string.Join("\n  ", extra)}");
    }

    private static List<string> Subtract(IEnumerable<string> from, IEnumerable<string> remove)
    {
        List<string> rest = from.Order(StringComparer.Ordinal).ToList();
        foreach (string item in remove)
        {
            rest.Remove(item);
        }

        return rest;
    }
}
