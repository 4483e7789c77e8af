using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Flow;

namespace TenantAnalyzers.Queries;

/// <summary>
/// One LINQ query as a chain of operator calls, from the source (<c>db.Appointments</c>) outwards to the terminal
/// operator, following extension-method receivers in both directions. Query syntax lowers to the same calls. When
/// the query is stored in a local, calls that continue it from that local (<c>q = q.Where(...)</c>) are part of it.
/// </summary>
internal sealed class QueryChain
{
    private QueryChain(ImmutableArray<IInvocationOperation> operators)
    {
        Operators = operators;
    }

    /// <summary>The operator calls of the query, innermost first.</summary>
    public ImmutableArray<IInvocationOperation> Operators { get; }

    public static QueryChain Around(IInvocationOperation call)
    {
        var operators = new List<IInvocationOperation>();
        CollectDown(call, operators);
        operators.Reverse();
        var top = CollectUp(call, operators);
        if (StoredLocal(top) is { } local)
        {
            CollectContinuations(top, local, operators);
        }

        return new QueryChain(operators.ToImmutableArray());
    }

    /// <summary>The operand a query operator works on: the receiver of an extension or instance call.</summary>
    public static IOperation? GetSource(IInvocationOperation invocation)
    {
        var source = invocation.Instance
            ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        return Unwrap(source);
    }

    public static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => operation,
            };
        }

        return operation;
    }

    /// <summary>The lambda passed as an argument, through the conversions to a delegate or an expression tree.</summary>
    public static IAnonymousFunctionOperation? GetLambdaArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value;
            while (value is IConversionOperation or IDelegateCreationOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
            }

            if (value is IAnonymousFunctionOperation lambda)
            {
                return lambda;
            }
        }

        return null;
    }

    private static void CollectDown(IInvocationOperation call, List<IInvocationOperation> operators)
    {
        operators.Add(call);
        for (var source = GetSource(call); source is IInvocationOperation inner; source = GetSource(inner))
        {
            operators.Add(inner);
        }
    }

    private static IOperation CollectUp(IInvocationOperation call, List<IInvocationOperation> operators)
    {
        IOperation current = call;
        while (true)
        {
            var parent = current.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            IInvocationOperation? next = parent switch
            {
                IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation outer } when outer.TargetMethod.IsExtensionMethod => outer,
                IInvocationOperation outer when outer.Instance == current => outer,
                _ => null,
            };

            if (next is null)
            {
                return current;
            }

            operators.Add(next);
            current = next;
        }
    }

    private static ILocalSymbol? StoredLocal(IOperation top) => top.Parent switch
    {
        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
        ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
        _ => null,
    };

    /// <summary>
    /// The calls made on the stored query (<c>q.Where(...)</c>, <c>Queryable.Where(q, ...)</c>), from the references to
    /// the local (<see cref="LocalUses"/>, one walk of the member for all its candidates), in the member's order.
    /// </summary>
    private static void CollectContinuations(IOperation top, ILocalSymbol local, List<IInvocationOperation> operators)
    {
        foreach (var use in LocalUses.Of(top).Of(local))
        {
            if (use is ILocalReferenceOperation reference && InvocationOn(reference) is { } invocation)
            {
                operators.Add(invocation);
                CollectUp(invocation, operators);
            }
        }
    }

    /// <summary>The call whose source (<see cref="GetSource"/>) is <paramref name="reference"/>: its instance, or the first argument of an extension.</summary>
    private static IInvocationOperation? InvocationOn(ILocalReferenceOperation reference)
    {
        IOperation source = reference;
        while (source.Parent is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            source = source.Parent;
        }

        var invocation = source.Parent switch
        {
            IInvocationOperation call when call.Instance == source => call,
            IArgumentOperation { Parent: IInvocationOperation call } argument when call.Arguments.Length > 0 && call.Arguments[0] == argument => call,
            _ => null,
        };

        return invocation is not null && GetSource(invocation) == reference ? invocation : null;
    }
}
