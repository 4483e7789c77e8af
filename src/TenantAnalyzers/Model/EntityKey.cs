using System;
using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Model;

/// <summary>
/// The primary key of an entity by EF Core's conventions, as far as the entity class shows it: <c>[PrimaryKey]</c>
/// on the class, a single <c>[Key]</c> property, or a property named <c>Id</c> or <c>&lt;TypeName&gt;Id</c>.
/// Keys configured only through <c>HasKey</c> are not seen: lookups by them are then not treated as key lookups.
/// </summary>
internal static class EntityKey
{
    /// <summary>The single key property of <paramref name="entity"/>; null when it has none or a composite key.</summary>
    public static IPropertySymbol? Find(ITypeSymbol entity, EfSymbols ef)
    {
        if (FindPrimaryKeyAttribute(entity, ef) is { } primaryKey)
        {
            // [PrimaryKey("A", "B")] passes the rest of the names as a params array: a composite key has no single property.
            if (primaryKey.ConstructorArguments.Length == 0
                || primaryKey.ConstructorArguments[0].Value is not string name
                || (primaryKey.ConstructorArguments.Length > 1 && primaryKey.ConstructorArguments[1] is { Kind: TypedConstantKind.Array, Values.Length: > 0 }))
            {
                return null;
            }

            return FindProperty(entity, name, StringComparison.Ordinal);
        }

        IPropertySymbol? annotated = null;
        for (var current = entity; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false } property && HasAttribute(property, ef.KeyAttribute))
                {
                    if (annotated is not null)
                    {
                        return null;
                    }

                    annotated = property;
                }
            }
        }

        return annotated
            ?? FindProperty(entity, "Id", StringComparison.OrdinalIgnoreCase)
            ?? FindProperty(entity, entity.Name + "Id", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when <paramref name="property"/> is the single key of <paramref name="entity"/>.</summary>
    public static bool IsKey(IPropertySymbol property, ITypeSymbol entity, EfSymbols ef) =>
        Find(entity, ef) is { } key && SymbolEqualityComparer.Default.Equals(key.OriginalDefinition, property.OriginalDefinition);

    private static AttributeData? FindPrimaryKeyAttribute(ITypeSymbol entity, EfSymbols ef)
    {
        if (ef.PrimaryKeyAttribute is null)
        {
            return null;
        }

        for (var current = entity; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ef.PrimaryKeyAttribute))
                {
                    return attribute;
                }
            }
        }

        return null;
    }

    private static IPropertySymbol? FindProperty(ITypeSymbol entity, string name, StringComparison comparison)
    {
        for (var current = entity; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false } property && string.Equals(property.Name, name, comparison))
                {
                    return property;
                }
            }
        }

        return null;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }
}
