using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>
/// Finds a type the user names in an option (<c>ICompanyContext</c>, <c>CrossTenantAttribute</c>) in the compilation:
/// its own source first, then referenced assemblies that are not part of the framework. Only code fixes use this.
/// </summary>
internal static class TypeByName
{
    public static INamedTypeSymbol? Find(Compilation compilation, string name)
    {
        if (name.IndexOf('.') >= 0 && compilation.GetTypeByMetadataName(name) is { } byMetadataName)
        {
            return byMetadataName;
        }

        var simpleName = name.Substring(name.LastIndexOf('.') + 1);
        foreach (var symbol in compilation.GetSymbolsWithName(simpleName, SymbolFilter.Type))
        {
            if (symbol is INamedTypeSymbol type && NameMatcher.Matches(type, name))
            {
                return type;
            }
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (IsFrameworkAssembly(assembly.Name))
            {
                continue;
            }

            if (FindIn(assembly.GlobalNamespace, simpleName, name) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static bool IsFrameworkAssembly(string name) =>
        name.StartsWith("System", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.", StringComparison.Ordinal)
        || name is "mscorlib" or "netstandard";

    private static INamedTypeSymbol? FindIn(INamespaceSymbol root, string simpleName, string name)
    {
        var pending = new Stack<INamespaceSymbol>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var ns = pending.Pop();
            foreach (var type in ns.GetTypeMembers(simpleName))
            {
                if (type.DeclaredAccessibility == Accessibility.Public && NameMatcher.Matches(type, name))
                {
                    return type;
                }
            }

            foreach (var child in ns.GetNamespaceMembers())
            {
                pending.Push(child);
            }
        }

        return null;
    }
}
