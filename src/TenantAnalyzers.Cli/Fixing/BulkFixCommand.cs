using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TenantAnalyzers.Cli.Analysis;
using TenantAnalyzers.Cli.CommandLine;
using TenantAnalyzers.Cli.Loading;
using TenantAnalyzers.CodeFixes;

namespace TenantAnalyzers.Cli.Fixing;

/// <summary>
/// <c>tenant-audit fix</c>: the bulk-safe fixes in memory first; then either the diff (<c>--dry-run</c>) or the changed
/// files written, and what changed, what remains, and what has no safe fix. A Fix All that would add compiler errors is
/// left out (see <see cref="BulkFixer"/>); nothing is written when a file it would change has uncommitted changes (unless
/// <c>--force</c>).
/// </summary>
internal static class BulkFixCommand
{
    public static async Task<int> RunAsync(AuditOptions options, IReadOnlyList<string> rules, TextWriter output, ProgressLog log, CancellationToken cancellationToken)
    {
        var input = InputPath.Resolve(options.Path);
        var root = input.FindRepositoryRoot();
        using var loaded = await AuditCommandLine.LoadAsync(input, options, log, cancellationToken).ConfigureAwait(false);
        var fixer = new BulkFixer(TenantRules.Shipped, loaded.Targets, root, log);
        var original = loaded.Solution;

        log.Progress("Analysing before fixing...");
        var before = (await fixer.AnalyzeAsync(original, cancellationToken).ConfigureAwait(false)).Where(f => rules.Contains(f.RuleId)).ToList();
        var errorsBefore = await BulkFixer.CompileErrorsAsync(original, loaded.Targets, cancellationToken).ConfigureAwait(false);
        var (fixedSolution, applied) = await fixer.FixAsync(original, rules, cancellationToken).ConfigureAwait(false);
        log.Progress("Analysing after fixing...");
        var after = (await fixer.AnalyzeAsync(fixedSolution, cancellationToken).ConfigureAwait(false)).Where(f => rules.Contains(f.RuleId)).ToList();
        var errorsAfter = await BulkFixer.CompileErrorsAsync(fixedSolution, loaded.Targets, cancellationToken).ConfigureAwait(false);
        var changes = await ChangedFilesAsync(original, fixedSolution, cancellationToken).ConfigureAwait(false);

        if (errorsAfter.Count > errorsBefore.Count)
        {
            var introduced = errorsAfter.Where(e => changes.Any(c => e.Contains(c.Path, StringComparison.Ordinal))).Take(20);
            throw new AuditException($"the fixes would leave {errorsAfter.Count} compiler errors where there were {errorsBefore.Count}; nothing written:\n  " + string.Join("\n  ", introduced));
        }

        if (options.DryRun)
        {
            foreach (var change in changes)
            {
                output.Write(UnifiedDiff.Create(Path.GetRelativePath(root, change.Path).Replace('\\', '/'), change.Before, change.After));
            }
        }
        else if (changes.Count > 0)
        {
            await CheckCommittedAsync(root, changes.Select(c => c.Path).ToList(), options.Force, log, cancellationToken).ConfigureAwait(false);
            foreach (var change in changes)
            {
                File.WriteAllText(change.Path, change.After, change.Encoding);
            }
        }

        await WriteSummaryAsync(output, fixer, fixedSolution, options.DryRun, root, rules, applied, changes, before, after, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task WriteSummaryAsync(
        TextWriter output, BulkFixer fixer, Solution fixedSolution, bool dryRun, string root, IReadOnlyList<string> rules,
        IReadOnlyList<AppliedFix> applied, IReadOnlyList<FileChange> changes, IReadOnlyList<Finding> before, IReadOnlyList<Finding> after, CancellationToken cancellationToken)
    {
        var heldBack = applied.Where(f => !f.Applied || f.HeldBackFiles.Count > 0).Select(f => f.EquivalenceKey).ToHashSet();
        var summary = dryRun ? "Dry run: nothing written. Would apply" : "Applied";
        output.WriteLine();
        output.WriteLine(applied.Count(f => f.Applied) == 0 ? "No bulk-safe fix applies." : $"{summary} (only fixes that keep the current tenant's results and fail secure):");
        foreach (var fix in applied.Where(f => f.Applied))
        {
            output.WriteLine($"  {fix.Rule}  {fix.Title} ({fix.EquivalenceKey}): {fix.Findings} finding(s)");
            foreach (var file in fix.HeldBackFiles)
            {
                output.WriteLine($"      held back in {Path.GetRelativePath(root, file).Replace('\\', '/')}: the change would not compile there");
            }
        }

        foreach (var fix in applied.Where(f => !f.Applied))
        {
            output.WriteLine($"  NOT applied: {fix.Rule}  {fix.Title} ({fix.EquivalenceKey}) on {fix.Findings} finding(s): the result would not compile:");
            foreach (var error in fix.Errors)
            {
                output.WriteLine("      " + error);
            }
        }

        output.WriteLine();
        output.WriteLine($"{(dryRun ? "Would change" : "Changed")} {changes.Count} file(s):");
        foreach (var change in changes)
        {
            output.WriteLine("  " + Path.GetRelativePath(root, change.Path).Replace('\\', '/'));
        }

        output.WriteLine();
        output.WriteLine("Findings by rule (before -> after):");
        foreach (var rule in rules)
        {
            output.WriteLine($"  {rule}  {before.Count(f => f.RuleId == rule),4} -> {after.Count(f => f.RuleId == rule),4}");
        }

        output.WriteLine($"  Total  {before.Count,4} -> {after.Count,4}");
        if (after.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"Remaining findings with no safe fix ({after.Count}), for a person to fix or justify:");
        foreach (var finding in after.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line))
        {
            var offered = (await fixer.OfferedActionsAsync(fixedSolution, finding, cancellationToken).ConfigureAwait(false))
                .Select(a => $"{a.Title} ({(heldBack.Contains(a.EquivalenceKey ?? "") ? "safe, held back: it would not compile here" : DescribeBehavior(FixSafety.Classify(a.EquivalenceKey)))})")
                .ToList();
            output.WriteLine($"  {finding.File}:{finding.Line}  {finding.RuleId}  {finding.Member}: {finding.Message}");
            output.WriteLine(offered.Count == 0 ? "      no fix offered" : "      offered: " + string.Join("; ", offered));
        }
    }

    private static string DescribeBehavior(FixBehavior? behavior) => behavior switch
    {
        FixBehavior.ChangesOtherBehavior => "changes other behaviour: apply by hand",
        FixBehavior.NeedsJustification => "needs a written justification",
        FixBehavior.KeepsTenantResults => "safe, but its Fix All left this one",
        _ => "unclassified",
    };

    private static async Task CheckCommittedAsync(string root, IReadOnlyList<string> files, bool force, ProgressLog log, CancellationToken cancellationToken)
    {
        var uncommitted = await GitWorkingTree.UncommittedAsync(root, files, cancellationToken).ConfigureAwait(false);
        if (uncommitted is null)
        {
            log.Warning("not a git work tree: cannot check the files for uncommitted changes.");
        }
        else if (uncommitted.Count > 0 && !force)
        {
            throw new AuditException($"{uncommitted.Count} file(s) the fixes would change have uncommitted changes; commit or stash them, or use --force:\n  " + string.Join("\n  ", uncommitted));
        }
    }

    private sealed record FileChange(string Path, string Before, string After, Encoding Encoding);

    /// <summary>The documents whose text the fixes changed (a document the fixes left alone is never written).</summary>
    private static async Task<IReadOnlyList<FileChange>> ChangedFilesAsync(Solution original, Solution fixedSolution, CancellationToken cancellationToken)
    {
        var changes = new List<FileChange>();
        foreach (var project in fixedSolution.GetChanges(original).GetProjectChanges())
        {
            foreach (var id in project.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                var before = await original.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var after = await fixedSolution.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var path = fixedSolution.GetDocument(id)!.FilePath;
                if (path is not null && !before.ContentEquals(after) && changes.All(c => c.Path != path))
                {
                    changes.Add(new FileChange(path, before.ToString(), after.ToString(), before.Encoding ?? new UTF8Encoding(false)));
                }
            }
        }

        return changes.OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
    }
}
