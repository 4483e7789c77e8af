using System.Globalization;
using System.IO;
using System.Linq;
using TenantAnalyzers.Cli.Analysis;

namespace TenantAnalyzers.Cli.Reports;

/// <summary>The summary for a terminal: counts by rule, project and file, justified bypasses with their reasons, the baseline numbers, and the findings (only the new ones when a baseline is given).</summary>
internal static class TextReport
{
    public static void Write(AuditReport report, TextWriter output)
    {
        // One name column wide enough for the longest rule title, project or file listed.
        var width = report.ByRule.Select(c => c.Name.Length + 2 + report.Title(c.Name).Length)
            .Concat(report.ByProject.Select(c => c.Name.Length))
            .Concat(report.TopFiles.Select(c => c.Name.Length))
            .Append(40)
            .Max();
        output.WriteLine($"tenant-audit {report.Input}: {report.Findings.Count} findings in {report.Projects.Count} project(s), {report.Justified.Count} justified bypasses");
        output.WriteLine();
        output.WriteLine("Findings by rule");
        foreach (var count in report.ByRule)
        {
            output.WriteLine($"  {(count.Name + "  " + report.Title(count.Name)).PadRight(width)} {count.Value,5}");
        }

        output.WriteLine($"  {"Total".PadRight(width)} {report.Findings.Count,5}");
        output.WriteLine();
        output.WriteLine("Findings by project");
        foreach (var count in report.ByProject)
        {
            output.WriteLine($"  {count.Name.PadRight(width)} {count.Value,5}");
        }

        if (report.TopFiles.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Top files");
            foreach (var count in report.TopFiles)
            {
                output.WriteLine($"  {count.Name.PadRight(width)} {count.Value,5}");
            }
        }

        output.WriteLine();
        output.WriteLine($"Justified bypasses: {report.Justified.Count} (not counted above)");
        foreach (var finding in report.Justified)
        {
            output.WriteLine($"  {finding.RuleId}  {finding.File}:{finding.Line}  {finding.Member}  [{finding.JustificationSource}] {finding.Justification}");
        }

        if (report.Baseline is { } baseline)
        {
            output.WriteLine();
            output.WriteLine($"Baseline {baseline.File}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  Initial {baseline.Initial}   Fixed {baseline.Fixed}   Remaining {baseline.Remaining}   New {baseline.New}   Reduction {baseline.ReductionPercent:0.0}%"));
            if (baseline.Fixed > 0)
            {
                output.WriteLine($"  {baseline.Fixed} entries no longer match a finding: 'tenant-audit baseline --update' removes them.");
            }
        }

        var listed = report.Baseline is null ? report.Findings : report.NewFindings;
        if (listed.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(report.Baseline is null ? "Findings" : $"New findings ({listed.Count}): not in the baseline");
            foreach (var finding in listed.OrderBy(f => f.File, System.StringComparer.Ordinal).ThenBy(f => f.Line))
            {
                output.WriteLine($"  {finding.File}:{finding.Line}:{finding.Column}  {finding.RuleId}  {finding.Message}");
            }
        }

        WriteProblems(report, output);
    }

    private static void WriteProblems(AuditReport report, TextWriter output)
    {
        if (report.Other.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Other diagnostics (not counted as findings)");
            foreach (var finding in report.Other)
            {
                output.WriteLine($"  {finding.File}:{finding.Line}:{finding.Column}  {finding.RuleId}  {finding.Message}");
            }
        }

        foreach (var failed in report.FailedProjects)
        {
            output.WriteLine($"Not analysed (failed to load): {failed.Project}");
        }
    }
}
