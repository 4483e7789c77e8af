using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using TenantAnalyzers.Baseline;
using TenantAnalyzers.Cli.Analysis;
using TenantAnalyzers.Cli.CommandLine;

namespace TenantAnalyzers.Cli.Reports;

/// <summary>
/// SARIF 2.1.0 for code-scanning services: rule metadata with help links; each result's <c>partialFingerprints</c> carry
/// the line-independent finding key (the baseline's), so a service tracks a finding across edits; with a baseline,
/// <c>baselineState</c> new / unchanged / absent, the baselined ones suppressed (external); justified bypasses are
/// suppressed in source with their justification.
/// </summary>
internal static class SarifReport
{
    public const string FingerprintName = "tenantAuditKey/v1";
    private const string RootId = "SRCROOT";

    public static string Write(AuditReport report)
    {
        var ruleIndex = report.Descriptors.Keys.Order(StringComparer.Ordinal).Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, report);
            WriteInvocation(json, report);
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(RootId);
            json.WriteString("uri", new Uri(report.Root.TrimEnd('/', '\\') + "/").AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("columnKind", "utf16CodeUnits");

            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                var suppression = finding.State == BaselineState.Unchanged
                    ? ("external", $"Known finding listed in the baseline {report.Baseline!.File}")
                    : ((string, string)?)null;
                WriteResult(json, report, ruleIndex, finding, suppression);
            }

            foreach (var finding in report.Justified)
            {
                WriteResult(json, report, ruleIndex, finding, ("inSource", finding.Justification ?? ""));
            }

            foreach (var finding in report.Other)
            {
                WriteResult(json, report, ruleIndex, finding, null);
            }

            foreach (var key in report.Baseline?.FixedEntries ?? [])
            {
                WriteAbsent(json, report, ruleIndex, key);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteTool(Utf8JsonWriter json, AuditReport report)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "tenant-audit");
        json.WriteString("semanticVersion", ToolVersion.Current);
        json.WriteString("informationUri", "https://github.com/tenant-analyzers/TenantAnalyzers");
        json.WriteStartArray("rules");
        foreach (var id in report.Descriptors.Keys.Order(StringComparer.Ordinal))
        {
            var descriptor = report.Descriptors[id];
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("name", Name(descriptor.Title.ToString()));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", descriptor.Title.ToString());
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", descriptor.Description.ToString());
            json.WriteEndObject();
            json.WriteString("helpUri", descriptor.HelpLinkUri);
            json.WriteStartObject("help");
            json.WriteString("text", $"{descriptor.Description} See {descriptor.HelpLinkUri}");
            json.WriteString("markdown", $"{descriptor.Description}\n\n[{id}: {descriptor.Title}]({descriptor.HelpLinkUri})");
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteBoolean("enabled", descriptor.IsEnabledByDefault);
            json.WriteString("level", Level(descriptor.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", descriptor.Category);
            json.WriteStartArray("tags");
            json.WriteStringValue("security");
            json.WriteStringValue("multi-tenancy");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, AuditReport report)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", report.FailedProjects.Count == 0 && report.AnalyzerFailures.Count == 0);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var text in report.FailedProjects.Select(f => $"Project not analysed (failed to load): {f.Project}: {f.Reason}").Concat(report.AnalyzerFailures))
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", text);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, AuditReport report, Dictionary<string, int> ruleIndex, Finding finding, (string Kind, string Justification)? suppression)
    {
        json.WriteStartObject();
        WriteRule(json, ruleIndex, finding.RuleId);
        json.WriteString("level", report.Descriptors.TryGetValue(finding.RuleId, out var d) ? Level(d.DefaultSeverity) : "warning");
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        WriteArtifact(json, finding.File);
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.Line);
        json.WriteNumber("startColumn", finding.Column);
        json.WriteNumber("endLine", finding.EndLine);
        json.WriteNumber("endColumn", finding.EndColumn);
        json.WriteStartObject("snippet");
        json.WriteString("text", finding.Excerpt);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        WriteLogicalLocation(json, finding.Member, finding.Key.Member);
        json.WriteEndObject();
        json.WriteEndArray();
        WriteFingerprint(json, finding.Key);
        if (finding.State is { } state)
        {
            json.WriteString("baselineState", state == BaselineState.New ? "new" : "unchanged");
        }

        if (suppression is { } s)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", s.Kind);
            json.WriteString("status", "accepted");
            json.WriteString("justification", s.Justification);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (finding.JustificationSource is not null)
        {
            json.WriteStartObject("properties");
            json.WriteString("justificationSource", finding.JustificationSource);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>A baselined finding that is gone: its file and member are all that is known (no line: the baseline keeps none).</summary>
    private static void WriteAbsent(Utf8JsonWriter json, AuditReport report, Dictionary<string, int> ruleIndex, FindingKey key)
    {
        json.WriteStartObject();
        WriteRule(json, ruleIndex, key.Rule);
        json.WriteString("level", "none");
        json.WriteStartObject("message");
        json.WriteString("text", $"Fixed since the baseline: {key.Rule} ({report.Title(key.Rule)}) in {key.Member}");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        WriteArtifact(json, key.File);
        json.WriteEndObject();
        WriteLogicalLocation(json, null, key.Member);
        json.WriteEndObject();
        json.WriteEndArray();
        WriteFingerprint(json, key);
        json.WriteString("baselineState", "absent");
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, Dictionary<string, int> ruleIndex, string rule)
    {
        json.WriteString("ruleId", rule);
        if (ruleIndex.TryGetValue(rule, out var index))
        {
            json.WriteNumber("ruleIndex", index);
        }
    }

    private static void WriteArtifact(Utf8JsonWriter json, string file)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", string.Join("/", file.Split('/').Select(s => s == ".." ? s : Uri.EscapeDataString(s))));
        if (!file.StartsWith('/'))
        {
            json.WriteString("uriBaseId", RootId);
        }

        json.WriteEndObject();
    }

    private static void WriteLogicalLocation(Utf8JsonWriter json, string? display, string declarationId)
    {
        if (declarationId.Length == 0)
        {
            return;
        }

        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        if (display is not null)
        {
            json.WriteString("name", display);
        }

        json.WriteString("decoratedName", declarationId);
        json.WriteString("kind", declarationId.StartsWith("T:", StringComparison.Ordinal) ? "type" : "member");
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteFingerprint(Utf8JsonWriter json, FindingKey key)
    {
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintName, key.ToString());
        json.WriteEndObject();
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>SARIF's rule name: the title in PascalCase ("Tenant query filter bypassed" → TenantQueryFilterBypassed).</summary>
    private static string Name(string title) =>
        string.Concat(title.Split(' ', '-', '\'').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
