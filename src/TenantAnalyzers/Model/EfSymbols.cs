using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Model;

/// <summary>
/// The EF Core and LINQ symbols the rules compare against, resolved at most once per compilation by metadata name
/// so that EF Core 6 through 10 all work. Any of them is null when the compilation does not reference it.
/// </summary>
internal sealed class EfSymbols
{
    private readonly Lazy<INamedTypeSymbol?> _queryableExtensions;
    private readonly Lazy<INamedTypeSymbol?> _dbSet;
    private readonly Lazy<INamedTypeSymbol?> _modelBuilder;
    private readonly Lazy<INamedTypeSymbol?> _entityTypeBuilderOfT;
    private readonly Lazy<INamedTypeSymbol?> _entityTypeConfiguration;
    private readonly Lazy<INamedTypeSymbol?> _ef;
    private readonly Lazy<INamedTypeSymbol?> _keyAttribute;
    private readonly Lazy<INamedTypeSymbol?> _primaryKeyAttribute;
    private readonly Lazy<INamedTypeSymbol?> _queryable;
    private readonly Lazy<INamedTypeSymbol?> _enumerable;
    private readonly Lazy<INamedTypeSymbol?> _iQueryableOfT;
    private readonly Lazy<INamedTypeSymbol?> _migration;
    private readonly Lazy<HashSet<string>> _linqOperatorNames;

    // Only DbContext is resolved up front (it tells whether EF Core is there at all); the rest on first use. The IDE
    // analyses every document on its own copy of the compilation, so eager lookups would be paid on every request.
    // EF Core's types are looked up in the referenced EF Core assembly alone: Compilation.GetTypeByMetadataName
    // searches the source and every reference (to report ambiguities), which on a large project costs more than a rule.
    private EfSymbols(Compilation compilation)
    {
        var efCore = FindReferencedAssembly(compilation, "Microsoft.EntityFrameworkCore");
        DbContext = efCore?.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
        IEnumerableOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
        _queryableExtensions = Lookup(efCore, "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
        _dbSet = Lookup(efCore, "Microsoft.EntityFrameworkCore.DbSet`1");
        _modelBuilder = Lookup(efCore, "Microsoft.EntityFrameworkCore.ModelBuilder");
        _entityTypeBuilderOfT = Lookup(efCore, "Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder`1");
        _entityTypeConfiguration = Lookup(efCore, "Microsoft.EntityFrameworkCore.IEntityTypeConfiguration`1");
        _ef = Lookup(efCore, "Microsoft.EntityFrameworkCore.EF");
        _primaryKeyAttribute = Lookup(efCore, "Microsoft.EntityFrameworkCore.PrimaryKeyAttribute");
        _keyAttribute = Lookup(compilation, "System.ComponentModel.DataAnnotations.KeyAttribute");
        _queryable = Lookup(compilation, "System.Linq.Queryable");
        _enumerable = Lookup(compilation, "System.Linq.Enumerable");
        _iQueryableOfT = Lookup(compilation, "System.Linq.IQueryable`1");
        _migration = new(() => FindReferencedAssembly(compilation, "Microsoft.EntityFrameworkCore.Relational")?.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.Migration"), LazyThreadSafetyMode.PublicationOnly);
        _linqOperatorNames = new(() => MemberNames(Queryable, Enumerable, QueryableExtensions), LazyThreadSafetyMode.PublicationOnly);
    }

    public INamedTypeSymbol? QueryableExtensions => _queryableExtensions.Value;

    public INamedTypeSymbol? DbContext { get; }

    public INamedTypeSymbol? DbSet => _dbSet.Value;

    public INamedTypeSymbol? ModelBuilder => _modelBuilder.Value;

    public INamedTypeSymbol? EntityTypeBuilderOfT => _entityTypeBuilderOfT.Value;

    public INamedTypeSymbol? EntityTypeConfiguration => _entityTypeConfiguration.Value;

    /// <summary><c>EF.Property&lt;T&gt;(entity, "name")</c> reads shadow properties in queries.</summary>
    public INamedTypeSymbol? EF => _ef.Value;

    /// <summary><c>[Key]</c> of data annotations: marks the primary key property.</summary>
    public INamedTypeSymbol? KeyAttribute => _keyAttribute.Value;

    /// <summary>EF Core 7+ <c>[PrimaryKey(nameof(A), ...)]</c> on the entity class.</summary>
    public INamedTypeSymbol? PrimaryKeyAttribute => _primaryKeyAttribute.Value;

    public INamedTypeSymbol? Queryable => _queryable.Value;

    public INamedTypeSymbol? Enumerable => _enumerable.Value;

    public INamedTypeSymbol? IQueryableOfT => _iQueryableOfT.Value;

    public INamedTypeSymbol IEnumerableOfT { get; }

    /// <summary>The base class of EF Core migrations (in the relational assembly).</summary>
    public INamedTypeSymbol? Migration => _migration.Value;

    /// <summary>True when EF Core is referenced at all: without it no rule has anything to look at.</summary>
    public bool HasEntityFramework => DbContext is not null;

    public static EfSymbols Resolve(Compilation compilation) => new(compilation);

    private static Lazy<INamedTypeSymbol?> Lookup(Compilation compilation, string metadataName) =>
        new(() => compilation.GetTypeByMetadataName(metadataName), LazyThreadSafetyMode.PublicationOnly);

    private static Lazy<INamedTypeSymbol?> Lookup(IAssemblySymbol? assembly, string metadataName) =>
        new(() => assembly?.GetTypeByMetadataName(metadataName), LazyThreadSafetyMode.PublicationOnly);

    private static HashSet<string> MemberNames(params INamedTypeSymbol?[] types)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (type is not null)
            {
                names.UnionWith(type.MemberNames);
            }
        }

        return names;
    }

    private static IAssemblySymbol? FindReferencedAssembly(Compilation compilation, string name)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Identity.Name == name)
            {
                return assembly;
            }
        }

        return null;
    }

    public bool IsEfQueryableExtension(IMethodSymbol method) =>
        QueryableExtensions is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, QueryableExtensions);

    /// <summary>False when no method of <see cref="IsLinqOperator"/>'s types has that name: the call is not a LINQ operator.</summary>
    public bool MayBeLinqOperatorName(string name) => _linqOperatorNames.Value.Contains(name);

    public bool IsLinqOperator(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingType, Queryable)
        || SymbolEqualityComparer.Default.Equals(method.ContainingType, Enumerable)
        || IsEfQueryableExtension(method);

    /// <summary>The element type of <c>IQueryable&lt;T&gt;</c>, <c>DbSet&lt;T&gt;</c> or any <c>IEnumerable&lt;T&gt;</c>; null otherwise.</summary>
    public ITypeSymbol? GetSequenceElementType(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        if (named.IsGenericType && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, IEnumerableOfT)
            || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, IQueryableOfT)
            || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, DbSet)))
        {
            return named.TypeArguments[0];
        }

        foreach (var implemented in named.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, IEnumerableOfT))
            {
                return implemented.TypeArguments[0];
            }
        }

        return null;
    }

    /// <summary>True for <c>IQueryable&lt;T&gt;</c> and everything that implements it (DbSet, IOrderedQueryable, IIncludableQueryable).</summary>
    public bool IsQueryable(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || IQueryableOfT is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, IQueryableOfT))
        {
            return true;
        }

        foreach (var implemented in named.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, IQueryableOfT))
            {
                return true;
            }
        }

        return false;
    }
}
