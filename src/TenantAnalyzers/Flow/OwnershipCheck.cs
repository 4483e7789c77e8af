using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Flow;

/// <summary>
/// Does the code after a key lookup check that the loaded entity belongs to the caller before it uses it? A simple,
/// conservative, intra-procedural scan: the loaded value must land in a local (<c>var b = ...;</c>, also through
/// <c>await</c> and <c>?? throw</c>); the references to that local after the load are visited in source order,
/// null checks are skipped, and the first other reference must be an ownership check:
/// <list type="bullet">
/// <item>its tenant key compared (<c>==</c>/<c>!=</c>) with a value that does not come from the entity:
/// <c>b.CompanyId != ctx.CompanyId</c>, <c>b?.CompanyId == ctx.CompanyId</c>, or through a copy
/// (<c>var owner = b.CompanyId;</c>, <c>b is { CompanyId: var c }</c>) that is compared so;</item>
/// <item>the entity, or its tenant key, passed to a configured <c>ownership_guards</c> method, or such a method called on it.</item>
/// </list>
/// Whether the mismatch branch really exits is not verified: a comparison shows the author thought about ownership.
/// </summary>
internal static class OwnershipCheck
{
    /// <summary>True when the value of <paramref name="load"/> is checked before use, or not kept at all (a discarded call).</summary>
    public static bool IsCheckedBeforeUse(IOperation load, TenantModel model)
    {
        var current = load;
        while (true)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or IAwaitOperation:
                    current = parent;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure when configure.Instance == current:
                    current = parent;
                    continue;
                case ICoalesceOperation coalesce when coalesce.Value == current && IsThrow(coalesce.WhenNull):
                    current = parent;
                    continue;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return IsCheckedBeforeUse(declarator.Symbol, load, model);
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == current:
                    return IsCheckedBeforeUse(target.Local, load, model);
                case IExpressionStatementOperation:
                    return true;
                default:
                    return false;
            }
        }
    }

    private static bool IsCheckedBeforeUse(ILocalSymbol local, IOperation load, TenantModel model)
    {
        foreach (var reference in LocalUses.Of(load).ReferencesFrom(local, load.Syntax.Span.End))
        {
            if (IsNullCheck(reference))
            {
                continue;
            }

            return IsOwnershipCheck(reference, local, model);
        }

        // The local is never read after the load: nothing is used, nothing leaks.
        return true;
    }

    private static bool IsOwnershipCheck(ILocalReferenceOperation reference, ILocalSymbol local, TenantModel model)
    {
        var use = Climb(reference);
        switch (use.Parent)
        {
            case IPropertyReferenceOperation property when property.Instance == use && model.IsTenantKeyName(property.Property.Name):
                return IsComparedOrGuarded(property, local, model);

            case IConditionalAccessOperation conditional when conditional.Operation == use
                && conditional.WhenNotNull is IPropertyReferenceOperation { Instance: IConditionalAccessInstanceOperation } property
                && model.IsTenantKeyName(property.Property.Name):
                return IsComparedOrGuarded(conditional, local, model);

            case IIsPatternOperation { Pattern: IRecursivePatternOperation recursive } pattern when pattern.Value == use:
                return IsTenantKeyPattern(recursive, local, model);

            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                return IsGuardMethod(invocation.TargetMethod, model);

            case IInvocationOperation invocation when invocation.Instance == use:
                return IsGuardMethod(invocation.TargetMethod, model);

            default:
                return false;
        }
    }

    /// <summary>The tenant key read <paramref name="keyRead"/> is compared with a foreign value, copied into a local that is, or passed to a guard.</summary>
    private static bool IsComparedOrGuarded(IOperation keyRead, ILocalSymbol entity, TenantModel model)
    {
        var read = Climb(keyRead);
        switch (read.Parent)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                var other = comparison.LeftOperand == read ? comparison.RightOperand : comparison.LeftOperand;
                return !ReadsLocal(other, entity);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation copy }:
                return IsComparedAnywhere(copy.Symbol, entity, read);
            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                return IsGuardMethod(invocation.TargetMethod, model);
            default:
                return false;
        }
    }

    /// <summary><c>b is { CompanyId: 42 }</c> or <c>b is { CompanyId: var c } &amp;&amp; c == ctx.CompanyId</c>.</summary>
    private static bool IsTenantKeyPattern(IRecursivePatternOperation pattern, ILocalSymbol entity, TenantModel model)
    {
        foreach (var subpattern in pattern.PropertySubpatterns)
        {
            if (subpattern.Member is not IPropertyReferenceOperation property || !model.IsTenantKeyName(property.Property.Name))
            {
                continue;
            }

            switch (subpattern.Pattern)
            {
                case IConstantPatternOperation constant when !ReadsLocal(constant.Value, entity):
                    return true;
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol copy }:
                    return IsComparedAnywhere(copy, entity, pattern);
            }
        }

        return false;
    }

    /// <summary>A copy of the tenant key that is compared (<c>==</c>/<c>!=</c>) with a value that does not come from the entity.</summary>
    private static bool IsComparedAnywhere(ILocalSymbol copy, ILocalSymbol entity, IOperation anchor)
    {
        foreach (var use in LocalUses.Of(anchor).Of(copy))
        {
            if (use is ILocalReferenceOperation reference
                && Climb(reference) is var read
                && read.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison)
            {
                var other = comparison.LeftOperand == read ? comparison.RightOperand : comparison.LeftOperand;
                if (!ReadsLocal(other, entity) && !ReadsLocal(other, copy))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>b == null</c>, <c>b != null</c>, <c>b is null</c>, <c>b is not null</c>: not a use of the entity.</summary>
    private static bool IsNullCheck(ILocalReferenceOperation reference)
    {
        var use = Climb(reference);
        return use.Parent switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison =>
                IsNull(comparison.LeftOperand == use ? comparison.RightOperand : comparison.LeftOperand),
            IIsPatternOperation { Pattern: var pattern } => IsNullPattern(pattern),
            _ => false,
        };
    }

    private static bool IsNullPattern(IPatternOperation pattern)
    {
        while (pattern is INegatedPatternOperation negated)
        {
            pattern = negated.Pattern;
        }

        return pattern is IConstantPatternOperation constant && IsNull(constant.Value);
    }

    private static bool IsNull(IOperation operation) =>
        Unwrap(operation) is { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation;

    private static bool IsGuardMethod(IMethodSymbol method, TenantModel model)
    {
        var original = method.ReducedFrom ?? method;
        foreach (var configured in model.Options.OwnershipGuards)
        {
            var dot = configured.LastIndexOf('.');
            var methodName = dot < 0 ? configured : configured.Substring(dot + 1);
            if (original.Name == methodName
                && (dot < 0 || NameMatcher.Matches(original.ContainingType, configured.Substring(0, dot))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadsLocal(IOperation operation, ILocalSymbol local)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsThrow(IOperation operation) => Unwrap(operation) is IThrowOperation;

    /// <summary>The outermost conversion or parentheses around <paramref name="operation"/>: the node its consumer sees.</summary>
    private static IOperation Climb(IOperation operation)
    {
        while (operation.Parent is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }
}
