using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TenantAnalyzers.Flow;

/// <summary>
/// Has a tenant id from request input been checked before it is used? A conservative scan of the member before the use:
/// <list type="bullet">
/// <item>the same input (parameter and member path) compared with <c>==</c>/<c>!=</c> to the context (the company
/// context, a tenant claim, the caller's user's tenant key): <c>if (tenantId != User.GetTenantId()) return Forbid();</c>;</item>
/// <item>the same input passed to an access check: a call in the condition of an <c>if</c> whose branch returns or throws
/// (<c>if (!await _access.CanAccessAsync(User, tenantId)) return Forbid();</c>), or a call statement named like a guard
/// (<c>Ensure…</c>, <c>Authorize…</c>, <c>Verify…</c>, <c>Check…</c>, <c>Demand…</c>, <c>Require…</c>, <c>Assert…</c>)
/// that throws when access is denied, or a condition of such an <c>if</c> that asks for the caller's membership of that
/// tenant (<c>m =&gt; m.UserId == User.GetUserId() &amp;&amp; m.CompanyId == companyId</c>).</item>
/// </list>
/// What the comparison's branch does is not checked: it shows the author decided who may use that tenant.
/// </summary>
internal static class InputCheck
{
    private static readonly string[] GuardPrefixes = ["Ensure", "Authorize", "Verify", "Check", "Demand", "Require", "Assert"];

    public static bool IsCheckedBefore(IOperation use, ValueOrigin input, ValueOriginResolver resolver)
    {
        var start = use.Syntax.SpanStart;
        foreach (var descendant in Root(use).Descendants())
        {
            if (descendant.Syntax.SpanStart >= start)
            {
                continue;
            }

            switch (descendant)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                    when IsInputAgainstContext(resolver.Of(comparison.LeftOperand), resolver.Of(comparison.RightOperand), input):
                    return true;
                case IConditionalOperation { WhenFalse: null, Type: null } ifStatement
                    when !ifStatement.Syntax.Span.Contains(use.Syntax.Span) && Exits(ifStatement.WhenTrue)
                        && (PassesInput(ifStatement.Condition, input, resolver) || AsksMembership(ifStatement.Condition, input, resolver)):
                    return true;
                case IExpressionStatementOperation { Operation: var expression } when GuardCall(expression) is { } guard && PassesInput(guard, input, resolver):
                    return true;
            }
        }

        return false;
    }

    private static bool IsInputAgainstContext(ValueOrigin left, ValueOrigin right, ValueOrigin input) =>
        (left.IsSameInputAs(input) && right.Kind == ValueOriginKind.Context)
        || (right.IsSameInputAs(input) && left.Kind == ValueOriginKind.Context);

    /// <summary>A call in <paramref name="operation"/> that takes the input as an argument.</summary>
    private static bool PassesInput(IOperation operation, ValueOrigin input, ValueOriginResolver resolver)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            if (node is IArgumentOperation { Parent: IInvocationOperation } argument && resolver.Of(argument.Value).IsSameInputAs(input))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>!await _db.Memberships.AnyAsync(m =&gt; m.UserId == userId &amp;&amp; m.CompanyId == companyId)</c>: a condition with
    /// a query predicate that compares the input and, in the same conjunction, the caller's own user id — the caller's
    /// membership of that tenant.
    /// </summary>
    private static bool AsksMembership(IOperation condition, ValueOrigin input, ValueOriginResolver resolver)
    {
        foreach (var node in condition.DescendantsAndSelf())
        {
            if (node is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals
                && (resolver.Of(equals.LeftOperand).IsSameInputAs(input) || resolver.Of(equals.RightOperand).IsSameInputAs(input))
                && PinsTheCallersOwnRows(equals, resolver))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>m =&gt; m.UserId == User.GetUserId() &amp;&amp; m.CompanyId == companyId</c>: the predicate <paramref name="comparison"/>
    /// is part of also pins, in the same conjunction, the caller's own user id. Such a query reads only the caller's own
    /// rows (a membership test), whatever tenant the input names.
    /// </summary>
    public static bool PinsTheCallersOwnRows(IOperation comparison, ValueOriginResolver resolver)
    {
        if (comparison is not IBinaryOperation)
        {
            return false;
        }

        var lambda = comparison.Parent;
        while (lambda is not null and not IAnonymousFunctionOperation)
        {
            lambda = lambda.Parent;
        }

        if (lambda is null || !IsConjunct(comparison, lambda))
        {
            return false;
        }

        foreach (var node in lambda.Descendants())
        {
            if (node is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals && node != comparison && IsConjunct(node, lambda)
                && (resolver.Of(equals.LeftOperand).Kind == ValueOriginKind.CallerUserId || resolver.Of(equals.RightOperand).Kind == ValueOriginKind.CallerUserId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The comparison must hold for a row to match: only <c>&amp;&amp;</c> between it and the lambda's body.</summary>
    private static bool IsConjunct(IOperation comparison, IOperation lambda)
    {
        for (var current = comparison.Parent; current is not null && current != lambda; current = current.Parent)
        {
            if (current is not (IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } or IConversionOperation or IParenthesizedOperation
                or IReturnOperation or IBlockOperation))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>await EnsureCompanyAccessAsync(companyId);</c>: a statement call named like a guard.</summary>
    private static IInvocationOperation? GuardCall(IOperation expression)
    {
        if (expression is IAwaitOperation awaited)
        {
            expression = awaited.Operation;
        }

        if (expression is not IInvocationOperation call)
        {
            return null;
        }

        foreach (var prefix in GuardPrefixes)
        {
            if (call.TargetMethod.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return call;
            }
        }

        return null;
    }

    private static bool Exits(IOperation branch) => branch switch
    {
        IReturnOperation => true,
        IThrowOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBlockOperation { Operations: { Length: > 0 } operations } => Exits(operations[operations.Length - 1]),
        _ => false,
    };

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
