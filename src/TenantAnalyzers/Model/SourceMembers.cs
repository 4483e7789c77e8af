using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantAnalyzers.Model;

/// <summary>
/// What a project's own helper member says, read in source: the value it returns, and the implementations of an
/// interface member. The caller's identity (<c>ICurrentUser.TenantId</c>) and role guards (<c>IsSuperAdmin</c>) both
/// follow helpers this way.
/// </summary>
internal static class SourceMembers
{
    /// <summary>The expression a property getter or method returns: its expression body, or the one <c>return</c> of its block.</summary>
    public static ExpressionSyntax? ReturnedValue(ISymbol member, CancellationToken cancellationToken)
    {
        if (member.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        switch (member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken))
        {
            case PropertyDeclarationSyntax { ExpressionBody: { } arrow }:
                return Bare(arrow.Expression);
            case PropertyDeclarationSyntax { AccessorList: { } accessors }:
                foreach (var accessor in accessors.Accessors)
                {
                    if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
                    {
                        return Bare(accessor.ExpressionBody?.Expression ?? SingleReturn(accessor.Body));
                    }
                }

                return null;
            case MethodDeclarationSyntax method:
                return Bare(method.ExpressionBody?.Expression ?? SingleReturn(method.Body));
            default:
                return null;
        }
    }

    /// <summary>The members of source types that implement <paramref name="member"/> of the interface <paramref name="contract"/>.</summary>
    public static IEnumerable<ISymbol> ImplementationsOf(Compilation compilation, ISymbol member, INamedTypeSymbol contract, CancellationToken cancellationToken)
    {
        foreach (var candidate in compilation.GetSymbolsWithName(member.Name, SymbolFilter.Member, cancellationToken))
        {
            if (candidate.ContainingType is { } type
                && type.AllInterfaces.Contains(contract, SymbolEqualityComparer.Default)
                && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), candidate))
            {
                yield return candidate;
            }
        }
    }

    private static ExpressionSyntax? SingleReturn(BlockSyntax? body) =>
        body is { Statements.Count: 1 } && body.Statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null;

    /// <summary>Without <c>!</c> and parentheses, which have no operation of their own.</summary>
    private static ExpressionSyntax? Bare(ExpressionSyntax? expression)
    {
        while (expression is ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
        {
            expression = expression is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((PostfixUnaryExpressionSyntax)expression).Operand;
        }

        return expression;
    }
}
