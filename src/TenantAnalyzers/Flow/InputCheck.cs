using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Scanning;

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
        var root = Root(use);
        var checks = MemberChecks.Cache.GetValue(root, r => MemberChecks.Find(r, resolver)).Of(input);
        if (checks is null)
        {
            return false;
        }

        var start = use.Syntax.SpanStart;
        foreach (var check in checks)
        {
            if (check.Node.SpanStart < start
                && SymbolEqualityComparer.Default.Equals(check.Input.Parameter, input.Parameter)
                && !(check.MustNotContainUse && check.Node.Span.Contains(use.Syntax.Span)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The inputs a call in <paramref name="operation"/> takes as arguments.</summary>
    private static IEnumerable<ValueOrigin> InputsPassed(IOperation operation, ValueOriginResolver resolver)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            if (node is IArgumentOperation { Parent: IInvocationOperation } argument && resolver.Of(argument.Value) is { IsInput: true } input)
            {
                yield return input;
            }
        }
    }

    /// <summary>
    /// <c>!await _db.Memberships.AnyAsync(m =&gt; m.UserId == userId &amp;&amp; m.CompanyId == companyId)</c>: a condition with
    /// a query predicate that compares an input and, in the same conjunction, the caller's own user id — the caller's
    /// membership of that tenant: the inputs whose membership it asks.
    /// </summary>
    private static IEnumerable<ValueOrigin> MembershipsAsked(IOperation condition, ValueOriginResolver resolver)
    {
        foreach (var node in condition.DescendantsAndSelf())
        {
            if (node is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals)
            {
                var left = resolver.Of(equals.LeftOperand);
                var right = resolver.Of(equals.RightOperand);
                if ((left.IsInput || right.IsInput) && PinsTheCallersOwnRows(equals, resolver))
                {
                    yield return left.IsInput ? left : right;
                }
            }
        }
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

    /// <summary>One place in a member body that checks an input: the node, and whether a use inside it is not checked by it.</summary>
    private readonly struct Check
    {
        public Check(ValueOrigin input, SyntaxNode node, bool mustNotContainUse)
        {
            Input = input;
            Node = node;
            MustNotContainUse = mustNotContainUse;
        }

        public ValueOrigin Input { get; }

        public SyntaxNode Node { get; }

        public bool MustNotContainUse { get; }
    }

    /// <summary>
    /// Every check of an input in one member body, by the input's path, from one walk of the body: all the candidates
    /// of the member ask it (a walk per candidate made a member cost its size times their number). Kept with the
    /// body's root operation, like <see cref="LocalUses"/>.
    /// </summary>
    private sealed class MemberChecks
    {
        public static readonly ConditionalWeakTable<IOperation, MemberChecks> Cache = new();

        private readonly Dictionary<string, List<Check>> _byPath = new(StringComparer.Ordinal);

        public List<Check>? Of(ValueOrigin input) => _byPath.TryGetValue(input.Path ?? string.Empty, out var checks) ? checks : null;

        public static MemberChecks Find(IOperation root, ValueOriginResolver resolver)
        {
            var checks = new MemberChecks();
            var visited = 0;
            foreach (var descendant in root.Descendants())
            {
                visited++;
                switch (descendant)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                        var left = resolver.Of(comparison.LeftOperand);
                        var right = resolver.Of(comparison.RightOperand);
                        if (left.IsInput && right.Kind == ValueOriginKind.Context)
                        {
                            checks.Add(left, comparison.Syntax, mustNotContainUse: false);
                        }
                        else if (right.IsInput && left.Kind == ValueOriginKind.Context)
                        {
                            checks.Add(right, comparison.Syntax, mustNotContainUse: false);
                        }

                        break;
                    case IConditionalOperation { WhenFalse: null, Type: null } ifStatement when Exits(ifStatement.WhenTrue):
                        foreach (var input in InputsPassed(ifStatement.Condition, resolver))
                        {
                            checks.Add(input, ifStatement.Syntax, mustNotContainUse: true);
                        }

                        foreach (var input in MembershipsAsked(ifStatement.Condition, resolver))
                        {
                            checks.Add(input, ifStatement.Syntax, mustNotContainUse: true);
                        }

                        break;
                    case IExpressionStatementOperation { Operation: var expression } when GuardCall(expression) is { } guard:
                        foreach (var input in InputsPassed(guard, resolver))
                        {
                            checks.Add(input, guard.Syntax, mustNotContainUse: false);
                        }

                        break;
                }
            }

            WorkMeter.Visit(visited);
            return checks;
        }

        private void Add(ValueOrigin input, SyntaxNode node, bool mustNotContainUse)
        {
            var path = input.Path ?? string.Empty;
            if (!_byPath.TryGetValue(path, out var list))
            {
                list = new List<Check>();
                _byPath.Add(path, list);
            }

            list.Add(new Check(input, node, mustNotContainUse));
        }
    }

    private static IOperation Root(IOperation operation) => LocalUses.Root(operation);
}
