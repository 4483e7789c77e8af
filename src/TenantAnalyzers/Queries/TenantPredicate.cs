using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Queries;

/// <summary>
/// Classifies query predicates: does <c>e =&gt; ...</c> constrain the entity's tenant key to a value
/// (<c>e.CompanyId == ctx.CompanyId</c>, <c>e.CompanyId == companyId</c>, <c>ids.Contains(e.CompanyId)</c>, or the
/// tenant root's key through a navigation, <c>e.Company.Id == companyId</c>)? Conjunctions need one scoped side,
/// disjunctions both.
/// </summary>
internal static class TenantPredicate
{
    /// <summary>How many changes between <c>&amp;&amp;</c> and <c>||</c> the test follows; code nests a few.</summary>
    private const int MaxNesting = 32;

    public static bool IsTenantScoped(IAnonymousFunctionOperation lambda, TenantModel model)
    {
        if (lambda.Symbol.Parameters.Length == 0)
        {
            return false;
        }

        var parameter = lambda.Symbol.Parameters[0];
        return ReturnedValue(lambda) is { } body && IsScoped(body, parameter, model);
    }

    /// <summary>
    /// True when a predicate of the chain that runs on every path scopes the query by the tenant key, or when both
    /// branches of one <c>if</c>/<c>else</c> (or <c>?:</c>) do. A re-scope that only runs on some paths
    /// (<see cref="QueryChain.IsConditional"/>) does not scope the others.
    /// </summary>
    public static bool ChainIsTenantScoped(QueryChain chain, TenantModel model)
    {
        List<PathCondition>? conditional = null;
        foreach (var op in chain.Operators)
        {
            if (!Scopes(op, model))
            {
                continue;
            }

            if (!chain.IsConditional(op))
            {
                return true;
            }

            if (chain.OnlyWhen(op) is { } condition)
            {
                // if (a) q = q.Where(scoped); else q = q.Where(scoped); scopes both paths.
                foreach (var other in conditional ??= new List<PathCondition>())
                {
                    if (other.Condition == condition.Condition && other.Value != condition.Value)
                    {
                        return true;
                    }
                }

                conditional.Add(condition);
            }
        }

        return false;
    }

    /// <summary>
    /// The conditions of the path on which a query stays unscoped: each conditional re-scope that depends on one condition
    /// (<c>if (!User.IsInRole("SuperAdmin")) q = q.Where(e =&gt; e.CompanyId == ...)</c>) leaves the query unscoped only
    /// when that condition has the other value. Platform scope reads them (a path only platform operators take).
    /// </summary>
    public static ImmutableArray<PathCondition> UnscopedPath(QueryChain chain, TenantModel model)
    {
        var path = ImmutableArray.CreateBuilder<PathCondition>();
        foreach (var op in chain.Operators)
        {
            if (chain.OnlyWhen(op) is { } condition && Scopes(op, model))
            {
                path.Add(new PathCondition(condition.Condition, !condition.Value));
            }
        }

        return path.ToImmutable();
    }

    private static bool Scopes(IInvocationOperation op, TenantModel model) =>
        IsTenantScopingOperator(op, model)
        || (QueryChain.GetLambdaArgument(op) is { } lambda
            && lambda.Symbol.ReturnType.SpecialType == SpecialType.System_Boolean
            && IsTenantScoped(lambda, model));

    /// <summary>
    /// A project's own scoping operator, <c>query.ForCompany(companyId)</c>: a method of this compilation that takes the
    /// query and a parameter named like the tenant key (<c>companyId</c>, <c>tenantId</c>).
    /// </summary>
    private static bool IsTenantScopingOperator(IInvocationOperation op, TenantModel model)
    {
        var method = op.TargetMethod.ReducedFrom ?? op.TargetMethod;
        if (method.DeclaringSyntaxReferences.IsEmpty || !method.IsExtensionMethod)
        {
            return false;
        }

        for (var i = 1; i < method.Parameters.Length; i++)
        {
            var name = method.Parameters[i].Name;
            if (name.Length > 0 && model.IsTenantKeyName(char.ToUpperInvariant(name[0]) + name.Substring(1)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="operation"/> reads the tenant key of the lambda's entity, e.g. <c>e.CompanyId</c> or <c>e.Company.Id</c>.</summary>
    public static bool IsTenantKeyOf(IOperation? operation, IParameterSymbol parameter, TenantModel model)
    {
        operation = UnwrapValue(operation);
        if (operation is IInvocationOperation { TargetMethod.Name: "Property", Arguments.Length: 2 } shadowProperty)
        {
            return IsShadowTenantKey(shadowProperty, parameter, model);
        }

        if (operation is not IPropertyReferenceOperation property)
        {
            return false;
        }

        var isKey = model.IsTenantKeyName(property.Property.Name)
            || (property.Property.Name == "Id" && model.Classify(property.Property.ContainingType).IsRoot);
        return isKey && RootsAt(property.Instance, parameter);
    }

    /// <summary><c>EF.Property&lt;int&gt;(e, "TenantId")</c>: a tenant key kept as a shadow property.</summary>
    private static bool IsShadowTenantKey(IInvocationOperation call, IParameterSymbol parameter, TenantModel model) =>
        SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, model.Ef.EF)
        && call.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string name }
        && model.IsTenantKeyName(name)
        && RootsAt(call.Arguments[0].Value, parameter);

    /// <summary>The expression a lambda returns: the body of <c>e =&gt; ...</c>.</summary>
    public static IOperation? ReturnedValue(IAnonymousFunctionOperation lambda)
    {
        foreach (var statement in lambda.Body.Operations)
        {
            if (statement is IReturnOperation { ReturnedValue: { } value })
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// A conjunction is scoped when one of its operands is, a disjunction when all are. A chain of one operator is read as
    /// one list of operands without recursion (a generated predicate of thousands of terms would exhaust the stack); only
    /// a change of operator nests, and past <see cref="MaxNesting"/> of those the predicate is taken as scoped: no
    /// finding on code nobody can read.
    /// </summary>
    private static bool IsScoped(IOperation operation, IParameterSymbol parameter, TenantModel model, int nesting = 0)
    {
        operation = UnwrapValue(operation)!;
        var isAnd = IsAnd(operation);
        if (isAnd || IsOr(operation))
        {
            if (nesting >= MaxNesting)
            {
                return true;
            }

            foreach (var operand in Operands((IBinaryOperation)operation, isAnd))
            {
                if (IsScoped(operand, parameter, model, nesting + 1) == isAnd)
                {
                    return isAnd;
                }
            }

            return !isAnd;
        }

        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                return (IsTenantKeyOf(equals.LeftOperand, parameter, model) && !ReadsParameter(equals.RightOperand, parameter))
                    || (IsTenantKeyOf(equals.RightOperand, parameter, model) && !ReadsParameter(equals.LeftOperand, parameter));
            case IInvocationOperation { TargetMethod.Name: "Contains" } contains:
                return ContainsTenantKey(contains, parameter, model);
            default:
                return false;
        }
    }

    /// <summary>The operands of a chain of conjunctions (or of disjunctions), through conversions and parentheses.</summary>
    private static IEnumerable<IOperation> Operands(IBinaryOperation chain, bool isAnd)
    {
        var pending = new Stack<IOperation>();
        pending.Push(chain);
        while (pending.Count > 0)
        {
            var current = UnwrapValue(pending.Pop())!;
            if (current is IBinaryOperation binary && (isAnd ? IsAnd(binary) : IsOr(binary)))
            {
                pending.Push(binary.RightOperand);
                pending.Push(binary.LeftOperand);
            }
            else
            {
                yield return current;
            }
        }
    }

    private static bool IsAnd(IOperation operation) =>
        operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And };

    private static bool IsOr(IOperation operation) =>
        operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or };

    private static bool ContainsTenantKey(IInvocationOperation contains, IParameterSymbol parameter, TenantModel model)
    {
        var arguments = contains.Arguments;
        var value = arguments.Length == 0 ? null : arguments[arguments.Length - 1].Value;
        var source = contains.Instance ?? (arguments.Length == 2 ? arguments[0].Value : null);
        return IsTenantKeyOf(value, parameter, model) && source is not null && !ReadsParameter(source, parameter);
    }

    private static bool RootsAt(IOperation? instance, IParameterSymbol parameter)
    {
        while (true)
        {
            instance = UnwrapValue(instance);
            switch (instance)
            {
                case IParameterReferenceOperation reference:
                    return SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter);
                case IPropertyReferenceOperation navigation:
                    instance = navigation.Instance;
                    break;
                default:
                    return false;
            }
        }
    }

    private static bool ReadsParameter(IOperation operation, IParameterSymbol parameter)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation? UnwrapValue(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }
}
