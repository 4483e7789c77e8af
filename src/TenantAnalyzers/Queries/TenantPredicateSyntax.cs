using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Queries;

/// <summary>
/// The syntax shortcut of <see cref="TenantPredicate.ChainIsTenantScoped"/> for the secure way to drop a filter:
/// <c>db.Set.IgnoreQueryFilters().Where(e =&gt; e.CompanyId == companyId &amp;&amp; e.IsDeleted)</c>. Asking the
/// operation tree binds the member and builds every operation in it; a predicate of this shape answers without either.
/// </summary>
/// <remarks>
/// It only says yes where the operation test says yes: an operator of the chain (called on the call's result or on an
/// operator above it, or the receiver of the call or of an operator below it) whose first lambda reads <c>e.Key</c> of
/// its own parameter, with <c>Key</c> a configured tenant key, compared with <c>==</c> to an expression that does not
/// mention the parameter; conjunctions need one such side, disjunctions both. Anything else (a query kept in a local, <c>e.Company.Id</c>, a
/// scoping extension method, <c>Contains</c>, <c>EF.Property</c>) is left to the operation test. The one shape the
/// two could read differently, a public field named like the tenant key, is not a property EF Core maps.
/// </remarks>
internal static class TenantPredicateSyntax
{
    /// <summary>How many changes between <c>&amp;&amp;</c> and <c>||</c> the syntax test follows; code nests a few.</summary>
    private const int MaxNesting = 32;

    /// <summary>True when an operator of the query chain around <paramref name="call"/> scopes the query by the tenant key.</summary>
    public static bool ChainIsTenantScoped(InvocationExpressionSyntax call, TenantModel model)
    {
        for (var below = PreviousOperator(call); below is not null; below = PreviousOperator(below))
        {
            if (HasScopingLambda(below, model))
            {
                return true;
            }
        }

        for (ExpressionSyntax current = call; NextOperator(current) is { } above; current = above)
        {
            if (HasScopingLambda(above, model))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasScopingLambda(InvocationExpressionSyntax op, TenantModel model) =>
        FirstLambda(op.ArgumentList) is { } lambda
        && SingleParameter(lambda) is { } parameter
        && lambda.ExpressionBody is { } body
        && IsScoped(body, parameter, model);

    /// <summary><c>receiver.Operator(...)</c>: the receiver, when it is itself an operator call.</summary>
    private static InvocationExpressionSyntax? PreviousOperator(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax access
        && access.IsKind(SyntaxKind.SimpleMemberAccessExpression)
        && Unparenthesize(access.Expression) is InvocationExpressionSyntax receiver
            ? receiver
            : null;

    /// <summary><c>current.Operator(...)</c>: the invocation that takes <paramref name="current"/> as its receiver.</summary>
    private static InvocationExpressionSyntax? NextOperator(ExpressionSyntax current)
    {
        SyntaxNode node = current;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent is MemberAccessExpressionSyntax access
            && access.IsKind(SyntaxKind.SimpleMemberAccessExpression)
            && access.Expression == node
            && access.Parent is InvocationExpressionSyntax invocation
            && invocation.Expression == access
                ? invocation
                : null;
    }

    /// <summary>The first lambda argument, as the operation test takes it.</summary>
    private static LambdaExpressionSyntax? FirstLambda(ArgumentListSyntax arguments)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (argument.Expression is LambdaExpressionSyntax lambda)
            {
                return lambda;
            }
        }

        return null;
    }

    private static string? SingleParameter(LambdaExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// A conjunction is scoped when one of its operands is, a disjunction when all are. A chain of one operator
    /// (<c>a &amp;&amp; b &amp;&amp; c</c>, however long or parenthesized) is read as one list of operands without
    /// recursion; only a change of operator nests, and past <see cref="MaxNesting"/> of those the syntax decides nothing.
    /// </summary>
    private static bool IsScoped(ExpressionSyntax expression, string parameter, TenantModel model, int nesting = 0)
    {
        expression = Unparenthesize(expression);
        var isAnd = IsAnd(expression);
        if (isAnd || IsOr(expression))
        {
            if (nesting >= MaxNesting)
            {
                return false;
            }

            foreach (var operand in Operands((BinaryExpressionSyntax)expression, isAnd))
            {
                if (IsScoped(operand, parameter, model, nesting + 1) == isAnd)
                {
                    return isAnd;
                }
            }

            return !isAnd;
        }

        if (!expression.IsKind(SyntaxKind.EqualsExpression))
        {
            return false;
        }

        var equals = (BinaryExpressionSyntax)expression;
        return (IsTenantKeyOf(equals.Left, parameter, model) && !Mentions(equals.Right, parameter))
            || (IsTenantKeyOf(equals.Right, parameter, model) && !Mentions(equals.Left, parameter));
    }

    /// <summary>The operands of a chain of conjunctions (or of disjunctions), through parentheses, in no particular order.</summary>
    private static IEnumerable<ExpressionSyntax> Operands(BinaryExpressionSyntax chain, bool isAnd)
    {
        var pending = new Stack<ExpressionSyntax>();
        pending.Push(chain);
        while (pending.Count > 0)
        {
            var current = Unparenthesize(pending.Pop());
            if (current is BinaryExpressionSyntax binary && (isAnd ? IsAnd(binary) : IsOr(binary)))
            {
                pending.Push(binary.Right);
                pending.Push(binary.Left);
            }
            else
            {
                yield return current;
            }
        }
    }

    private static bool IsAnd(ExpressionSyntax expression) =>
        expression.IsKind(SyntaxKind.LogicalAndExpression) || expression.IsKind(SyntaxKind.BitwiseAndExpression);

    private static bool IsOr(ExpressionSyntax expression) =>
        expression.IsKind(SyntaxKind.LogicalOrExpression) || expression.IsKind(SyntaxKind.BitwiseOrExpression);

    /// <summary><c>e.CompanyId</c>, with <c>e</c> the lambda's parameter and <c>CompanyId</c> a configured tenant key.</summary>
    private static bool IsTenantKeyOf(ExpressionSyntax expression, string parameter, TenantModel model) =>
        Unparenthesize(expression) is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax instance } access
        && access.IsKind(SyntaxKind.SimpleMemberAccessExpression)
        && instance.Identifier.ValueText == parameter
        && model.IsTenantKeyName(access.Name.Identifier.ValueText);

    /// <summary>Any identifier spelled like the parameter: more than a read of it, never less.</summary>
    private static bool Mentions(ExpressionSyntax expression, string parameter)
    {
        foreach (var token in expression.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == parameter)
            {
                return true;
            }
        }

        return false;
    }

    private static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }
}
