using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Frameworks;

namespace TenantAnalyzers.Queries;

/// <summary>
/// A block in which a framework turns the tenant filter off for every query: ABP's
/// <c>using (_dataFilter.Disable&lt;IMultiTenant&gt;())</c> and <c>using (CurrentTenant.Change(null))</c> (the host sees
/// every tenant), as a <c>using</c> statement (its body) or a <c>using var</c> declaration (the rest of its block). The
/// scope is read from syntax first, bounded by the member, and confirmed on the opening call's symbol.
/// </summary>
internal static class TenantFilterScope
{
    /// <summary>The names of the calls that open such a scope: the cheap test, searched for in files.</summary>
    public static readonly string[] OpeningNames = ["Disable", "Change"];

    /// <summary>Set on TI0001 diagnostics reported inside such a scope: the query itself has no bypass call to remove.</summary>
    public const string DiagnosticProperty = "filterScope";

    /// <summary>True when <paramref name="call"/> opens a <c>using</c> scope: the expression of a using statement or the initializer of a using declaration.</summary>
    public static bool OpensUsingScope(InvocationExpressionSyntax call)
    {
        SyntaxNode node = call;
        while (node.Parent is ParenthesizedExpressionSyntax or AwaitExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            UsingStatementSyntax statement => statement.Expression == node,
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } =>
                declaration.Parent is UsingStatementSyntax || declaration.Parent is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword },
            _ => false,
        };
    }

    /// <summary>The statements the scope opened by <paramref name="call"/> covers.</summary>
    public static IEnumerable<StatementSyntax> Body(InvocationExpressionSyntax call)
    {
        var statement = call.FirstAncestorOrSelf<StatementSyntax>();
        switch (statement)
        {
            case UsingStatementSyntax { Statement: { } body }:
                yield return body;
                break;
            case LocalDeclarationStatementSyntax { Parent: BlockSyntax block } declaration:
                var after = false;
                foreach (var sibling in block.Statements)
                {
                    if (after)
                    {
                        yield return sibling;
                    }

                    after |= sibling == declaration;
                }

                break;
        }
    }

    /// <summary>The opening calls of the <c>using</c> scopes around <paramref name="node"/> in its member, innermost first, by name.</summary>
    public static IEnumerable<InvocationExpressionSyntax> EnclosingOpenings(SyntaxNode node)
    {
        SyntaxNode child = node;
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case UsingStatementSyntax { Expression: InvocationExpressionSyntax opening } statement when statement.Statement == child && IsOpeningName(opening):
                    yield return opening;
                    break;
                case UsingStatementSyntax { Declaration.Variables: { Count: 1 } variables } statement when statement.Statement == child
                    && variables[0].Initializer?.Value is InvocationExpressionSyntax opening && IsOpeningName(opening):
                    yield return opening;
                    break;
                case BlockSyntax block:
                    for (var i = block.Statements.IndexOf((StatementSyntax)child) - 1; i >= 0; i--)
                    {
                        if (block.Statements[i] is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword, Declaration.Variables: { Count: 1 } declared }
                            && declared[0].Initializer?.Value is InvocationExpressionSyntax opening
                            && IsOpeningName(opening))
                        {
                            yield return opening;
                        }
                    }

                    break;
                case MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax:
                    yield break;
            }

            if (ancestor is StatementSyntax or BlockSyntax)
            {
                child = ancestor;
            }
        }
    }

    /// <summary>True when the call turns ABP's tenant filter off (<c>Disable&lt;IMultiTenant&gt;()</c>, <c>Change(null)</c>).</summary>
    public static bool TurnsTenantFilterOff(InvocationExpressionSyntax opening, AbpApi abp, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        semanticModel.GetOperation(opening, cancellationToken) is IInvocationOperation call
        && (abp.DisablesTenantFilter(call) || abp.SwitchesToHost(call));

    /// <summary>The innermost scope around <paramref name="node"/> that turns the tenant filter off; null when there is none.</summary>
    public static InvocationExpressionSyntax? Enclosing(SyntaxNode node, AbpApi abp, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var opening in EnclosingOpenings(node))
        {
            if (opening.SyntaxTree == semanticModel.SyntaxTree && TurnsTenantFilterOff(opening, abp, semanticModel, cancellationToken))
            {
                return opening;
            }
        }

        return null;
    }

    private static bool IsOpeningName(InvocationExpressionSyntax call) =>
        Scanning.SyntaxNames.GetInvokedName(call) is "Disable" or "Change";
}
