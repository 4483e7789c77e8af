using System.Text.Json.Nodes;
using TenantAnalyzers.Cli.Tests.Infrastructure;

namespace TenantAnalyzers.Cli.Tests;

/// <summary>
/// The CI ratchet on a copy of the legacy sample: a baseline survives unrelated edits, a new violation is new (exit code 1),
/// a fixed finding is counted and <c>baseline --update</c> drops it without ever adding; and the same baseline, as an
/// AdditionalFile, makes a real <c>-warnaserror</c> build pass until a new violation is added.
/// </summary>
public sealed class BaselineTests
{
    private static int ExpectedCount => Repository.ExpectedFindings().Count;

    [Fact]
    public async Task Baseline_survives_an_unrelated_edit_and_a_new_violation_fails_the_scan()
    {
        using var copy = await SampleCopy.CreateAsync();
        var baseline = Path.Combine(copy.Legacy, "tenant-baseline.json");

        var written = await TenantAudit.RunAsync("baseline", copy.Legacy, "--no-restore", "-o", baseline);
        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.Equal(ExpectedCount, JsonNode.Parse(File.ReadAllText(baseline))!["findings"]!.AsArray().Count);
        Assert.DoesNotContain("\"line\"", File.ReadAllText(baseline));

        Violations.InsertUnrelatedLines(copy);
        var unchanged = await ScanAsync(copy, baseline);
        Assert.True(unchanged.Run.ExitCode == 0, unchanged.Run.ToString());
        AssertCounts(unchanged.Json, initial: ExpectedCount, fixedCount: 0, remaining: ExpectedCount, newCount: 0);

        copy.AddMember(Violations.File, Violations.NewBypassMember);
        var withNew = await ScanAsync(copy, baseline);
        Assert.True(withNew.Run.ExitCode == 1, withNew.Run.ToString());
        AssertCounts(withNew.Json, initial: ExpectedCount, fixedCount: 0, remaining: ExpectedCount, newCount: 1);
        var added = withNew.Json["findings"]!.AsArray().Single(f => (string)f!["baselineState"]! == "new")!;
        Assert.Equal("TI0001", (string)added["rule"]!);
        Assert.Equal("LoginService.CountEveryCompanysUsersAsync", (string)added["member"]!);
    }

    [Fact]
    public async Task A_fixed_finding_is_counted_and_update_removes_it_but_never_adds()
    {
        using var copy = await SampleCopy.CreateAsync();
        var baseline = Path.Combine(copy.Legacy, "tenant-baseline.json");
        Assert.Equal(0, (await TenantAudit.RunAsync("baseline", copy.Legacy, "--no-restore", "-o", baseline)).ExitCode);

        // Fix one finding by hand (the sign-in bypass becomes a justified one) and add a new one elsewhere.
        copy.InsertAbove(Violations.File, "public async Task<string?> SignInAsync", "    [CrossTenant(\"Sign-in: the user's company is not known before the password is checked\")]");
        copy.AddMember("Services/TeamService.cs", Violations.NewBypassMember);
        var scan = await ScanAsync(copy, baseline);
        Assert.True(scan.Run.ExitCode == 1, scan.Run.ToString());
        AssertCounts(scan.Json, initial: ExpectedCount, fixedCount: 1, remaining: ExpectedCount - 1, newCount: 1);
        Assert.Equal(Math.Round(100.0 / ExpectedCount, 1), (double)scan.Json["baseline"]!["reductionPercent"]!);
        var justified = scan.Json["justified"]!.AsArray().Single()!;
        Assert.Equal("LoginService.SignInAsync", (string)justified["member"]!);
        Assert.Equal("attribute", (string)justified["justificationSource"]!);
        Assert.StartsWith("Sign-in:", (string)justified["justification"]!);

        // With the baseline, SARIF says new / unchanged / absent (still valid 2.1.0), the baselined ones suppressed as
        // external; the HTML page shows the numbers and their chart.
        var sarifPath = Path.Combine(copy.Root, "scan.sarif");
        Assert.Equal(1, (await TenantAudit.RunAsync("scan", copy.Legacy, "--no-restore", "--baseline", baseline, "--format", "sarif", "--output", sarifPath)).ExitCode);
        var sarif = JsonNode.Parse(File.ReadAllText(sarifPath))!;
        var schema = Json.Schema.JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-2.1.0.json"));
        Assert.True(schema.Evaluate(sarif).IsValid);
        var states = sarif["runs"]![0]!["results"]!.AsArray().Where(r => r!["baselineState"] is not null)
            .GroupBy(r => (string)r!["baselineState"]!).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(ExpectedCount - 1, states["unchanged"].Count);
        Assert.All(states["unchanged"], r => Assert.Equal("external", (string)r!["suppressions"]![0]!["kind"]!));
        Assert.Equal("TI0001", (string)states["new"].Single()!["ruleId"]!);
        Assert.Null(states["new"].Single()!["suppressions"]);
        Assert.Equal("TI0001", (string)states["absent"].Single()!["ruleId"]!);
        var justifiedResult = sarif["runs"]![0]!["results"]!.AsArray().Single(r => (string?)r!["suppressions"]?[0]?["kind"] == "inSource")!;
        Assert.StartsWith("Sign-in:", (string)justifiedResult["suppressions"]![0]!["justification"]!);
        var htmlPath = Path.Combine(copy.Root, "scan.html");
        Assert.Equal(1, (await TenantAudit.RunAsync("scan", copy.Legacy, "--no-restore", "--baseline", baseline, "--format", "html", "--output", htmlPath)).ExitCode);
        var html = File.ReadAllText(htmlPath);
        Assert.Contains($"data-state=\"initial\" data-count=\"{ExpectedCount}\"", html);
        Assert.Contains("data-state=\"fixed\" data-count=\"1\"", html);
        Assert.Contains($"data-state=\"remaining\" data-count=\"{ExpectedCount - 1}\"", html);
        Assert.Contains("data-state=\"new\" data-count=\"1\"", html);

        var update = await TenantAudit.RunAsync("baseline", copy.Legacy, "--no-restore", "--update", "-o", baseline);

        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Contains("removed 1 entries", update.Output);
        Assert.Contains("stale: TI0001 Services/LoginService.cs", update.Output);
        Assert.Contains("1 findings are not in the baseline and were not added", update.Output);
        var entries = JsonNode.Parse(File.ReadAllText(baseline))!["findings"]!.AsArray();
        Assert.Equal(ExpectedCount - 1, entries.Count);
        Assert.DoesNotContain(entries, e => ((string)e!["member"]!).Contains("CountEveryCompanysUsersAsync", StringComparison.Ordinal));
        var after = await ScanAsync(copy, baseline);
        AssertCounts(after.Json, initial: ExpectedCount - 1, fixedCount: 0, remaining: ExpectedCount - 1, newCount: 1);
    }

    [Fact]
    public async Task Build_with_the_baseline_as_additional_file_passes_warnaserror_until_a_new_violation()
    {
        using var copy = await SampleCopy.CreateAsync();
        var baseline = Path.Combine(copy.Legacy, "tenant-baseline.json");
        Assert.Equal(0, (await TenantAudit.RunAsync("baseline", copy.Legacy, "--no-restore", "-o", baseline)).ExitCode);
        var project = File.ReadAllText(copy.LegacyProject);
        File.WriteAllText(copy.LegacyProject, project.Replace("</Project>", "  <ItemGroup><AdditionalFiles Include=\"tenant-baseline.json\" /></ItemGroup>\n</Project>", StringComparison.Ordinal));
        var sarif = Path.Combine(copy.Root, "build.sarif");

        var clean = await Processes.DotnetAsync(copy.Legacy, "build", "--no-restore", "-warnaserror", $"-p:ErrorLog={sarif}%2Cversion=2.1");

        Assert.True(clean.ExitCode == 0, "the baselined build failed:\n" + clean.Output);
        Assert.DoesNotContain(" TI0", clean.Output);
        var results = JsonNode.Parse(File.ReadAllText(sarif))!["runs"]![0]!["results"]!.AsArray()
            .Where(r => ((string)r!["ruleId"]!).StartsWith("TI0", StringComparison.Ordinal)).ToList();
        Assert.Equal(ExpectedCount, results.Count);
        Assert.All(results, r => Assert.NotNull(r!["suppressions"]));

        // The new violation, built with a path map as deterministic CI builds have (analyzers still see the real paths).
        copy.AddMember(Violations.File, Violations.NewBypassMember);
        var broken = await Processes.DotnetAsync(copy.Legacy, "build", "--no-restore", "-warnaserror", $"-p:PathMap={copy.Root}=/_/");

        Assert.NotEqual(0, broken.ExitCode);
        var errors = broken.Output.Split('\n').Where(l => l.Contains(": error TI", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();
        Assert.True(errors.Count == 1, "expected exactly the new violation:\n" + string.Join("\n", errors));
        Assert.Contains("error TI0001", errors[0]);
        Assert.Contains("LoginService.CountEveryCompanysUsersAsync", errors[0]);
    }

    private static async Task<(AuditRun Run, JsonNode Json)> ScanAsync(SampleCopy copy, string baseline)
    {
        var report = Path.Combine(copy.Root, "scan.json");
        var run = await TenantAudit.RunAsync("scan", copy.Legacy, "--no-restore", "--baseline", baseline, "--format", "json", "--output", report);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        return (run, JsonNode.Parse(File.ReadAllText(report))!);
    }

    private static void AssertCounts(JsonNode json, int initial, int fixedCount, int remaining, int newCount)
    {
        var baseline = json["baseline"]!;
        Assert.Equal(
            (initial, fixedCount, remaining, newCount),
            ((int)baseline["initial"]!, (int)baseline["fixed"]!, (int)baseline["remaining"]!, (int)baseline["new"]!));
    }
}
