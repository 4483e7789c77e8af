using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using TenantAnalyzers.Cli.Analysis;
using TenantAnalyzers.Cli.CommandLine;
using TenantAnalyzers.CodeFixes;

namespace TenantAnalyzers.Cli.Fixing;

/// <summary>
/// One Fix All: the rule, the action's key, how many findings it was given; <see cref="Errors"/> are the compiler errors
/// it would have added, when it was not applied for them.
/// </summary>
internal sealed record AppliedFix(string Rule, string EquivalenceKey, string Title, int Findings)
{
    public IReadOnlyList<string> Errors { get; init; } = [];

    public bool Applied => Errors.Count == 0;

    /// <summary>Files the Fix All changed but that were left as they were, because the change would not compile there.</summary>
    public IReadOnlyList<string> HeldBackFiles { get; init; } = [];
}

/// <summary>
/// Applies, rule by rule, only the actions <see cref="FixSafety"/> marks safe for bulk, each with its provider's Fix All
/// over the whole solution. For each rule, a finding gets the first safe action its provider offers for it (in
/// <see cref="FixSafety.SafeKeysFor"/>'s order); the solution is analysed again between actions, so every Fix All
/// sees the code as the previous one left it. A Fix All that would add compiler errors is not applied (and reported):
/// what this returns compiles wherever the input did. Works on the in-memory solution only: writing is the caller's.
/// </summary>
internal sealed class BulkFixer
{
    private readonly TenantRules _rules;
    private readonly IReadOnlyList<ProjectId> _targets;
    private readonly string _root;
    private readonly ProgressLog _log;

    public BulkFixer(TenantRules rules, IReadOnlyList<ProjectId> targets, string root, ProgressLog log)
    {
        _rules = rules;
        _targets = targets;
        _root = root;
        _log = log;
    }

    public async Task<(Solution Solution, IReadOnlyList<AppliedFix> Applied)> FixAsync(Solution solution, IReadOnlyList<string> rules, CancellationToken cancellationToken)
    {
        var applied = new List<AppliedFix>();
        var errors = await CompileErrorsAsync(solution, _targets, cancellationToken).ConfigureAwait(false);
        foreach (var rule in rules)
        {
            var safeKeys = FixSafety.SafeKeysFor(rule);
            var providers = _rules.FixProvidersFor(rule).ToList();
            if (safeKeys.Count == 0 || providers.Count == 0)
            {
                _log.Progress($"{rule}: no fix is safe for bulk; its findings are left for a person.");
                continue;
            }

            // Each pass applies one action to every finding whose first safe action it is; at most one pass per key.
            for (var pass = 0; pass < safeKeys.Count; pass++)
            {
                var findings = (await AnalyzeAsync(solution, cancellationToken).ConfigureAwait(false)).Where(f => f.RuleId == rule).ToList();
                var chosen = await ChooseActionsAsync(solution, findings, providers, safeKeys, cancellationToken).ConfigureAwait(false);
                if (chosen.Count == 0)
                {
                    break;
                }

                var (provider, key, title) = chosen.Keys.OrderBy(k => IndexOf(safeKeys, k.Key)).First();
                var group = chosen[(provider, key, title)];
                _log.Progress($"{rule}: '{title}' ({key}) on {group.Count} finding(s)...");
                var changed = await FixAllAsync(solution, provider, key, group, cancellationToken).ConfigureAwait(false);
                if (changed is null)
                {
                    break;
                }

                var (kept, errorsAfter, heldBack) = await KeepCompilingDocumentsAsync(solution, changed, errors, cancellationToken).ConfigureAwait(false);
                if (kept is null)
                {
                    _log.Warning($"{rule}: '{title}' not applied: it would add {errorsAfter.Count - errors.Count} compiler error(s), e.g. {errorsAfter.Except(errors).FirstOrDefault()}");
                    applied.Add(new AppliedFix(rule, key, title, group.Count) { Errors = errorsAfter.Except(errors).Take(10).ToList() });
                    break;
                }

                if (heldBack.Count > 0)
                {
                    _log.Warning($"{rule}: '{title}' not applied in {heldBack.Count} file(s) where it would not compile: {string.Join(", ", heldBack.Select(System.IO.Path.GetFileName))}");
                }

                solution = kept;
                errors = errorsAfter;
                applied.Add(new AppliedFix(rule, key, title, group.Count) { HeldBackFiles = heldBack });
                if (heldBack.Count > 0)
                {
                    break;
                }
            }
        }

        return (solution, applied);
    }

    /// <summary>
    /// <paramref name="changed"/> if it adds no compiler error; else <paramref name="solution"/> with the changes of only
    /// the files that gain no error (a fix that does not compile in one file, say for a missing import, still applies in
    /// the others), if that compiles; else null. Also the errors of the result and the files held back.
    /// </summary>
    private async Task<(Solution? Kept, List<string> Errors, IReadOnlyList<string> HeldBack)> KeepCompilingDocumentsAsync(
        Solution solution, Solution changed, List<string> errors, CancellationToken cancellationToken)
    {
        var errorsAfter = await CompileErrorsAsync(changed, _targets, cancellationToken).ConfigureAwait(false);
        if (errorsAfter.Count <= errors.Count)
        {
            return (changed, errorsAfter, []);
        }

        var kept = solution;
        var heldBack = new List<string>();
        foreach (var id in changed.GetChanges(solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true)))
        {
            var document = changed.GetDocument(id)!;
            var path = document.FilePath ?? document.Name;
            if (errorsAfter.Count(e => e.StartsWith(path + "(", StringComparison.Ordinal)) > errors.Count(e => e.StartsWith(path + "(", StringComparison.Ordinal)))
            {
                heldBack.Add(path);
                continue;
            }

            kept = kept.WithDocumentText(id, await document.GetTextAsync(cancellationToken).ConfigureAwait(false));
        }

        var keptErrors = await CompileErrorsAsync(kept, _targets, cancellationToken).ConfigureAwait(false);
        return keptErrors.Count <= errors.Count && heldBack.Count > 0 && kept != solution
            ? (kept, keptErrors, heldBack)
            : (null, errorsAfter, heldBack);
    }

    /// <summary>The compiler errors of the target projects (file, position and message: an added error is told apart from a moved one only by count).</summary>
    public static async Task<List<string>> CompileErrorsAsync(Solution solution, IReadOnlyList<ProjectId> targets, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        foreach (var id in targets)
        {
            var compilation = await solution.GetProject(id)!.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            errors.AddRange(compilation!.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        }

        return errors;
    }

    public async Task<IReadOnlyList<Finding>> AnalyzeAsync(Solution solution, CancellationToken cancellationToken) =>
        (await SolutionAnalyzer.AnalyzeAsync(solution, _targets, _root, _rules, new ProgressLog(System.IO.TextWriter.Null, quiet: true), cancellationToken).ConfigureAwait(false)).Findings;

    /// <summary>The actions the package offers for a finding, with their titles (to tell a person what is left).</summary>
    public async Task<IReadOnlyList<CodeAction>> OfferedActionsAsync(Solution solution, Finding finding, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var document = DocumentOf(solution, finding);
        if (document is null || finding.Diagnostic is null)
        {
            return actions;
        }

        foreach (var provider in _rules.FixProvidersFor(finding.RuleId))
        {
            var context = new CodeFixContext(document, finding.Diagnostic, (action, _) => AddLeaves(actions, action), cancellationToken);
            await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        }

        return actions;
    }

    /// <summary>A group ("Fix by hand") is listed as the actions a person can pick in it.</summary>
    private static void AddLeaves(List<CodeAction> actions, CodeAction action)
    {
        if (action.NestedActions.IsDefaultOrEmpty)
        {
            actions.Add(action);
            return;
        }

        foreach (var nested in action.NestedActions)
        {
            AddLeaves(actions, nested);
        }
    }

    private async Task<Dictionary<(CodeFixProvider Provider, string Key, string Title), List<(DocumentId, Diagnostic)>>> ChooseActionsAsync(
        Solution solution, IReadOnlyList<Finding> findings, IReadOnlyList<CodeFixProvider> providers, IReadOnlyList<string> safeKeys, CancellationToken cancellationToken)
    {
        var chosen = new Dictionary<(CodeFixProvider, string, string), List<(DocumentId, Diagnostic)>>();
        foreach (var finding in findings)
        {
            var document = DocumentOf(solution, finding);
            if (document is null || finding.Diagnostic is null)
            {
                continue;
            }

            (CodeFixProvider Provider, CodeAction Action)? best = null;
            foreach (var provider in providers)
            {
                var offered = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, finding.Diagnostic, (action, _) => offered.Add(action), cancellationToken)).ConfigureAwait(false);
                foreach (var action in offered.Where(a => FixSafety.IsSafeForBulk(a.EquivalenceKey) && safeKeys.Contains(a.EquivalenceKey!)))
                {
                    if (best is null || IndexOf(safeKeys, action.EquivalenceKey!) < IndexOf(safeKeys, best.Value.Action.EquivalenceKey!))
                    {
                        best = (provider, action);
                    }
                }
            }

            if (best is { } b)
            {
                var group = (b.Provider, b.Action.EquivalenceKey!, b.Action.Title);
                if (!chosen.TryGetValue(group, out var list))
                {
                    chosen[group] = list = new List<(DocumentId, Diagnostic)>();
                }

                list.Add((document.Id, finding.Diagnostic));
            }
        }

        return chosen;
    }

    private static async Task<Solution?> FixAllAsync(
        Solution solution, CodeFixProvider provider, string key, IReadOnlyList<(DocumentId Document, Diagnostic Diagnostic)> diagnostics, CancellationToken cancellationToken)
    {
        var fixAll = provider.GetFixAllProvider();
        if (fixAll is null || !fixAll.GetSupportedFixAllScopes().Contains(FixAllScope.Solution))
        {
            return null;
        }

        var document = solution.GetDocument(diagnostics[0].Document)!;
        var context = new FixAllContext(
            document,
            provider,
            FixAllScope.Solution,
            key,
            diagnostics.Select(d => d.Diagnostic.Id).Distinct(StringComparer.Ordinal),
            new FindingsDiagnosticProvider(diagnostics),
            cancellationToken);
        var action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
        if (action is null)
        {
            return null;
        }

        foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (operation is ApplyChangesOperation apply)
            {
                return apply.ChangedSolution;
            }
        }

        return null;
    }

    private static Document? DocumentOf(Solution solution, Finding finding) =>
        finding.Diagnostic?.Location.SourceTree is { } tree ? solution.GetDocument(tree) : null;

    private static int IndexOf(IReadOnlyList<string> keys, string key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] == key)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
