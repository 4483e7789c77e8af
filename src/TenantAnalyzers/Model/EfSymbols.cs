using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Model;

/// <summary>
/// The EF Core and LINQ symbols the rules compare against, resolved once per compilation by metadata name
/// so that EF Core 6 through 10 all work. Any of them is null when the compilation does not reference it.
/// </summary>
internal sealed class EfSymbols
{
    private EfSymbols(Compilation compilation)
    {
        QueryableExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
        DbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
        DbSet = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
        ModelBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.ModelBuilder");
        EntityTypeBuilderOfT = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder`1");
        EntityTypeConfiguration = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.IEntityTypeConfiguration`1");
        EF = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.EF");
        KeyAttribute = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.KeyAttribute");
        PrimaryKeyAttribute = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.PrimaryKeyAttribute");
        Queryable = compilation.GetTypeByMetadataName("System.Linq.Queryable");
        Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
        IQueryableOfT = compilation.GetTypeByMetadataName("System.Linq.IQueryable`1");
        IEnumerableOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
    }

    public INamedTypeSymbol? QueryableExtensions { get; }

    public INamedTypeSymbol? DbContext { get; }

    public INamedTypeSymbol? DbSet { get; }

    public INamedTypeSymbol? ModelBuilder { get; }

    public INamedTypeSymbol? EntityTypeBuilderOfT { get; }

    public INamedTypeSymbol? EntityTypeConfiguration { get; }

    /// <summary><c>EF.Property&lt;T&gt;(entity, "name")</c> reads shadow properties in queries.</summary>
    public INamedTypeSymbol? EF { get; }
    /// <summary><c>[Key]</c> of data annotations: marks the primary key property.</summary>
    public INamedTypeSymbol? KeyAttribute { get; }

    /// <summary>EF Core 7+ <c>[PrimaryKey(nameof(A), ...)]</c> on the entity class.</summary>
    public INamedTypeSymbol? PrimaryKeyAttribute { get; }

    public INamedTypeSymbol? Queryable { get; }

    public INamedTypeSymbol? Enumerable { get; }

    public INamedTypeSymbol? IQueryableOfT { get; }

    public INamedTypeSymbol IEnumerableOfT { get; }

    /// <summary>True when EF Core is referenced at all: without it no rule has anything to look at.</summary>
    public bool HasEntityFramework => DbContext is not null;

    public static EfSymbols Resolve(Compilation compilation) => new(compilation);

    public bool IsEfQueryableExtension(IMethodSymbol method) =>
        QueryableExtensions is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, QueryableExtensions);

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
