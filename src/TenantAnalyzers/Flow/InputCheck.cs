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
/// that throws when access is denied.</item>
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
                    when !ifStatement.Syntax.Span.Contains(use.Syntax.Span) && Exits(ifStatement.WhenTrue) && PassesInput(ifStatement.Condition, input, resolver):
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
