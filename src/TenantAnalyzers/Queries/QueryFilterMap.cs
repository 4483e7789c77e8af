using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using TenantAnalyzers.Frameworks;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Queries;

/// <summary>
/// Which entity types carry a tenant query filter (<c>query_filters = detect</c>), for one compilation: the
/// <see cref="QueryFilterFacts"/> of its model configuration, checked against this compilation's symbols and cached
/// per type.
/// </summary>
internal sealed class QueryFilterMap
{
    private readonly TenantModel _model;
    private readonly QueryFilterFacts _facts;
    private readonly HashSet<string> _tenantFilterNames;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _filtered = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _owned = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, bool> _dbSetsFiltered = new(StringComparer.Ordinal);

    private QueryFilterMap(TenantModel model, QueryFilterFacts facts)
    {
        _model = model;
        _facts = facts;
        _tenantFilterNames = new HashSet<string>(facts.TenantFilterNames, StringComparer.Ordinal);
        if (model.Options.TenantFilterName is { } configuredName)
        {
            _tenantFilterNames.Add(configuredName);
        }

        if (model.Frameworks.Finbuckle is not null)
        {
            _tenantFilterNames.Add(FinbuckleApi.TenantFilterName);
        }
    }

    /// <summary>True when the compilation configures an EF Core model itself (a DbContext's OnModelCreating or an entity configuration).</summary>
    public bool DeclaresModelConfiguration => _facts.DeclaresModelConfiguration;

    /// <summary>Names of EF Core 10 named filters that scope by the tenant key (detected, plus <c>tenant_filter_name</c>).</summary>
    public IReadOnlyCollection<string> TenantFilterNames => _tenantFilterNames;

    public static QueryFilterMap Discover(TenantModel model, CancellationToken cancellationToken) =>
        new(model, QueryFilterDiscovery.Run(model, cancellationToken));

    /// <summary>
    /// True when every query of the DbSet property <paramref name="dbSetName"/> is tenant-filtered, decided without
    /// binding the code that uses it: every tenant-owned type is filtered, or every DbContext of the model configuration
    /// that has a DbSet by that name filters its entity. Lets rules skip binding a query that cannot lose its filter.
    /// </summary>
    public bool IsFilteredDbSet(string dbSetName)
    {
        if (_facts.CoversAllOwned)
        {
            return true;
        }

        return _facts.DbSets.TryGetValue(dbSetName, out var entities)
            && _dbSetsFiltered.GetOrAdd(dbSetName, _ => entities.TrueForAll(name =>
                _model.Compilation.GetTypeByMetadataName(name) is { } entity && IsTenantFiltered(entity)));
    }

    public bool IsTenantFiltered(INamedTypeSymbol type) => _filtered.GetOrAdd(type.OriginalDefinition, t => Compute((INamedTypeSymbol)t));

    /// <summary>
    /// True when the model configuration, not the class, makes <paramref name="type"/> tenant-owned: a shadow tenant key
    /// (<c>Property&lt;int&gt;("TenantId")</c>, a filter on <c>EF.Property(e, "TenantId")</c>) or Finbuckle's
    /// <c>IsMultiTenant()</c> on it, its base class, or a covering it falls under.
    /// </summary>
    public bool IsOwnedByModel(INamedTypeSymbol type)
    {
        if (_facts.OwnedTypes.Count == 0 && _facts.MultiTenantTypes.Count == 0 && !HasOwningCovering())
        {
            return false;
        }

        return _owned.GetOrAdd(type.OriginalDefinition, t =>
            NamedInHierarchy((INamedTypeSymbol)t, _facts.OwnedTypes)
            || (IsMultiTenantByConfiguration((INamedTypeSymbol)t) && !NamedInHierarchy((INamedTypeSymbol)t, _facts.NotMultiTenantTypes)));
    }

    /// <summary>
    /// A Finbuckle multi-tenant entity: <c>[MultiTenant]</c> or <c>IsMultiTenant()</c>, and no <c>IsNotMultiTenant()</c>. The
    /// library filters it and stamps its <c>TenantId</c> on save.
    /// </summary>
    public bool IsFinbuckleMultiTenant(INamedTypeSymbol type) =>
        _model.Frameworks.Finbuckle is { } finbuckle
        && !OptsOutOfMultiTenancy(type)
        && (finbuckle.HasMultiTenantAttribute(type) || IsMultiTenantByConfiguration(type));

    /// <summary>Finbuckle's <c>IsNotMultiTenant()</c> on the type or a base class: the library neither owns nor filters it.</summary>
    public bool OptsOutOfMultiTenancy(INamedTypeSymbol type) => NamedInHierarchy(type, _facts.NotMultiTenantTypes);

    private bool Compute(INamedTypeSymbol type)
    {
        var owned = _model.Classify(type).IsOwned;
        if (_facts.CoversAllOwned && owned)
        {
            return true;
        }

        // A filter declared for the type (or a base class) by name, also one that scopes through a navigation.
        if (NamedInHierarchy(type, _facts.FilteredTypes))
        {
            return true;
        }

        // Frameworks: Finbuckle filters [MultiTenant] and IsMultiTenant() types unless IsNotMultiTenant() opts out; ABP's
        // data filter covers every IMultiTenant entity.
        if (IsFinbuckleMultiTenant(type))
        {
            return true;
        }

        if (_model.Frameworks.Abp?.IsMultiTenant(type) ?? false)
        {
            return true;
        }

        // A covering (generic helper, loop type test) counts only for tenant-owned types: a join entity that shares the
        // base class of the tenant entities has no key to filter on.
        foreach (var covering in _facts.Coverings)
        {
            if (!covering.Owns && owned && Satisfies(type, covering))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsMultiTenantByConfiguration(INamedTypeSymbol type)
    {
        if (NamedInHierarchy(type, _facts.MultiTenantTypes))
        {
            return true;
        }

        foreach (var covering in _facts.Coverings)
        {
            if (covering.Owns && Satisfies(type, covering))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasOwningCovering()
    {
        foreach (var covering in _facts.Coverings)
        {
            if (covering.Owns)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The type, a base class or an implemented interface is each of the covering's types.</summary>
    private static bool Satisfies(INamedTypeSymbol type, QueryFilterFacts.Covering covering)
    {
        foreach (var required in covering.AllOf)
        {
            if (!NamedInHierarchy(type, required) && !NamedInInterfaces(type, required))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NamedInHierarchy(INamedTypeSymbol type, HashSet<string> names)
    {
        if (names.Count == 0)
        {
            return false;
        }

        for (var current = type; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            if (names.Contains(QueryFilterFacts.MetadataNameOf(current.OriginalDefinition)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamedInHierarchy(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            if (QueryFilterFacts.MetadataNameOf(current.OriginalDefinition) == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamedInInterfaces(INamedTypeSymbol type, string name)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (QueryFilterFacts.MetadataNameOf(implemented.OriginalDefinition) == name)
            {
                return true;
            }
        }

        return false;
    }
}
