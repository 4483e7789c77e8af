using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Model;

/// <summary>
/// Matches symbols against the names users write in options. A name with a dot is compared with the fully
/// qualified name, a simple name with the symbol's name. Only used where a user-configured name has no symbol.
/// </summary>
internal static class NameMatcher
{
    public static bool MatchesAny(ISymbol symbol, ImmutableArray<string> names)
    {
        foreach (var name in names)
        {
            if (Matches(symbol, name))
            {
                return true;
            }
        }

        return false;
    }

    public static bool MatchesAttribute(INamedTypeSymbol attributeClass, ImmutableArray<string> names)
    {
        foreach (var name in names)
        {
            if (MatchesAttribute(attributeClass, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the attribute class is <paramref name="name"/> or <paramref name="name"/>Attribute.</summary>
    public static bool MatchesAttribute(INamedTypeSymbol attributeClass, string name) =>
        Matches(attributeClass, name)
        || (attributeClass.Name.EndsWith("Attribute", StringComparison.Ordinal) && Matches(attributeClass, name + "Attribute"));

    public static bool Matches(ISymbol symbol, string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot < 0)
        {
            return string.Equals(symbol.Name, name, StringComparison.Ordinal);
        }

        return string.Equals(symbol.Name, name.Substring(dot + 1), StringComparison.Ordinal)
            && string.Equals(symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted).WithGenericsOptions(SymbolDisplayGenericsOptions.None)), name, StringComparison.Ordinal);
    }
}
