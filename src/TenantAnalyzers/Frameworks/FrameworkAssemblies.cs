using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Frameworks;

/// <summary>
/// Where a multi-tenancy framework's types can live: the referenced assemblies whose name starts with the framework's
/// prefix (<c>Finbuckle.MultiTenant</c>, <c>Volo.Abp</c>), and this compilation's own source when it declares the
/// framework's root namespace (a project that carries a copy of the API, as tests do). Types are then looked up by
/// metadata name in those assemblies alone: <see cref="Compilation.GetTypeByMetadataName"/> searches every reference.
/// </summary>
internal static class FrameworkAssemblies
{
    public static ImmutableArray<IAssemblySymbol> Find(Compilation compilation, string assemblyPrefix, string rootNamespace)
    {
        var assemblies = ImmutableArray.CreateBuilder<IAssemblySymbol>();
        if (DeclaresNamespace(compilation.Assembly, rootNamespace))
        {
            assemblies.Add(compilation.Assembly);
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Identity.Name.StartsWith(assemblyPrefix, StringComparison.Ordinal))
            {
                assemblies.Add(assembly);
            }
        }

        return assemblies.ToImmutable();
    }

    /// <summary>Every type found under one of <paramref name="metadataNames"/> (a framework moves types between versions).</summary>
    public static ImmutableArray<INamedTypeSymbol> Types(ImmutableArray<IAssemblySymbol> assemblies, params string[] metadataNames)
    {
        var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var assembly in assemblies)
        {
            foreach (var name in metadataNames)
            {
                if (assembly.GetTypeByMetadataName(name) is { } type)
                {
                    types.Add(type);
                }
            }
        }

        return types.ToImmutable();
    }

    /// <summary>True when <paramref name="symbol"/> is declared in <paramref name="rootNamespace"/> or a namespace below it.</summary>
    public static bool IsDeclaredUnder(ISymbol symbol, string rootNamespace)
    {
        var ns = symbol as INamespaceSymbol ?? symbol.ContainingNamespace;
        while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: false } && ns.Name == rootNamespace;
    }

    /// <summary>Asks the source's declaration table, which binds nothing.</summary>
    private static bool DeclaresNamespace(IAssemblySymbol assembly, string name)
    {
        foreach (var member in assembly.GlobalNamespace.GetMembers(name))
        {
            if (member is INamespaceSymbol)
            {
                return true;
            }
        }

        return false;
    }
}
