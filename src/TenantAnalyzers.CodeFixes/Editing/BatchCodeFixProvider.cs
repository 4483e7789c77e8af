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
/// and how one diagnostic is fixed inside a shared edit.
/// </summary>
public abstract class BatchCodeFixProvider : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
            await FixDocumentAsync(document, diagnostics, context.CodeActionEquivalenceKey ?? string.Empty, context.CancellationToken).ConfigureAwait(false));

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
            foreach (var action in GetActions(edit, diagnostic, context.CancellationToken))
            {
                var document = context.Document;
                var key = action.EquivalenceKey;
                context.RegisterCodeFix(
                    CodeAction.Create(action.Title, ct => FixDocumentAsync(document, ImmutableArray.Create(diagnostic), key, ct), key),
                    diagnostic);
            }
        }
    }

    /// <summary>The actions offered for <paramref name="diagnostic"/>: only those that can really be applied.</summary>
    private protected abstract ImmutableArray<FixAction> GetActions(DocumentEdit edit, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>Queues the edits that fix <paramref name="diagnostic"/> with the action <paramref name="equivalenceKey"/>; false when it cannot.</summary>
    private protected abstract bool TryFix(DocumentEdit edit, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken);

    private async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
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
            changed |= TryFix(edit, diagnostic, equivalenceKey, cancellationToken);
        }

        return changed ? await edit.ApplyAsync(cancellationToken).ConfigureAwait(false) : document;
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
