using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>
/// A code fix whose single fix and Fix All (document, project, solution) run the same code: one <see cref="DocumentEdit"/>
/// over all diagnostics of a document that share the chosen action. Subclasses say which actions a diagnostic offers
/// and how one diagnostic is fixed inside a shared edit; this class decides what a host sees:
/// <list type="bullet">
/// <item>actions in the order of <see cref="FixSafety"/>, so the first is bulk-safe wherever the finding has a bulk-safe
/// one (<c>dotnet format analyzers</c> applies the first action of the first finding to every finding of the rule);</item>
/// <item>a finding without a bulk-safe action offers its other actions nested under one title that has no equivalence
/// key, so "the first action" of such a finding is nothing a bulk host can apply;</item>
/// <item>Fix All refuses the fixes that need a person's justification. Fix All for a key that is no fix of ours — none,
/// or the one Roslyn composes for such a group from the keys nested in it, which is what <c>dotnet format</c> asks for
/// when the first finding it sees has nothing bulk-safe — applies each finding's own first bulk-safe fix.</item>
/// </list>
/// </summary>
public abstract class BatchCodeFixProvider : CodeFixProvider
{
    internal const string NeedsReviewTitle = "Fix by hand (no fix here is safe to apply in bulk)";

    public sealed override FixAllProvider GetFixAllProvider() => new BulkSafeFixAllProvider(this);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var edit = await DocumentEdit.StartAsync(context.Document, context.CancellationToken).ConfigureAwait(false);
        if (edit is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var actions = await OfferedActionsAsync(edit, diagnostic, context.CancellationToken).ConfigureAwait(false);
            var safe = new List<CodeAction>();
            var others = new List<CodeAction>();
            foreach (var action in actions)
            {
                var document = context.Document;
                var key = action.EquivalenceKey;
                var codeAction = CodeAction.Create(action.Title, ct => FixDocumentAsync(document, ImmutableArray.Create(diagnostic), key, ct), key);
                (FixSafety.IsSafeForBulk(key) ? safe : others).Add(codeAction);
            }

            foreach (var action in safe)
            {
                context.RegisterCodeFix(action, diagnostic);
            }

            if (safe.Count > 0)
            {
                foreach (var action in others)
                {
                    context.RegisterCodeFix(action, diagnostic);
                }
            }
            else if (others.Count > 0)
            {
                context.RegisterCodeFix(CodeAction.Create(NeedsReviewTitle, others.ToImmutableArray(), isInlinable: false), diagnostic);
            }
        }
    }

    /// <summary>The actions offered for <paramref name="diagnostic"/>: only those that can really be applied, in any order.</summary>
    private protected abstract Task<ImmutableArray<FixAction>> GetActionsAsync(DocumentEdit edit, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>Queues the edits that fix <paramref name="diagnostic"/> with the action <paramref name="equivalenceKey"/>; false when it cannot.</summary>
    private protected abstract Task<bool> TryFixAsync(DocumentEdit edit, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken);

    /// <summary>The actions of <paramref name="diagnostic"/> in the order of <see cref="FixSafety"/>.</summary>
    private async Task<ImmutableArray<FixAction>> OfferedActionsAsync(DocumentEdit edit, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = (await GetActionsAsync(edit, diagnostic, cancellationToken).ConfigureAwait(false)).ToBuilder();
        var ranked = new List<(int Rank, int Index, FixAction Action)>();
        for (var i = 0; i < actions.Count; i++)
        {
            ranked.Add((FixSafety.RankOf(actions[i].EquivalenceKey), i, actions[i]));
        }

        ranked.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Index.CompareTo(b.Index));
        var ordered = ImmutableArray.CreateBuilder<FixAction>(ranked.Count);
        foreach (var entry in ranked)
        {
            ordered.Add(entry.Action);
        }

        return ordered.MoveToImmutable();
    }

    /// <summary>
    /// Fixes every diagnostic of <paramref name="diagnostics"/> in one edit of <paramref name="document"/>: with the action
    /// <paramref name="equivalenceKey"/>, or, when it names no fix of the package, with each diagnostic's first bulk-safe action.
    /// </summary>
    private async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var edit = await DocumentEdit.StartAsync(document, cancellationToken).ConfigureAwait(false);
        if (edit is null)
        {
            return document;
        }

        var changed = false;
        foreach (var diagnostic in DocumentEdit.InSourceOrder(diagnostics))
        {
            // Fix All over a document with hundreds of findings: each one is a step a host may cancel between.
            cancellationToken.ThrowIfCancellationRequested();
            var key = FixSafety.Classify(equivalenceKey) is null
                ? await FirstBulkSafeKeyAsync(edit, diagnostic, cancellationToken).ConfigureAwait(false)
                : equivalenceKey;
            if (key is not null)
            {
                changed |= await TryFixAsync(edit, diagnostic, key, cancellationToken).ConfigureAwait(false);
            }
        }

        return changed ? await edit.ApplyAsync(cancellationToken).ConfigureAwait(false) : document;
    }

    private async Task<string?> FirstBulkSafeKeyAsync(DocumentEdit edit, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        foreach (var action in await OfferedActionsAsync(edit, diagnostic, cancellationToken).ConfigureAwait(false))
        {
            if (FixSafety.IsSafeForBulk(action.EquivalenceKey))
            {
                return action.EquivalenceKey;
            }
        }

        return null;
    }

    /// <summary>
    /// Fix All over documents with the provider's own batch edit; refuses the fixes that need a person's justification
    /// ("mark as cross-tenant"): no host applies them in bulk.
    /// </summary>
    private sealed class BulkSafeFixAllProvider : FixAllProvider
    {
        private readonly FixAllProvider _documents;

        public BulkSafeFixAllProvider(BatchCodeFixProvider owner)
        {
            _documents = Create(async (context, document, diagnostics) =>
                await owner.FixDocumentAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false));
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => _documents.GetSupportedFixAllScopes();

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            FixSafety.Classify(fixAllContext.CodeActionEquivalenceKey) == FixBehavior.NeedsJustification
                ? Task.FromResult<CodeAction?>(null)
                : _documents.GetFixAsync(fixAllContext);
    }
}

/// <summary>One offered fix: its title and the equivalence key that groups it for Fix All.</summary>
internal readonly struct FixAction
{
    public FixAction(string title, string equivalenceKey)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
    }

    public string Title { get; }

    public string EquivalenceKey { get; }
}
