using System.Text.Json.Nodes;
using Json.Schema;
using TenantAnalyzers.Cli.Tests.Infrastructure;

namespace TenantAnalyzers.Cli.Tests;

/// <summary>The reports of a scan of the legacy sample: JSON and SARIF agree with each other and with the sample's expected findings; SARIF is valid 2.1.0.</summary>
[Collection(LegacyScanCollection.Name)]
public sealed class ReportTests
{
    private static readonly string[] CountedRules = ["TI0001", "TI0002", "TI0003", "TI0004", "TI0005"];
    private readonly LegacyScanFixture _scan;

    public ReportTests(LegacyScanFixture scan)
    {
        _scan = scan;
    }

    [Fact]
    public void Json_findings_are_the_samples_expected_findings()
    {
        var json = _scan.Json;
        var expected = Repository.ExpectedFindings().Select(f => $"{f.Rule}\t{f.File}\t{f.Member}").Order(StringComparer.Ordinal).ToList();
        var actual = json["findings"]!.AsArray().Select(f => $"{f!["rule"]}\t{f["file"]}\t{f["member"]}").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, actual);
        Assert.Equal(expected.Count, (int)json["summary"]!["total"]!);
        foreach (var rule in CountedRules)
        {
            var count = json["summary"]!["byRule"]!.AsArray().Single(r => (string)r!["rule"]! == rule)!["count"]!;
            Assert.Equal(Repository.ExpectedFindings().Count(f => f.Rule == rule), (int)count);
        }

        Assert.Equal(expected.Count, (int)json["summary"]!["byProject"]!.AsArray().Single()!["count"]!);
    }

    [Fact]
    public void Sarif_and_json_agree_on_every_finding_and_its_key()
    {
        var jsonKeys = _scan.Json["findings"]!.AsArray().Select(f => (string)f!["key"]!).Order(StringComparer.Ordinal).ToList();
        var results = _scan.Sarif["runs"]![0]!["results"]!.AsArray();
        var unsuppressed = results.Where(r => r!["suppressions"] is null && CountedRules.Contains((string)r["ruleId"]!)).ToList();
        var sarifKeys = unsuppressed.Select(r => (string)r!["partialFingerprints"]!["tenantAuditKey/v1"]!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(jsonKeys, sarifKeys);
        Assert.Equal(Repository.ExpectedFindings().Count, sarifKeys.Count);
        Assert.Equal(jsonKeys.Count, jsonKeys.Distinct().Count());
        foreach (var rule in CountedRules)
        {
            Assert.Equal(Repository.ExpectedFindings().Count(f => f.Rule == rule), unsuppressed.Count(r => (string)r!["ruleId"]! == rule));
        }
    }

    [Fact]
    public void Sarif_is_valid_against_the_sarif_2_1_0_schema_and_carries_rule_metadata()
    {
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-2.1.0.json"));
        var sarif = _scan.Sarif;

        var result = schema.Evaluate(sarif, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

        Assert.True(result.IsValid, "SARIF does not validate:\n" + string.Join("\n", (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(20)));
        var rules = sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
        foreach (var rule in CountedRules)
        {
            var metadata = rules.Single(r => (string)r!["id"]! == rule)!;
            Assert.StartsWith("https://", (string)metadata["helpUri"]!);
            Assert.Contains("rules.md#" + rule.ToLowerInvariant(), (string)metadata["helpUri"]!);
            Assert.False(string.IsNullOrWhiteSpace((string?)metadata["fullDescription"]!["text"]));
        }
    }

    [Fact]
    public void A_schema_violation_is_caught_by_the_validation()
    {
        // The check above must be able to fail: the same log with a result kind the schema does not allow.
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-2.1.0.json"));
        var sarif = _scan.Sarif;
        sarif["runs"]![0]!["results"]![0]!["baselineState"] = "renamed";

        Assert.False(schema.Evaluate(sarif).IsValid);
    }

    [Fact]
    public void Markdown_lists_the_counts_by_rule_and_every_finding()
    {
        var markdown = File.ReadAllText(_scan.ReportPath("markdown"));

        Assert.Contains($"**{Repository.ExpectedFindings().Count} findings**", markdown);
        foreach (var rule in CountedRules)
        {
            Assert.Contains($"| {Repository.ExpectedFindings().Count(f => f.Rule == rule)} |", markdown);
        }

        Assert.Equal(Repository.ExpectedFindings().Count, markdown.Split('\n').Count(l => l.StartsWith("| `", StringComparison.Ordinal) && l.Contains(".cs:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Progress_goes_to_standard_error_with_counts()
    {
        Assert.Contains("Loaded 1 C# project(s).", _scan.JsonRun.Error);
        Assert.Contains($"{Repository.ExpectedFindings().Count} findings", _scan.JsonRun.Error);
        Assert.Empty(_scan.JsonRun.Output);
    }
}
