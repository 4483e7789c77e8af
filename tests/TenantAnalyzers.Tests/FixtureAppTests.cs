using TenantAnalyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TenantAnalyzers.Tests;

/// <summary>
/// The analyzers with no configuration on TaskFlow, a multi-file application written the way public ones are
/// (Fixtures/TaskFlow/README.md): every real leak reported with its rule, every safe pattern left alone, every
/// deliberate cross-tenant place listed as TI0200.
/// </summary>
public sealed class FixtureAppTests
{
    private readonly ITestOutputHelper _output;

    public FixtureAppTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task TaskFlow_has_exactly_the_expected_findings()
    {
        var app = await FixtureApp.AnalyzeAsync("TaskFlow");

        Assert.True(app.CompilationErrors.IsEmpty, "TaskFlow does not compile:\n" + string.Join('\n', app.CompilationErrors.Take(20)));
        Assert.True(app.AnalyzerExceptions.Count == 0, "analyzer exceptions:\n" + string.Join('\n', app.AnalyzerExceptions));
        Assert.DoesNotContain(app.Diagnostics, d => d.Id == "AD0001");

        var expected = app.Expected("expect");
        var actual = app.Findings();
        var truePositives = expected.Count - Subtract(expected, actual).Count;
        var precision = actual.Count == 0 ? 1.0 : (double)truePositives / actual.Count;
        var recall = expected.Count == 0 ? 1.0 : (double)truePositives / expected.Count;
        _output.WriteLine($"TaskFlow: {expected.Count} expected findings, {actual.Count} reported, precision {precision:0.00}, recall {recall:0.00}");

        AssertSame("findings", expected, actual);
        AssertSame("justified findings (TI0200)", app.Expected("justified"), app.Justified());
    }

    [Fact]
    public async Task TaskFlow_justifications_name_their_source()
    {
        var app = await FixtureApp.AnalyzeAsync("TaskFlow");
        var justified = app.Diagnostics.Where(d => d.Id == "TI0200").ToList();

        Assert.Contains(justified, d => d.Properties["source"] == "attribute" && d.Properties["justification"]!.StartsWith("Nightly reminder job", StringComparison.Ordinal));
        Assert.Contains(justified, d => d.Properties["source"] == "authorization" && d.Properties["justification"] == "AuthorizeSuperAdmin (Roles=SuperAdmin) on TenantsController");
        Assert.All(justified, d => Assert.Contains(d.Properties["source"], new[] { "attribute", "authorization" }));
    }

    private static void AssertSame(string what, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var missing = Subtract(expected, actual);
        var extra = Subtract(actual, expected);
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{what} differ.\nmissing ({missing.Count}):\n  {string.Join("\n  ", missing)}\nextra ({extra.Count}):\n  {string.Join("\n  ", extra)}");
    }

    private static List<string> Subtract(IEnumerable<string> from, IEnumerable<string> remove)
    {
        var rest = from.Order(StringComparer.Ordinal).ToList();
        foreach (var item in remove)
        {
            rest.Remove(item);
        }

        return rest;
    }
}
