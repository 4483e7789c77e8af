using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using TenantAnalyzers.Cli.Analysis;
using TenantAnalyzers.Cli.Baselines;
using TenantAnalyzers.Cli.Loading;

namespace TenantAnalyzers.Cli.Reports;

/// <summary>Findings counted by rule, project or file.</summary>
internal sealed record Count(string Name, int Value);

/// <summary>Everything a report shows, whatever its format: the summary counts come from here only.</summary>
internal sealed class AuditReport
{
    public AuditReport(
        string input,
        string root,
        AnalysisResult analysis,
        IReadOnlyList<ProjectLoadFailure> failedProjects,
        IReadOnlyList<string> rules,
        IReadOnlyDictionary<string, DiagnosticDescriptor> descriptors,
        IReadOnlyList<Finding> findings,
        BaselineComparison? baseline,
        int top)
    {
        Input = input;
        Root = root;
        Projects = analysis.Projects;
        FailedProjects = failedProjects;
        Rules = rules;
        Descriptors = descriptors;
        Findings = findings;
        Justified = analysis.Justified.Where(f => rules.Contains(f.RuleId)).ToList();
        Other = analysis.Other;
        AnalyzerFailures = analysis.AnalyzerFailures;
        Baseline = baseline;
        Top = top;
    }

    /// <summary>The solution or project analysed, relative to <see cref="Root"/>.</summary>
    public string Input { get; }

    /// <summary>The folder file paths are relative to (the baseline's folder, else the git work tree, else the input's folder).</summary>
    public string Root { get; }

    public IReadOnlyList<ProjectSummary> Projects { get; }

    public IReadOnlyList<ProjectLoadFailure> FailedProjects { get; }

    /// <summary>The rules counted (TI0001–TI0005, or those asked for with --rule).</summary>
    public IReadOnlyList<string> Rules { get; }

    public IReadOnlyDictionary<string, DiagnosticDescriptor> Descriptors { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public IReadOnlyList<Finding> Justified { get; }

    /// <summary>Other diagnostics of the package (TI0100 unjustified attribute, TI9000 bad option): not findings, not baselined.</summary>
    public IReadOnlyList<Finding> Other { get; }

    public IReadOnlyList<string> AnalyzerFailures { get; }

    public BaselineComparison? Baseline { get; }

    public int Top { get; }

    public IReadOnlyList<Count> ByRule => Rules.Select(r => new Count(r, Findings.Count(f => f.RuleId == r))).ToList();

    public IReadOnlyList<Count> ByProject =>
        Projects.Select(p => new Count(p.Name, Findings.Count(f => f.Project == p.Name))).ToList();

    public IReadOnlyList<Count> TopFiles =>
        Findings.GroupBy(f => f.File, StringComparer.Ordinal)
            .Select(g => new Count(g.Key, g.Count()))
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(Top)
            .ToList();

    public IReadOnlyList<Finding> NewFindings => Findings.Where(f => f.State == BaselineState.New).ToList();

    public string Title(string rule) => Descriptors.TryGetValue(rule, out var d) ? d.Title.ToString() : rule;

    public string Explanation(string rule) => Descriptors.TryGetValue(rule, out var d) ? d.Description.ToString() : "";

    public string HelpLink(string rule) => Descriptors.TryGetValue(rule, out var d) ? d.HelpLinkUri : "";
}
