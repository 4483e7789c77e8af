using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Queries;

/// <summary>
/// An unscoped pick of a tenant root: <c>db.Companies.FirstOrDefault()</c> — a First/Single/Last-style operator
/// (sync or async) without a predicate, on a <c>DbSet</c> of a tenant root reached through operators that do not
/// narrow the rows (ordering, tracking, includes, tags, filter bypasses, a projection). Whatever the database lists
/// first is returned: some tenant, not the caller's.
/// </summary>
internal static class TenantRootPick
{
    /// <summary>The names of the picks: the cheap syntax test, searched for in files.</summary>
    public static readonly IdentifierScan CandidateNames = new(
    [
        "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault",
        "FirstAsync", "FirstOrDefaultAsync", "SingleAsync", "SingleOrDefaultAsync", "LastAsync", "LastOrDefaultAsync",
    ]);

    /// <summary>The tenant root type <paramref name="call"/> picks without scoping; null when it is not such a pick.</summary>
    public static ITypeSymbol? PickedRoot(IInvocationOperation call, TenantModel model)
    {
        if (!IsQueryOperator(call.TargetMethod, model) || HasPredicate(call.TargetMethod))
        {
            return null;
        }

        var source = QueryChain.GetSource(call);
        while (source is not null && !IsDbSet(source.Type, model))
        {
            // In-memory sequences, queries stored in locals or returned by other methods: their rows may already be scoped.
            if (source is not IInvocationOperation inner || !IsNonNarrowing(inner, model))
            {
                return null;
            }

            source = QueryChain.GetSource(inner);
        }

        var entity = model.Ef.GetSequenceElementType(source?.Type);
        return entity is not null && model.Classify(entity).IsRoot ? entity : null;
    }

    /// <summary>
    /// The <c>??</c>, <c>??=</c> or conditional expression that falls back to the pick (through <c>await</c>,
    /// <c>ConfigureAwait</c> and parentheses); null when the pick is not a fallback operand.
    /// </summary>
    public static IOperation? FindFallback(IInvocationOperation call)
    {
        IOperation current = call;
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
                case ICoalesceOperation coalesce when coalesce.WhenNull == current:
                    return coalesce;
                case ICoalesceAssignmentOperation assignment when assignment.Value == current:
                    return assignment;
                case IConditionalOperation { WhenFalse: not null } conditional when conditional.WhenTrue == current || conditional.WhenFalse == current:
                    return conditional;
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// True when <paramref name="method"/> takes a predicate: an <c>Expression&lt;Func&lt;T, bool&gt;&gt;</c> (or a
    /// delegate) parameter. Any predicate counts as scoping: only the whole-table pick is arbitrary.
    /// </summary>
    public static bool HasPredicate(IMethodSymbol method)
    {
        foreach (var parameter in (method.ReducedFrom ?? method).Parameters)
        {
            if (parameter.Type.TypeKind == TypeKind.Delegate
                || (parameter.Type is INamedTypeSymbol { TypeArguments.Length: 1 } wrapper && wrapper.TypeArguments[0].TypeKind == TypeKind.Delegate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsQueryOperator(IMethodSymbol method, TenantModel model)
    {
        var original = method.ReducedFrom ?? method;
        return SymbolEqualityComparer.Default.Equals(original.ContainingType, model.Ef.Queryable) || model.Ef.IsEfQueryableExtension(original);
    }

    private static bool IsNonNarrowing(IInvocationOperation inner, TenantModel model)
    {
        if (BypassCall.IsBypass(inner.TargetMethod, model))
        {
            return true;
        }

        if (!IsQueryOperator(inner.TargetMethod, model))
        {
            return false;
        }

        return IsNonNarrowingName(inner.TargetMethod.Name);
    }

    private static bool IsNonNarrowingName(string name) => name switch
    {
        "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "Order" or "OrderDescending" => true,
        "AsNoTracking" or "AsNoTrackingWithIdentityResolution" or "AsTracking" or "AsQueryable" => true,
        "Include" or "ThenInclude" or "IgnoreAutoIncludes" or "AsSplitQuery" or "AsSingleQuery" => true,
        "TagWith" or "TagWithCallSite" or "Select" => true,
        _ => false,
    };

    /// <summary>
    /// The syntax test before binding: a pick without a lambda whose receiver chain has only non-narrowing operators (or
    /// bypass methods) down to a member (<c>db.Companies</c>) or <c>Set&lt;T&gt;()</c>. Anything else, a <c>Where</c> or
    /// a local, is not a whole-table pick.
    /// </summary>
    public static bool IsCandidate(InvocationExpressionSyntax pick, TenantOptions options)
    {
        if (!CandidateNames.Contains(SyntaxNames.GetInvokedName(pick)) || SyntaxNames.HasLambdaArgument(pick))
        {
            return false;
        }

        var receiver = pick.Expression is MemberAccessExpressionSyntax access ? access.Expression : null;
        while (receiver is InvocationExpressionSyntax inner)
        {
            var name = SyntaxNames.GetInvokedName(inner);
            if (name is "Set")
            {
                return true;
            }

            if (name is null || !(IsNonNarrowingName(name) || BypassCall.IsCandidateName(name, options)))
            {
                return false;
            }

            receiver = inner.Expression is MemberAccessExpressionSyntax innerAccess ? innerAccess.Expression : null;
        }

        return receiver is MemberAccessExpressionSyntax or IdentifierNameSyntax;
    }

    private static bool IsDbSet(ITypeSymbol? type, TenantModel model) =>
        type is INamedTypeSymbol named && model.Ef.DbSet is not null
        && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, model.Ef.DbSet);
}
