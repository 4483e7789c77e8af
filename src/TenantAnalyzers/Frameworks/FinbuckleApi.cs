using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Frameworks;

/// <summary>
/// Finbuckle.MultiTenant, the most used multi-tenancy library for ASP.NET Core, as the tenant model sees it: entities
/// marked <c>[MultiTenant]</c> (or configured with <c>IsMultiTenant()</c>) are tenant-owned and tenant-filtered, their
/// <c>TenantId</c> often a shadow property that the library also stamps on save; the current tenant comes from
/// <c>IMultiTenantContextAccessor</c>/<c>IMultiTenantContext</c> and the <c>ITenantInfo</c> they carry. Types are
/// resolved by metadata name in every namespace the library has used (<c>Finbuckle.MultiTenant</c> up to version 7,
/// <c>Finbuckle.MultiTenant.Abstractions</c> since), so the real assemblies and a source copy of the API both work.
/// </summary>
internal sealed class FinbuckleApi
{
    public const string RootNamespace = "Finbuckle";

    /// <summary>The name of the EF Core 10 named query filter Finbuckle declares (<c>Abstractions.Constants.TenantToken</c>).</summary>
    public const string TenantFilterName = "__tenant__";

    private readonly ImmutableArray<INamedTypeSymbol> _multiTenantAttributes;
    private readonly ImmutableArray<INamedTypeSymbol> _contextTypes;

    private FinbuckleApi(ImmutableArray<IAssemblySymbol> assemblies)
    {
        _multiTenantAttributes = FrameworkAssemblies.Types(
            assemblies,
            "Finbuckle.MultiTenant.Abstractions.MultiTenantAttribute",
            "Finbuckle.MultiTenant.MultiTenantAttribute",
            "Finbuckle.MultiTenant.EntityFrameworkCore.MultiTenantAttribute");
        _contextTypes = FrameworkAssemblies.Types(
            assemblies,
            "Finbuckle.MultiTenant.Abstractions.IMultiTenantContextAccessor",
            "Finbuckle.MultiTenant.Abstractions.IMultiTenantContextAccessor`1",
            "Finbuckle.MultiTenant.Abstractions.IMultiTenantContext",
            "Finbuckle.MultiTenant.Abstractions.IMultiTenantContext`1",
            "Finbuckle.MultiTenant.Abstractions.ITenantInfo",
            "Finbuckle.MultiTenant.Abstractions.ITenantInfo`1",
            "Finbuckle.MultiTenant.IMultiTenantContextAccessor",
            "Finbuckle.MultiTenant.IMultiTenantContextAccessor`1",
            "Finbuckle.MultiTenant.IMultiTenantContext",
            "Finbuckle.MultiTenant.IMultiTenantContext`1",
            "Finbuckle.MultiTenant.ITenantInfo");
    }

    /// <summary>The library's API as this compilation sees it; null when it is neither referenced nor declared.</summary>
    public static FinbuckleApi? Resolve(Compilation compilation)
    {
        var assemblies = FrameworkAssemblies.Find(compilation, "Finbuckle.MultiTenant", RootNamespace);
        return assemblies.IsEmpty ? null : new FinbuckleApi(assemblies);
    }

    /// <summary>
    /// <c>[MultiTenant]</c> on the type or on a base class (EF Core maps a hierarchy to one filtered table; the attribute
    /// itself is not inherited).
    /// </summary>
    public bool HasMultiTenantAttribute(ITypeSymbol type)
    {
        if (_multiTenantAttributes.IsEmpty)
        {
            return false;
        }

        for (var current = type; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { } attributeClass && Contains(_multiTenantAttributes, attributeClass.OriginalDefinition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The accessor, the multi-tenant context and the tenant info: values read from them are the current tenant.</summary>
    public bool IsContextType(ITypeSymbol type)
    {
        if (_contextTypes.IsEmpty)
        {
            return false;
        }

        if (Contains(_contextTypes, type.OriginalDefinition))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (Contains(_contextTypes, implemented.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A method of the library (<c>IsMultiTenant</c>, <c>IsNotMultiTenant</c>, <c>ConfigureMultiTenant</c>): its extension classes moved between namespaces.</summary>
    public static bool Declares(IMethodSymbol method) => FrameworkAssemblies.IsDeclaredUnder(method, RootNamespace);

    private static bool Contains(ImmutableArray<INamedTypeSymbol> types, ITypeSymbol type)
    {
        foreach (var candidate in types)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, type))
            {
                return true;
            }
        }

        return false;
    }
}
