using System.Collections.Immutable;
using System.Composition;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantAnalyzers.CodeFixes;
using TenantAnalyzers.CodeFixes.Fixes;

namespace TenantAnalyzers.Tests.Infrastructure;

/// <summary>
/// Applies every action every provider offers for every finding of a project — each on its own, then each equivalence
/// key with Fix All in document, project and solution scope, and Fix All for a key that is no fix (none, or a group's:
/// what <c>dotnet format</c> asks for when the first finding has nothing bulk-safe) — and checks each result: no compiler error that was not there
/// before, no analyzer failure, and the findings fixed are gone without new ones of other rules. The one documented
/// exception is "mark as cross-tenant": the finding stays, a TI0100 on its placeholder joins it, and Fix All refuses it.
/// </summary>
public static class FixSweep
{
    private static readonly string[] FixedRules = ["TI0001", "TI0002", "TI0003", "TI0004", "TI0005"];

    /// <summary>Every code fix provider of the package, found by their export attribute.</summary>
    public static ImmutableArray<CodeFixProvider> Providers { get; } = typeof(FilterBypassCodeFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>Sweeps the findings of <paramref name="projectId"/>; returns one line per broken result (empty when all hold) and what was applied.</summary>
    public static async Task<SweepResult> RunAsync(string name, Solution solution, ProjectId projectId, CancellationToken cancellationToken = default)
    {
        var result = new SweepResult(name, solution);
        var before = await ProjectState.AnalyzeAsync(solution, projectId, cancellationToken);
        result.FailIfBroken("the input", before);

        var offers = new List<Offer>();
        foreach (var finding in before.Findings.Where(f => FixedRules.Contains(f.Id)))
        {
            var document = solution.GetDocument(finding.Location.SourceTree)!;
            foreach (var provider in Providers.Where(p => p.FixableDiagnosticIds.Contains(finding.Id)))
            {
                foreach (var action in await RegisteredActionsAsync(provider, document, finding, cancellationToken))
                {
                    if (FixSafety.Classify(action.EquivalenceKey) is null)
                    {
                        // A group of fixes for a person: its own key is what dotnet format hands Fix All when it comes first.
                        offers.Add(new Offer(provider, document.Id, finding, action.EquivalenceKey));
                    }

                    foreach (var leaf in NestedCodeActions.Leaves(action))
                    {
                        offers.Add(new Offer(provider, document.Id, finding, leaf.EquivalenceKey));
                        var after = await ApplyAsync(leaf, result, projectId, cancellationToken);
                        result.Applied++;
                        result.Check($"{Describe(finding)}: '{leaf.Title}'", before, after, finding.Id, leaf.EquivalenceKey, fixedCount: 1);
                    }
                }
            }
        }

        foreach (var group in offers.Where(o => FixSafety.Classify(o.Key) is not null).GroupBy(o => (o.Provider, o.Finding.Id, o.Key)))
        {
            var (provider, ruleId, key) = group.Key;
            foreach (var documentId in group.Select(o => o.DocumentId).Distinct())
            {
                await FixAllAsync(result, solution, projectId, before, provider, ruleId, key, FixAllScope.Document, documentId, group.Count(o => o.DocumentId == documentId), cancellationToken);
            }

            await FixAllAsync(result, solution, projectId, before, provider, ruleId, key, FixAllScope.Project, group.First().DocumentId, group.Count(), cancellationToken);
            await FixAllAsync(result, solution, projectId, before, provider, ruleId, key, FixAllScope.Solution, group.First().DocumentId, group.Count(), cancellationToken);
        }

        // Fix All for no fix of ours (no key, or a group's): each finding's first bulk-safe fix.
        foreach (var rule in offers.GroupBy(o => (o.Provider, o.Finding.Id)))
        {
            var withSafeFix = rule.Where(o => FixSafety.IsSafeForBulk(o.Key)).Select(o => o.Finding).Distinct().Count();
            foreach (var key in rule.Where(o => FixSafety.Classify(o.Key) is null).Select(o => o.Key).Append(null).Distinct())
            {
                await FixAllAsync(result, solution, projectId, before, rule.Key.Provider, rule.Key.Id, key, FixAllScope.Solution, rule.First().DocumentId, withSafeFix, cancellationToken);
            }
        }

        await BulkPassAsync(result, solution, projectId, before, cancellationToken);
        return result;
    }

    /// <summary>
    /// What <c>dotnet format analyzers</c> does: rule after rule, Fix All in the solution for the first action of the
    /// rule's first finding, on the code the previous rules left. The end result compiles, has no more findings of any
    /// rule than before, and no placeholder justification (nothing was marked in bulk).
    /// </summary>
    private static async Task BulkPassAsync(SweepResult result, Solution solution, ProjectId projectId, ProjectState before, CancellationToken cancellationToken)
    {
        var state = before;
        foreach (var rule in FixedRules)
        {
            var findings = state.Findings.Where(f => f.Id == rule).ToList();
            var provider = Providers.SingleOrDefault(p => p.FixableDiagnosticIds.Contains(rule));
            if (findings.Count == 0 || provider is null)
            {
                continue;
            }

            var document = state.Solution.GetDocument(findings[0].Location.SourceTree)!;
            var first = (await RegisteredActionsAsync(provider, document, findings[0], cancellationToken)).FirstOrDefault();
            var context = new FixAllContext(document, provider, FixAllScope.Solution, first?.EquivalenceKey!, [rule], new KnownDiagnostics(state.Findings), cancellationToken);
            if (await provider.GetFixAllProvider()!.GetFixAsync(context) is { } action)
            {
                state = await ApplyAsync(action, result, projectId, cancellationToken);
                result.Applied++;
            }
        }

        result.Check("dotnet format pass over every rule", before, state, ruleId: null, key: null, fixedCount: 0);
    }

    /// <summary>The actions <paramref name="provider"/> registers for <paramref name="finding"/>, in registration order.</summary>
    public static async Task<IReadOnlyList<CodeAction>> RegisteredActionsAsync(CodeFixProvider provider, Document document, Diagnostic finding, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, finding, (action, _) => actions.Add(action), cancellationToken);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    private static async Task FixAllAsync(
        SweepResult result, Solution solution, ProjectId projectId, ProjectState before, CodeFixProvider provider, string ruleId, string? key,
        FixAllScope scope, DocumentId documentId, int offered, CancellationToken cancellationToken)
    {
        var fixAll = provider.GetFixAllProvider()!;
        var document = solution.GetDocument(documentId)!;
        var context = new FixAllContext(document, provider, scope, key!, [ruleId], new KnownDiagnostics(before.Findings), cancellationToken);
        var label = $"Fix All {key ?? "(no key)"} in {scope}" + (scope == FixAllScope.Document ? $" {document.Name}" : "");
        var action = await fixAll.GetFixAsync(context);
        if (FixSafety.Classify(key) == FixBehavior.NeedsJustification)
        {
            result.FailIf(action is not null, $"{label}: offered, though it needs a person's justification");
            return;
        }

        if (action is null)
        {
            result.FailIf(offered > 0, $"{label}: no Fix All action for {offered} finding(s) that offer it");
            return;
        }

        var after = await ApplyAsync(action, result, projectId, cancellationToken);
        result.Applied++;
        result.Check(label, before, after, ruleId, key, offered);
    }

    /// <summary>Applies <paramref name="action"/> and analyzes the result, once per distinct resulting code (a single fix and a Fix All often agree).</summary>
    private static async Task<ProjectState> ApplyAsync(CodeAction action, SweepResult result, ProjectId projectId, CancellationToken cancellationToken)
    {
        var operations = await action.GetOperationsAsync(cancellationToken);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var code = new System.Text.StringBuilder();
        foreach (var project in changed.GetChanges(result.Input).GetProjectChanges())
        {
            foreach (var documentId in project.GetChangedDocuments())
            {
                code.Append(documentId.Id).Append((await changed.GetDocument(documentId)!.GetTextAsync(cancellationToken)).ToString());
            }
        }

        if (!result.Analyzed.TryGetValue(code.ToString(), out var state))
        {
            state = await ProjectState.AnalyzeAsync(changed, projectId, cancellationToken);
            result.Analyzed.Add(code.ToString(), state);
        }

        return state;
    }

    private static string Describe(Diagnostic finding) =>
        $"{finding.Id} at {Path.GetFileName(finding.Location.SourceTree?.FilePath)}:{finding.Location.GetLineSpan().StartLinePosition.Line + 1}";

    private sealed record Offer(CodeFixProvider Provider, DocumentId DocumentId, Diagnostic Finding, string? Key);

    private sealed class KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => project.Documents.Any(doc => doc.FilePath == d.Location.SourceTree?.FilePath)));
    }
}

/// <summary>A project's compiler errors (of it and the projects it references), tenant findings and analyzer failures.</summary>
public sealed record ProjectState(ImmutableArray<Diagnostic> Errors, ImmutableArray<Diagnostic> Findings, IReadOnlyList<string> AnalyzerFailures, Solution Solution)
{
    public static async Task<ProjectState> AnalyzeAsync(Solution solution, ProjectId projectId, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId)!;
        var errors = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var reference in project.ProjectReferences.Select(r => r.ProjectId).Append(projectId))
        {
            var compilation = (await solution.GetProject(reference)!.GetCompilationAsync(cancellationToken))!;
            errors.AddRange(compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        var failures = new List<string>();
        var withAnalyzers = (await project.GetCompilationAsync(cancellationToken))!.WithAnalyzers(AnalyzerRunner.AllAnalyzers, new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) => { lock (failures) { failures.Add($"{analyzer}: {exception.Message}"); } },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false));
        var findings = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        failures.AddRange(findings.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()));
        return new ProjectState(errors.ToImmutable(), findings.Where(d => d.Id.StartsWith("TI", StringComparison.Ordinal)).ToImmutableArray(), failures, solution);
    }

    public int Count(string ruleId) => Findings.Count(f => f.Id == ruleId);
}

/// <summary>What a sweep applied and what it found broken.</summary>
public sealed class SweepResult(string name, Solution input)
{
    private const string JustificationRule = "TI0100";

    public string Name { get; } = name;

    /// <summary>The solution every fix starts from.</summary>
    public Solution Input { get; } = input;

    /// <summary>The analysis of every distinct result so far, by its changed code.</summary>
    internal Dictionary<string, ProjectState> Analyzed { get; } = new(StringComparer.Ordinal);

    public int Applied { get; set; }

    public List<string> Failures { get; } = [];

    public void FailIf(bool broken, string message)
    {
        if (broken)
        {
            Failures.Add($"{Name}: {message}");
        }
    }

    public void FailIfBroken(string what, ProjectState state) =>
        FailIf(state.AnalyzerFailures.Count > 0, $"{what}: analyzer failures: {string.Join("; ", state.AnalyzerFailures)}");

    /// <summary>
    /// The result of applying <paramref name="key"/> to <paramref name="fixedCount"/> findings of <paramref name="ruleId"/>
    /// (of every rule when null): no new compiler error; the findings gone ("mark" leaves them and adds a TI0100); no new
    /// finding of another rule.
    /// </summary>
    public void Check(string what, ProjectState before, ProjectState after, string? ruleId, string? key, int fixedCount)
    {
        FailIfBroken(what, after);
        var newErrors = Subtract(after.Errors.Select(ErrorText), before.Errors.Select(ErrorText));
        FailIf(newErrors.Count > 0, $"{what}: new compiler errors:\n      " + string.Join("\n      ", newErrors.Take(5)) + ChangedText(before, after, newErrors.Count > 0));

        var marks = FixSafety.Classify(key) == FixBehavior.NeedsJustification;
        if (ruleId is not null && marks)
        {
            FailIf(after.Count(ruleId) != before.Count(ruleId), $"{what}: {ruleId} went from {before.Count(ruleId)} to {after.Count(ruleId)}; a mark must leave the finding until a person writes the reason");
            // A new attribute brings a TI0100; an empty justification filled in keeps the one it had.
            FailIf(after.Count(JustificationRule) < Math.Max(1, before.Count(JustificationRule)), $"{what}: no TI0100 on the placeholder");
        }
        else if (ruleId is not null)
        {
            FailIf(after.Count(ruleId) > before.Count(ruleId) - fixedCount, $"{what}: {ruleId} went from {before.Count(ruleId)} to {after.Count(ruleId)}, {fixedCount} should be gone" + ChangedText(before, after, true));
        }

        foreach (var other in after.Findings.Select(f => f.Id).Distinct().Where(id => id != ruleId && !(marks && id == JustificationRule)))
        {
            FailIf(after.Count(other) > before.Count(other), $"{what}: {other} went from {before.Count(other)} to {after.Count(other)}" + ChangedText(before, after, true));
        }
    }

    private static string ErrorText(Diagnostic error) => $"{error.Id}: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} in {Path.GetFileName(error.Location.SourceTree?.FilePath)}: {error.Location.SourceTree?.GetText().Lines.GetLineFromPosition(error.Location.SourceSpan.Start).ToString().Trim()}";

    private static List<string> Subtract(IEnumerable<string> from, IEnumerable<string> remove)
    {
        var rest = from.ToList();
        foreach (var item in remove)
        {
            rest.Remove(item);
        }

        return rest;
    }

    /// <summary>The lines a fix changed, to read the failure without rerunning it.</summary>
    private static string ChangedText(ProjectState before, ProjectState after, bool show)
    {
        if (!show)
        {
            return "";
        }

        var lines = new List<string>();
        foreach (var project in after.Solution.GetChanges(before.Solution).GetProjectChanges())
        {
            foreach (var documentId in project.GetChangedDocuments())
            {
                var oldLines = before.Solution.GetDocument(documentId)!.GetTextAsync().Result.Lines.Select(l => l.ToString()).ToHashSet();
                var newText = after.Solution.GetDocument(documentId)!.GetTextAsync().Result;
                lines.AddRange(newText.Lines.Select(l => l.ToString()).Where(l => !oldLines.Contains(l)).Select(l => "+ " + l.Trim()));
            }
        }

        return "\n      " + string.Join("\n      ", lines.Take(12));
    }
}
