using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Flow;

/// <summary>
/// Does the code after a load check that the loaded entity belongs to the caller before it uses it? The one ownership
/// check every rule asks (TI0001 after a bypassed load, TI0003 after a load by key). A simple, conservative,
/// intra-procedural scan: the loaded value must land in a local (<c>var b = ...;</c>, also through <c>await</c> and
/// <c>?? throw</c>) or in a field or property of this object (<c>Item = await ...;</c>, as page models do); the references
/// to it after the load are visited in source order, null checks are skipped, and the first other reference must be an
/// ownership check:
/// <list type="bullet">
/// <item>its tenant key compared (<c>==</c>/<c>!=</c>) with a value that does not come from the entity:
/// <c>b.CompanyId != ctx.CompanyId</c>, <c>b?.CompanyId == User.GetTenantId()</c>, or through a copy
/// (<c>var owner = b.CompanyId;</c>, <c>b is { CompanyId: var c }</c>) that is compared so;</item>
/// <item>its tenant key looked up in a set of allowed tenants (<c>allowedCompanyIds.Contains(b.CompanyId)</c>);</item>
/// <item>another of its properties compared with the caller's own user id (<c>order.OwnerId != User.GetUserId()</c>: the
/// row is the caller's own);</item>
/// <item>the entity passed to resource-based authorization (<c>IAuthorizationService.AuthorizeAsync(User, entity, ...)</c>);</item>
/// <item>the entity, or its tenant key, passed to a configured <c>ownership_guards</c> method, or such a method called on it.</item>
/// </list>
/// The value it is compared with must not be the caller's say-so: request input counts only once it was checked itself
/// (<see cref="InputCheck"/>), and the caller's user id or another claim is not a tenant. Whether the mismatch branch
/// really exits is not verified: a comparison shows the author thought about ownership.
/// </summary>
internal static class OwnershipCheck
{
    /// <summary>True when the value of <paramref name="load"/> is checked before use, or not kept at all (a discarded call).</summary>
    public static bool IsCheckedBeforeUse(IOperation load, TenantModel model, ValueOriginResolver resolver)
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
                    return IsCheckedBeforeUse(declarator.Symbol, load, model, resolver);
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == current:
                    return IsCheckedBeforeUse(target.Local, load, model, resolver);
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } target } assignment
                    when assignment.Value == current && IsOwnInstance(target.Instance):
                    return IsCheckedBeforeUse(target.Member, load, model, resolver);
                case IExpressionStatementOperation:
                    return true;
                default:
                    return false;
            }
        }
    }

    private static bool IsCheckedBeforeUse(ISymbol storage, IOperation load, TenantModel model, ValueOriginResolver resolver)
    {
        foreach (var reference in ReferencesInSourceOrder(storage, load, load.Syntax.Span.End))
        {
            if (IsNullCheck(reference))
            {
                continue;
            }

            return IsOwnershipCheck(reference, storage, model, resolver);
        }

        // A local never read after the load: nothing is used, nothing leaks. A field or property outlives the member (a
        // page model renders it): never checked here, it is used unchecked.
        return storage is ILocalSymbol;
    }

    private static bool IsOwnershipCheck(IOperation reference, ISymbol storage, TenantModel model, ValueOriginResolver resolver)
    {
        var use = Climb(reference);
        switch (use.Parent)
        {
            case IPropertyReferenceOperation property when property.Instance == use && model.IsTenantKeyName(property.Property.Name):
                return IsComparedOrGuarded(property, storage, model, resolver);

            case IPropertyReferenceOperation property when property.Instance == use:
                return IsComparedWithTheCaller(property, resolver);

            case IConditionalAccessOperation conditional when conditional.Operation == use
                && conditional.WhenNotNull is IPropertyReferenceOperation { Instance: IConditionalAccessInstanceOperation } property
                && model.IsTenantKeyName(property.Property.Name):
                return IsComparedOrGuarded(conditional, storage, model, resolver);

            case IIsPatternOperation { Pattern: IRecursivePatternOperation recursive } pattern when pattern.Value == use:
                return IsTenantKeyPattern(recursive, storage, model, resolver);

            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                return IsGuardMethod(invocation.TargetMethod, model) || IsResourceAuthorization(invocation.TargetMethod);

            case IInvocationOperation invocation when invocation.Instance == use:
                return IsGuardMethod(invocation.TargetMethod, model);

            default:
                return false;
        }
    }

    /// <summary>
    /// <c>if (order.OwnerId != User.GetUserId()) return Forbid();</c>: the row is checked to be the caller's own, which
    /// is stricter than the caller's tenant's.
    /// </summary>
    private static bool IsComparedWithTheCaller(IPropertyReferenceOperation property, ValueOriginResolver resolver)
    {
        var read = Climb(property);
        return read.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
            && resolver.Of(comparison.LeftOperand == read ? comparison.RightOperand : comparison.LeftOperand).Kind == ValueOriginKind.CallerUserId;
    }

    /// <summary>
    /// <c>await _authorization.AuthorizeAsync(User, order, Operations.Read)</c>: resource-based authorization, ASP.NET
    /// Core's own answer to "may this caller touch this row".
    /// </summary>
    private static bool IsResourceAuthorization(IMethodSymbol method) => (method.ReducedFrom ?? method).Name == "AuthorizeAsync";

    /// <summary>
    /// The tenant key read <paramref name="keyRead"/> is compared with a value that can vouch for the tenant, looked up in
    /// a set of allowed tenants, copied into a local that is compared so, or passed to a guard.
    /// </summary>
    private static bool IsComparedOrGuarded(IOperation keyRead, ISymbol storage, TenantModel model, ValueOriginResolver resolver)
    {
        var read = Climb(keyRead);
        switch (read.Parent)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                var other = comparison.LeftOperand == read ? comparison.RightOperand : comparison.LeftOperand;
                return !Reads(other, storage) && CanVouch(other, comparison, resolver);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation copy }:
                return IsComparedAnywhere(copy.Symbol, storage, read, resolver);
            case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Contains" } contains } argument:
                return IsAllowedSet(contains, argument, storage, resolver);
            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                return IsGuardMethod(invocation.TargetMethod, model);
            default:
                return false;
        }
    }

    /// <summary><c>allowed.Contains(b.CompanyId)</c> or <c>Enumerable.Contains(allowed, b.CompanyId)</c>, the set not read off the entity.</summary>
    private static bool IsAllowedSet(IInvocationOperation contains, IArgumentOperation key, ISymbol storage, ValueOriginResolver resolver)
    {
        var set = contains.Instance;
        if (set is null)
        {
            foreach (var argument in contains.Arguments)
            {
                if (argument != key)
                {
                    set = argument.Value;
                    break;
                }
            }
        }

        return set is not null && !Reads(set, storage) && CanVouch(set, contains, resolver);
    }

    /// <summary>
    /// A value an ownership check may compare the tenant key with: the context, the tenant's data, or a value of
    /// unknown origin (a service's <c>companyId</c> parameter, checked by its callers). Not request input that was not
    /// checked itself, not the caller's user id or another claim.
    /// </summary>
    private static bool CanVouch(IOperation value, IOperation check, ValueOriginResolver resolver)
    {
        var origin = resolver.Of(value);
        return origin.Kind switch
        {
            ValueOriginKind.RequestInput => InputCheck.IsCheckedBefore(check, origin, resolver),
            ValueOriginKind.CallerUserId or ValueOriginKind.CallerUser or ValueOriginKind.OtherClaim => false,
            _ => true,
        };
    }

    /// <summary><c>b is { CompanyId: 42 }</c> or <c>b is { CompanyId: var c } &amp;&amp; c == ctx.CompanyId</c>.</summary>
    private static bool IsTenantKeyPattern(IRecursivePatternOperation pattern, ISymbol storage, TenantModel model, ValueOriginResolver resolver)
    {
        foreach (var subpattern in pattern.PropertySubpatterns)
        {
            if (subpattern.Member is not IPropertyReferenceOperation property || !model.IsTenantKeyName(property.Property.Name))
            {
                continue;
            }

            switch (subpattern.Pattern)
            {
                case IConstantPatternOperation constant when !Reads(constant.Value, storage):
                    return CanVouch(constant.Value, pattern, resolver);
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol copy }:
                    return IsComparedAnywhere(copy, storage, pattern, resolver);
            }
        }

        return false;
    }

    /// <summary>A copy of the tenant key that is compared (<c>==</c>/<c>!=</c>) with a value that does not come from the entity.</summary>
    private static bool IsComparedAnywhere(ILocalSymbol copy, ISymbol storage, IOperation anchor, ValueOriginResolver resolver)
    {
        foreach (var use in LocalUses.Of(anchor).Of(copy))
        {
            if (use is ILocalReferenceOperation reference
                && Climb(reference) is var read
                && read.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison)
            {
                var other = comparison.LeftOperand == read ? comparison.RightOperand : comparison.LeftOperand;
                if (!Reads(other, storage) && !Reads(other, copy) && CanVouch(other, comparison, resolver))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>b == null</c>, <c>b != null</c>, <c>b is null</c>, <c>b is not null</c>: not a use of the entity.</summary>
    private static bool IsNullCheck(IOperation reference)
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

    /// <summary>
    /// The reads of the local (from the member's <see cref="LocalUses"/>), or of the field or property on this object,
    /// after <paramref name="after"/>, in source order.
    /// </summary>
    private static IEnumerable<IOperation> ReferencesInSourceOrder(ISymbol storage, IOperation load, int after)
    {
        if (storage is ILocalSymbol local)
        {
            return LocalUses.Of(load).ReferencesFrom(local, after);
        }

        var references = new List<IOperation>();
        foreach (var descendant in LocalUses.Root(load).Descendants())
        {
            if (descendant.Syntax.SpanStart >= after && IsReferenceTo(descendant, storage))
            {
                references.Add(descendant);
            }
        }

        references.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        return references;
    }

    private static bool IsReferenceTo(IOperation operation, ISymbol storage) => operation switch
    {
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, storage),
        IMemberReferenceOperation member => SymbolEqualityComparer.Default.Equals(member.Member, storage) && IsOwnInstance(member.Instance),
        _ => false,
    };

    /// <summary>No instance (a static member) or this object's (<c>Item</c>, <c>this.Item</c>).</summary>
    private static bool IsOwnInstance(IOperation? instance) =>
        instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    private static bool Reads(IOperation operation, ISymbol storage)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (IsReferenceTo(descendant, storage))
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
