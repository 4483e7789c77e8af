using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
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

    private bool Compute(INamedTypeSymbol type)
    {
        if (_facts.CoversAllOwned && _model.Classify(type).IsOwned)
        {
            return true;
        }

        if (HasFinbuckleMultiTenantAttribute(type))
        {
            return true;
        }

        for (var current = type; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            var name = QueryFilterFacts.MetadataNameOf(current.OriginalDefinition);
            if (_facts.FilteredTypes.Contains(name) || _facts.CoveringTypes.Contains(name))
            {
                return true;
            }
        }

        if (_facts.CoveringTypes.Count > 0)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (_facts.CoveringTypes.Contains(QueryFilterFacts.MetadataNameOf(implemented.OriginalDefinition)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Finbuckle.MultiTenant's <c>[MultiTenant]</c>: the library adds the tenant filter (on a shadow <c>TenantId</c>).
    /// Matched by name because the attribute moved between Finbuckle's assemblies across versions.
    /// </summary>
    private static bool HasFinbuckleMultiTenantAttribute(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "MultiTenantAttribute" } attributeClass
                && attributeClass.ContainingNamespace?.ToDisplayString().StartsWith("Finbuckle", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }
}
