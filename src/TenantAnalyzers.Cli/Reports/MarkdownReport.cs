using System;
using System.Globalization;
using System.Linq;
using System.Text;
using TenantAnalyzers.Cli.Analysis;

namespace TenantAnalyzers.Cli.Reports;

/// <summary>The report as Markdown (a pull-request comment, a job summary): the same sections as the text report, findings by rule and file.</summary>
internal static class MarkdownReport
{
    public static string Write(AuditReport report)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Tenant isolation audit: {Escape(report.Input)}");
        md.AppendLine();
        md.AppendLine($"**{report.Findings.Count} findings** in {report.Projects.Count} project(s); {report.Justified.Count} justified bypasses counted apart.");
        if (report.Baseline is { } baseline)
        {
            md.AppendLine();
            md.AppendLine("| Initial | Fixed | Remaining | New | Reduction |");
            md.AppendLine("|---:|---:|---:|---:|---:|");
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {baseline.Initial} | {baseline.Fixed} | {baseline.Remaining} | {baseline.New} | {baseline.ReductionPercent:0.0}% |"));
        }

        md.AppendLine();
        md.AppendLine("## Findings by rule");
        md.AppendLine();
        md.AppendLine("| Rule | Title | Findings |");
        md.AppendLine("|---|---|---:|");
        foreach (var count in report.ByRule)
        {
            md.AppendLine($"| [{count.Name}]({report.HelpLink(count.Name)}) | {Escape(report.Title(count.Name))} | {count.Value} |");
        }

        md.AppendLine($"| **Total** | | **{report.Findings.Count}** |");
        md.AppendLine();
        md.AppendLine("## Findings by project");
        md.AppendLine();
        md.AppendLine("| Project | Findings |");
        md.AppendLine("|---|---:|");
        foreach (var count in report.ByProject)
        {
            md.AppendLine($"| {Escape(count.Name)} | {count.Value} |");
        }

        md.AppendLine();
        md.AppendLine("## Top files");
        md.AppendLine();
        md.AppendLine("| File | Findings |");
        md.AppendLine("|---|---:|");
        foreach (var count in report.TopFiles)
        {
            md.AppendLine($"| `{count.Name}` | {count.Value} |");
        }

        md.AppendLine();
        md.AppendLine($"## Justified bypasses ({report.Justified.Count})");
        md.AppendLine();
        if (report.Justified.Count > 0)
        {
            md.AppendLine("| Rule | Where | Source | Justification |");
            md.AppendLine("|---|---|---|---|");
            foreach (var finding in report.Justified)
            {
                md.AppendLine($"| {finding.RuleId} | `{finding.File}:{finding.Line}` {Escape(finding.Member)} | {finding.JustificationSource} | {Escape(finding.Justification ?? "")} |");
            }
        }

        md.AppendLine();
        md.AppendLine("## Findings");
        foreach (var rule in report.Rules.Where(r => report.Findings.Any(f => f.RuleId == r)))
        {
            md.AppendLine();
            md.AppendLine($"### {rule}: {Escape(report.Title(rule))}");
            md.AppendLine();
            md.AppendLine(Escape(report.Explanation(rule)));
            md.AppendLine();
            md.AppendLine("| Where | Member | Message |" + (report.Baseline is null ? "" : " Baseline |"));
            md.AppendLine("|---|---|---|" + (report.Baseline is null ? "" : "---|"));
            foreach (var finding in report.Findings.Where(f => f.RuleId == rule).OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line))
            {
                var state = finding.State is { } s ? $" {s.ToString().ToLowerInvariant()} |" : "";
                md.AppendLine($"| `{finding.File}:{finding.Line}` | {Escape(finding.Member)} | {Escape(finding.Message)} |{state}");
            }
        }

        return md.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
