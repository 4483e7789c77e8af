using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TenantAnalyzers.Baseline;
using TenantAnalyzers.Cli.CommandLine;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Cli.Analysis;

/// <summary>
/// Runs the shipped analyzers on every target project with the project's own options (.editorconfig, .globalconfig,
/// NoWarn, additional files), with TI0200 turned on so justified bypasses are counted apart. Only this tool's analyzers
/// run (the loader has dropped the project's own TenantAnalyzers references), once.
/// </summary>
internal static class SolutionAnalyzer
{
    public static async Task<AnalysisResult> AnalyzeAsync(
        Solution solution, IReadOnlyList<ProjectId> targets, string root, TenantRules rules, ProgressLog log, CancellationToken cancellationToken)
    {
        var raw = new List<(Diagnostic Diagnostic, Project Project, Compilation Compilation)>();
        var projects = new List<ProjectSummary>();
        var failures = new List<string>();
        var seen = new HashSet<(string, int, int, string)>();
        for (var i = 0; i < targets.Count; i++)
        {
            var project = solution.GetProject(targets[i])!;
            log.Progress($"Analysing project {i + 1}/{targets.Count}: {project.Name} ({project.DocumentIds.Count} documents)...");
            projects.Add(new ProjectSummary(project.Name, RelativeFile(project.FilePath, root), project.DocumentIds.Count));
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                continue;
            }

            compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
                compilation.Options.SpecificDiagnosticOptions.SetItem(rules.JustifiedId, ReportDiagnostic.Info)));
            var withAnalyzers = compilation.WithAnalyzers(rules.Analyzers, new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                onAnalyzerException: (exception, analyzer, _) => { lock (failures) { failures.Add($"{analyzer.GetType().Name} in {project.Name}: {exception.Message}"); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
            foreach (var diagnostic in await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false))
            {
                var span = diagnostic.Location.SourceSpan;
                if (seen.Add((diagnostic.Location.SourceTree?.FilePath ?? "", span.Start, span.End, diagnostic.Id)))
                {
                    raw.Add((diagnostic, project, compilation));
                }
            }
        }

        foreach (var failure in failures)
        {
            log.Warning("analyzer failure: " + failure);
        }

        var findings = Build(raw.Where(r => rules.BaselinedRules.Contains(r.Diagnostic.Id)), root, cancellationToken);
        var justified = Build(raw.Where(r => r.Diagnostic.Id == rules.JustifiedId), root, cancellationToken);
        var other = Build(raw.Where(r => !rules.BaselinedRules.Contains(r.Diagnostic.Id) && r.Diagnostic.Id != rules.JustifiedId), root, cancellationToken);
        log.Progress($"Analysed {targets.Count} project(s), {projects.Sum(p => p.Documents)} documents: {findings.Count} findings, {justified.Count} justified bypasses.");
        return new AnalysisResult(findings, justified, other, projects, failures);
    }

    private static List<Finding> Build(IEnumerable<(Diagnostic Diagnostic, Project Project, Compilation Compilation)> diagnostics, string root, CancellationToken cancellationToken)
    {
        var items = diagnostics
            .Where(d => d.Diagnostic.Location.IsInSource)
            .OrderBy(d => d.Diagnostic.Location.SourceTree!.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Diagnostic.Location.SourceSpan.Start)
            .ThenBy(d => d.Diagnostic.Id, StringComparer.Ordinal)
            .ToList();
        var sites = new List<(FindingKey Key, int Position)>(items.Count);
        var members = new List<string>(items.Count);
        foreach (var (diagnostic, _, compilation) in items)
        {
            var tree = diagnostic.Location.SourceTree!;
            var model = compilation.GetSemanticModel(tree);
            var rule = RuleOf(diagnostic);
            sites.Add((FindingKeys.Compute(rule, diagnostic.Location, FindingKeys.RelativePath(tree.FilePath, root), model, cancellationToken), diagnostic.Location.SourceSpan.Start));
            members.Add(MemberDisplay.Of(ContainingMember(model.GetEnclosingSymbol(diagnostic.Location.SourceSpan.Start, cancellationToken))));
        }

        var keys = FindingKeys.NumberOccurrences(sites);
        var findings = new List<Finding>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var (diagnostic, project, _) = items[i];
            var tree = diagnostic.Location.SourceTree!;
            var lines = diagnostic.Location.GetLineSpan();
            diagnostic.Properties.TryGetValue("justification", out var justification);
            diagnostic.Properties.TryGetValue("source", out var source);
            findings.Add(new Finding(
                RuleOf(diagnostic),
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                project.Name,
                tree.FilePath,
                keys[i].File,
                lines.StartLinePosition.Line + 1,
                lines.StartLinePosition.Character + 1,
                lines.EndLinePosition.Line + 1,
                lines.EndLinePosition.Character + 1,
                members[i],
                Excerpt(tree.GetText(cancellationToken), diagnostic.Location.SourceSpan),
                keys[i])
            {
                Justification = justification,
                JustificationSource = source,
                Diagnostic = diagnostic,
                ProjectId = project.Id,
            });
        }

        return findings;
    }

    /// <summary>The rule a diagnostic belongs to: its id, or for TI0200 the rule it stands for.</summary>
    private static string RuleOf(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue("rule", out var rule) && rule is { Length: > 0 } ? rule : diagnostic.Id;

    private static ISymbol? ContainingMember(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }

    /// <summary>The source lines of the finding (at most three), without their common indentation.</summary>
    private static string Excerpt(SourceText text, TextSpan span)
    {
        var first = text.Lines.GetLineFromPosition(span.Start).LineNumber;
        var last = Math.Min(text.Lines.GetLineFromPosition(span.End).LineNumber, first + 2);
        var lines = Enumerable.Range(first, last - first + 1).Select(n => text.Lines[n].ToString().TrimEnd()).ToList();
        var indent = lines.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    private static string RelativeFile(string? path, string root) =>
        path is null ? "" : FindingKeys.RelativePath(path, root);
}
