using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using TenantAnalyzers.Cli.Analysis;

namespace TenantAnalyzers.Cli.Reports;

/// <summary>
/// One self-contained page (inline CSS and SVG, no script, nothing loaded from the network): totals, a bar chart of
/// findings per rule, with a baseline the Initial / Fixed / Remaining / New chart, the findings by rule and file with
/// the code and the rule's explanation, and the justified bypasses with their reasons.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1b1f24}
        h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}h3{margin-bottom:.25rem}
        .tiles{display:flex;gap:1rem;flex-wrap:wrap}.tile{border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem;min-width:8rem}
        .tile b{display:block;font-size:1.6rem}.muted{color:#57606a}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f6f8fa}td.n{text-align:right}pre{margin:0;white-space:pre-wrap;font:12px/1.4 ui-monospace,Consolas,monospace;background:#f6f8fa;padding:.3rem}
        .new{color:#cf222e;font-weight:600}.unchanged{color:#57606a}svg text{font:12px system-ui,sans-serif}
        """;

    public static string Write(AuditReport report)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine($"<title>Tenant isolation audit: {E(report.Input)}</title>");
        html.AppendLine($"<style>{Style}</style></head><body>");
        html.AppendLine($"<h1>Tenant isolation audit: {E(report.Input)}</h1>");
        html.AppendLine("<div class=\"tiles\" id=\"totals\">");
        Tile(html, "total", "Findings", report.Findings.Count);
        Tile(html, "projects", "Projects", report.Projects.Count);
        Tile(html, "files", "Files with findings", report.Findings.Select(f => f.File).Distinct(StringComparer.Ordinal).Count());
        Tile(html, "justified", "Justified bypasses", report.Justified.Count);
        html.AppendLine("</div>");

        html.AppendLine("<h2>Findings per rule</h2>");
        BarChart(html, "rule-chart", "Findings per rule", report.ByRule.Where(c => c.Value > 0).Select(c => (c.Name, report.Title(c.Name), c.Value, "#0969da")).ToList(), "rule");

        if (report.Baseline is { } baseline)
        {
            html.AppendLine($"<h2>Baseline <span class=\"muted\">{E(baseline.File)}</span></h2>");
            html.AppendLine("<div class=\"tiles\" id=\"baseline\">");
            Tile(html, "initial", "Initial", baseline.Initial);
            Tile(html, "fixed", "Fixed", baseline.Fixed);
            Tile(html, "remaining", "Remaining", baseline.Remaining);
            Tile(html, "new", "New", baseline.New);
            html.AppendLine(string.Create(CultureInfo.InvariantCulture, $"<div class=\"tile\" data-total=\"reduction\">Reduction<b>{baseline.ReductionPercent:0.0}%</b></div>"));
            html.AppendLine("</div>");
            BarChart(html, "baseline-chart", "Initial, fixed, remaining and new findings", new List<(string, string, int, string)>
            {
                ("initial", "Initial", baseline.Initial, "#57606a"),
                ("fixed", "Fixed", baseline.Fixed, "#1a7f37"),
                ("remaining", "Remaining", baseline.Remaining, "#9a6700"),
                ("new", "New", baseline.New, "#cf222e"),
            }, "state");
        }

        CountTable(html, "Findings per project", "Project", report.ByProject);
        CountTable(html, "Top files", "File", report.TopFiles);
        Justified(html, report);
        Findings(html, report);
        html.AppendLine($"<p class=\"muted\">tenant-audit {E(CommandLine.ToolVersion.Current)}; paths relative to {E(report.Root)}.</p>");
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void Tile(StringBuilder html, string id, string label, int value) =>
        html.AppendLine($"<div class=\"tile\" data-total=\"{id}\">{E(label)}<b>{value}</b></div>");

    /// <summary>A horizontal bar chart: one <c>g.bar</c> per entry, its width proportional to the count.</summary>
    private static void BarChart(StringBuilder html, string id, string title, IReadOnlyList<(string Key, string Label, int Value, string Color)> bars, string keyName)
    {
        const int labelWidth = 470, barWidth = 420, rowHeight = 26;
        var max = Math.Max(1, bars.Select(b => b.Value).DefaultIfEmpty(0).Max());
        var height = Math.Max(1, bars.Count) * rowHeight + 8;
        html.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"<svg id=\"{id}\" role=\"img\" aria-label=\"{E(title)}\" width=\"{labelWidth + barWidth + 60}\" height=\"{height}\" viewBox=\"0 0 {labelWidth + barWidth + 60} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"));
        html.AppendLine($"<title>{E(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (key, label, value, color) = bars[i];
            var y = 4 + i * rowHeight;
            var width = value == 0 ? 0 : Math.Max(2, (int)Math.Round((double)barWidth * value / max));
            html.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"<g class=\"bar\" data-{keyName}=\"{E(key)}\" data-count=\"{value}\"><text x=\"0\" y=\"{y + 16}\">{E(keyName == "rule" ? key + " " + label : label)}</text>" +
                $"<rect x=\"{labelWidth}\" y=\"{y + 2}\" width=\"{width}\" height=\"{rowHeight - 8}\" fill=\"{color}\"></rect>" +
                $"<text x=\"{labelWidth + width + 6}\" y=\"{y + 16}\">{value}</text></g>"));
        }

        html.AppendLine("</svg>");
    }

    private static void CountTable(StringBuilder html, string title, string column, IReadOnlyList<Count> counts)
    {
        html.AppendLine($"<h2>{E(title)}</h2><table><tr><th>{E(column)}</th><th>Findings</th></tr>");
        foreach (var count in counts)
        {
            html.AppendLine($"<tr><td>{E(count.Name)}</td><td class=\"n\">{count.Value}</td></tr>");
        }

        html.AppendLine("</table>");
    }

    private static void Justified(StringBuilder html, AuditReport report)
    {
        html.AppendLine($"<h2 id=\"justified\">Justified bypasses ({report.Justified.Count})</h2>");
        html.AppendLine("<p class=\"muted\">Deliberate cross-tenant code with a written reason (the bypass attribute) or authorization that admits only platform operators. Not counted as findings.</p>");
        if (report.Justified.Count == 0)
        {
            return;
        }

        html.AppendLine("<table><tr><th>Rule</th><th>Where</th><th>Source</th><th>Justification</th></tr>");
        foreach (var finding in report.Justified)
        {
            html.AppendLine($"<tr class=\"justified\"><td>{E(finding.RuleId)}</td><td>{E(finding.File)}:{finding.Line}<br>{E(finding.Member)}</td><td>{E(finding.JustificationSource ?? "")}</td><td>{E(finding.Justification ?? "")}</td></tr>");
        }

        html.AppendLine("</table>");
    }

    private static void Findings(StringBuilder html, AuditReport report)
    {
        html.AppendLine("<h2 id=\"findings\">Findings by rule and file</h2>");
        foreach (var rule in report.Rules.Where(r => report.Findings.Any(f => f.RuleId == r)))
        {
            var ofRule = report.Findings.Where(f => f.RuleId == rule).ToList();
            html.AppendLine($"<section class=\"rule\" data-rule=\"{E(rule)}\">");
            html.AppendLine($"<h3>{E(rule)}: {E(report.Title(rule))} ({ofRule.Count})</h3>");
            html.AppendLine($"<p>{E(report.Explanation(rule))} <a href=\"{E(report.HelpLink(rule))}\">More in rules.md</a></p>");
            foreach (var file in ofRule.GroupBy(f => f.File, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                html.AppendLine($"<details open><summary><code>{E(file.Key)}</code> ({file.Count()})</summary><table>");
                html.AppendLine("<tr><th>Line</th><th>Member</th><th>Finding</th><th>Code</th></tr>");
                foreach (var finding in file.OrderBy(f => f.Line))
                {
                    var state = finding.State is { } s ? $"<div class=\"{s.ToString().ToLowerInvariant()}\">{s.ToString().ToLowerInvariant()}</div>" : "";
                    html.AppendLine($"<tr class=\"finding\"><td class=\"n\">{finding.Line}</td><td>{E(finding.Member)}</td><td>{E(finding.Message)}{state}</td><td><pre><code>{E(finding.Excerpt)}</code></pre></td></tr>");
                }

                html.AppendLine("</table></details>");
            }

            html.AppendLine("</section>");
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
