using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Queries;

/// <summary>
/// A load whose result holds only the current tenant's rows: <c>Find</c> on the <c>DbSet</c> of a tenant-filtered type,
/// or a LINQ query that starts from such a set and keeps its filter, or that is scoped by the tenant key. What such a
/// load returns — and every id read off it — is the tenant's own data.
/// </summary>
internal static class ScopedLoad
{
    public static bool OnlyTenantRows(IInvocationOperation call, TenantModel model)
    {
        var method = call.TargetMethod;
        if (method.Name is "Find" or "FindAsync")
        {
            return method.ContainingType is { IsGenericType: true } set
                && SymbolEqualityComparer.Default.Equals(set.OriginalDefinition, model.Ef.DbSet)
                && model.IsTenantFiltered(set.TypeArguments[0]);
        }

        if (!model.Ef.IsLinqOperator(method.ReducedFrom ?? method))
        {
            return false;
        }

        var chain = QueryChain.Around(call);
        if (TenantPredicate.ChainIsTenantScoped(chain, model))
        {
            return true;
        }

        if (chain.Operators.IsEmpty
            || QueryChain.GetSource(chain.Operators[0])?.Type is not INamedTypeSymbol { IsGenericType: true } source
            || !SymbolEqualityComparer.Default.Equals(source.OriginalDefinition, model.Ef.DbSet)
            || !model.IsTenantFiltered(source.TypeArguments[0]))
        {
            return false;
        }

        foreach (var op in chain.Operators)
        {
            if (BypassCall.IsBypass(op.TargetMethod, model)
                && (op.Syntax is not InvocationExpressionSyntax bypass || BypassCall.DropsTenantFilter(op, bypass, model)))
            {
                return false;
            }
        }

        return true;
    }
}
