using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Queries;

/// <summary>
/// Does a query filter scope by the tenant key? A lambda (<c>e =&gt; e.CompanyId == ...</c>) answers by itself. A filter
/// built as an expression tree in a loop over the model (<c>Expression.Lambda(body, parameter)</c>) answers through
/// the code that builds it, and only that code: the filter argument, the initializers and assignments of the locals it
/// reads (transitively), and the bodies of this compilation's methods they call (<c>BuildTenantFilter(type)</c>), two
/// calls deep. The soft-delete branch of a loop that filters the tenant in another branch does not mention the key in
/// that code, so it is not a tenant filter; "the method mentions TenantId somewhere" is not evidence.
/// </summary>
internal sealed class FilterEvidence
{
    private const int MaxNodes = 64;
    private const int MaxCallDepth = 2;

    private readonly TenantModel _model;
    private readonly SemanticModel _semanticModel;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<SyntaxNode> _seen = new();
    private readonly Queue<(SyntaxNode Node, int Depth)> _pending = new();
    private readonly ICollection<SyntaxTree> _readTrees;

    private FilterEvidence(TenantModel model, SemanticModel semanticModel, ICollection<SyntaxTree> readTrees, CancellationToken cancellationToken)
    {
        _model = model;
        _semanticModel = semanticModel;
        _readTrees = readTrees;
        _cancellationToken = cancellationToken;
    }

    /// <param name="readTrees">Receives the trees of the helpers read, whose edits must invalidate what was concluded.</param>
    public static bool ScopesByTenantKey(ExpressionSyntax filter, TenantModel model, SemanticModel semanticModel, ICollection<SyntaxTree> readTrees, CancellationToken cancellationToken) =>
        filter is LambdaExpressionSyntax lambda
            ? MentionsTenantKey(lambda, model)
            : new FilterEvidence(model, semanticModel, readTrees, cancellationToken).Search(filter);

    /// <summary>An identifier or string literal named like a tenant key (<c>e.TenantId</c>, <c>"TenantId"</c>, <c>nameof(X.TenantId)</c>).</summary>
    public static bool MentionsTenantKey(SyntaxNode node, TenantModel model)
    {
        foreach (var token in node.DescendantTokens())
        {
            if ((token.IsKind(SyntaxKind.IdentifierToken) || token.IsKind(SyntaxKind.StringLiteralToken)) && model.IsTenantKeyName(token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    private bool Search(ExpressionSyntax filter)
    {
        Enqueue(filter, 0);
        while (_pending.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (node, depth) = _pending.Dequeue();
            if (MentionsTenantKey(node, _model))
            {
                return true;
            }

            FollowReads(node, depth);
        }

        return false;
    }

    private void Enqueue(SyntaxNode node, int depth)
    {
        if (_seen.Count < MaxNodes && _seen.Add(node))
        {
            _pending.Enqueue((node, depth));
            if (!_readTrees.Contains(node.SyntaxTree))
            {
                _readTrees.Add(node.SyntaxTree);
            }
        }
    }

    /// <summary>The writes of the locals <paramref name="node"/> reads, and the bodies of the source methods it calls.</summary>
    private void FollowReads(SyntaxNode node, int depth)
    {
        // Only code of the same tree is bound with this semantic model; a helper in another file is read as text.
        var bindable = node.SyntaxTree == _semanticModel.SyntaxTree;
        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            switch (descendant)
            {
                case IdentifierNameSyntax identifier when bindable
                    && _semanticModel.GetSymbolInfo(identifier, _cancellationToken).Symbol is ILocalSymbol local:
                    FollowLocal(local, depth);
                    break;
                case InvocationExpressionSyntax invocation when bindable && depth < MaxCallDepth
                    && _semanticModel.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol method
                    && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _model.Compilation.Assembly):
                    foreach (var reference in (method.ReducedFrom ?? method).OriginalDefinition.DeclaringSyntaxReferences)
                    {
                        Enqueue(reference.GetSyntax(_cancellationToken), depth + 1);
                    }

                    break;
            }
        }
    }

    private void FollowLocal(ILocalSymbol local, int depth)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(_cancellationToken);
            if (declaration is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
            {
                Enqueue(initializer, depth);
            }

            // Later writes: local = ...; in the member that declares it.
            var member = declaration.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (member is null)
            {
                continue;
            }

            foreach (var assignment in member.DescendantNodes())
            {
                if (assignment is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } write
                    && target.Identifier.ValueText == local.Name
                    && SymbolEqualityComparer.Default.Equals(_semanticModel.GetSymbolInfo(target, _cancellationToken).Symbol, local))
                {
                    Enqueue(write.Right, depth);
                }
            }
        }
    }
}
