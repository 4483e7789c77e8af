using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Model;

/// <summary>
/// The entity types of the application: element types of <c>DbSet&lt;T&gt;</c> properties of the DbContexts declared in
/// this compilation and in referenced application assemblies (a data project); platform assemblies are skipped.
/// </summary>
internal static class EntityTypeCatalog
{
    public static HashSet<ITypeSymbol> Collect(Compilation compilation, EfSymbols ef)
    {
        var entities = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        if (ef.DbContext is null || ef.DbSet is null)
        {
            return entities;
        }

        AddFrom(compilation.Assembly.GlobalNamespace, ef, entities);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!IsPlatformAssembly(assembly))
            {
                AddFrom(assembly.GlobalNamespace, ef, entities);
            }
        }

        return entities;
    }

    private static bool IsPlatformAssembly(IAssemblySymbol assembly) =>
        assembly.Name.StartsWith("System", System.StringComparison.Ordinal)
        || assembly.Name.StartsWith("Microsoft.", System.StringComparison.Ordinal)
        || assembly.Name is "mscorlib" or "netstandard";

    private static void AddFrom(INamespaceSymbol root, EfSymbols ef, HashSet<ITypeSymbol> entities)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is INamespaceSymbol ns)
            {
                foreach (var member in ns.GetMembers())
                {
                    pending.Push(member);
                }

                continue;
            }

            if (current is INamedTypeSymbol type && DerivesFrom(type, ef.DbContext!))
            {
                AddDbSets(type, ef.DbSet!, entities);
            }
        }
    }

    private static void AddDbSets(INamedTypeSymbol context, INamedTypeSymbol dbSet, HashSet<ITypeSymbol> entities)
    {
        for (var type = context; type is not null && type.SpecialType == SpecialType.None; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol { Type: INamedTypeSymbol { IsGenericType: true } propertyType }
                    && SymbolEqualityComparer.Default.Equals(propertyType.OriginalDefinition, dbSet))
                {
                    entities.Add(propertyType.TypeArguments[0].OriginalDefinition);
                }
            }
        }
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
