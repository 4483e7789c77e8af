using System.IO;
using System.Text;
using System.Text.Json;
using TenantAnalyzers.Cli.Analysis;
using TenantAnalyzers.Cli.CommandLine;

namespace TenantAnalyzers.Cli.Reports;

/// <summary>The report as JSON for scripts: the summary counts, the baseline numbers, every finding with its key, and the justified bypasses.</summary>
internal static class JsonReport
{
    public static string Write(AuditReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteString("name", "tenant-audit");
            json.WriteString("version", ToolVersion.Current);
            json.WriteEndObject();
            json.WriteString("input", report.Input);
            json.WriteString("root", report.Root);

            json.WriteStartObject("summary");
            json.WriteNumber("total", report.Findings.Count);
            json.WriteNumber("justified", report.Justified.Count);
            WriteCounts(json, "byRule", "rule", report.ByRule, c => json.WriteString("title", report.Title(c.Name)));
            WriteCounts(json, "byProject", "project", report.ByProject, null);
            WriteCounts(json, "topFiles", "file", report.TopFiles, null);
            json.WriteEndObject();

            if (report.Baseline is { } baseline)
            {
                json.WriteStartObject("baseline");
                json.WriteString("file", baseline.File);
                json.WriteNumber("initial", baseline.Initial);
                json.WriteNumber("fixed", baseline.Fixed);
                json.WriteNumber("remaining", baseline.Remaining);
                json.WriteNumber("new", baseline.New);
                json.WriteNumber("reductionPercent", System.Math.Round(baseline.ReductionPercent, 1));
                json.WriteStartArray("fixedEntries");
                foreach (var key in baseline.FixedEntries)
                {
                    json.WriteStringValue(key.ToString());
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("baseline");
            }

            WriteFindings(json, "findings", report.Findings);
            WriteFindings(json, "justified", report.Justified);
            WriteFindings(json, "otherDiagnostics", report.Other);

            json.WriteStartArray("failedProjects");
            foreach (var failed in report.FailedProjects)
            {
                json.WriteStartObject();
                json.WriteString("project", failed.Project);
                json.WriteString("reason", failed.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, string label, System.Collections.Generic.IReadOnlyList<Count> counts, System.Action<Count>? extra)
    {
        json.WriteStartArray(name);
        foreach (var count in counts)
        {
            json.WriteStartObject();
            json.WriteString(label, count.Name);
            extra?.Invoke(count);
            json.WriteNumber("count", count.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFindings(Utf8JsonWriter json, string name, System.Collections.Generic.IReadOnlyList<Finding> findings)
    {
        json.WriteStartArray(name);
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("rule", finding.RuleId);
            json.WriteString("message", finding.Message);
            json.WriteString("project", finding.Project);
            json.WriteString("file", finding.File);
            json.WriteNumber("line", finding.Line);
            json.WriteNumber("column", finding.Column);
            json.WriteNumber("endLine", finding.EndLine);
            json.WriteNumber("endColumn", finding.EndColumn);
            json.WriteString("member", finding.Member);
            json.WriteString("key", finding.Key.ToString());
            json.WriteString("excerpt", finding.Excerpt);
            if (finding.Justification is not null)
            {
                json.WriteString("justification", finding.Justification);
                json.WriteString("justificationSource", finding.JustificationSource);
            }

            if (finding.State is { } state)
            {
                json.WriteString("baselineState", state.ToString().ToLowerInvariant());
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
