using System;
using Microsoft.CodeAnalysis;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Authorization;

/// <summary>State of the bypass attribute on a symbol.</summary>
internal enum JustificationState
{
    /// <summary>No bypass attribute.</summary>
    Absent,

    /// <summary>The attribute is there, its justification is missing or empty.</summary>
    Missing,

    /// <summary>The attribute is there with a placeholder such as "TODO: justify".</summary>
    Placeholder,

    /// <summary>The attribute carries a real justification.</summary>
    Justified,
}

/// <summary>Reads the bypass attribute (<c>[CrossTenant("why")]</c>) and judges its justification.</summary>
internal readonly struct CrossTenantAttributeReader
{
    private static readonly string[] PlaceholderWords = ["todo", "tbd", "fixme", "justify", "n/a", "na", "none", "placeholder", "xxx", "...", "-", "?"];

    private readonly string _attributeName;

    public CrossTenantAttributeReader(string attributeName)
    {
        _attributeName = attributeName;
    }

    public bool IsBypassAttribute(INamedTypeSymbol? attributeClass) =>
        attributeClass is not null && NameMatcher.MatchesAttribute(attributeClass, _attributeName);

    /// <summary>The strongest state among the attributes of <paramref name="symbol"/> itself.</summary>
    public JustificationState GetState(ISymbol symbol, out AttributeData? attribute)
    {
        attribute = null;
        var state = JustificationState.Absent;
        foreach (var candidate in symbol.GetAttributes())
        {
            if (!IsBypassAttribute(candidate.AttributeClass))
            {
                continue;
            }

            var candidateState = Judge(GetJustification(candidate));
            if (candidateState > state)
            {
                state = candidateState;
                attribute = candidate;
            }
        }

        return state;
    }

    /// <summary>
    /// The justification of the bypass attribute on <paramref name="symbol"/>, the property or event it belongs to, or
    /// the nearest containing type that carries one with a real reason. An empty or placeholder justification justifies
    /// nothing: the finding stays visible and TI0100 says why, so a quick-fix placeholder never hides it for good.
    /// </summary>
    public Justification? FindJustification(ISymbol? symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (GetState(current, out var attribute) == JustificationState.Justified
                || current is IMethodSymbol { AssociatedSymbol: { } associated } && GetState(associated, out attribute) == JustificationState.Justified)
            {
                return new Justification(JustificationSource.Attribute, GetJustification(attribute!)!);
            }
        }

        return null;
    }

    public static string? GetJustification(AttributeData attribute)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Primitive && argument.Value is string text)
            {
                return text;
            }
        }

        foreach (var named in attribute.NamedArguments)
        {
            if (named.Value.Value is string text
                && (named.Key.Equals("Justification", StringComparison.Ordinal) || named.Key.Equals("Reason", StringComparison.Ordinal)))
            {
                return text;
            }
        }

        return null;
    }

    public static JustificationState Judge(string? justification)
    {
        if (justification is null || justification.Trim().Length == 0)
        {
            return JustificationState.Missing;
        }

        return IsPlaceholder(justification) ? JustificationState.Placeholder : JustificationState.Justified;
    }

    /// <summary>
    /// A placeholder is text that starts with a placeholder word (<c>TODO: justify</c>, <c>TBD</c>, <c>n/a</c>) or
    /// is too short to explain anything (fewer than three words that are not placeholder words).
    /// </summary>
    private static bool IsPlaceholder(string justification)
    {
        var words = justification.Trim().ToLowerInvariant().Split([' ', '\t', ':', ',', ';', '.', '!', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return true;
        }

        if (Array.IndexOf(PlaceholderWords, words[0]) >= 0)
        {
            return true;
        }

        var meaningful = 0;
        foreach (var word in words)
        {
            if (Array.IndexOf(PlaceholderWords, word) < 0)
            {
                meaningful++;
            }
        }

        return meaningful < 3;
    }
}
