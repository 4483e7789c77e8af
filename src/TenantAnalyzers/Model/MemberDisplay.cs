using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Model;

/// <summary>How messages name the member a finding is in: <c>Type.Member</c>.</summary>
internal static class MemberDisplay
{
    public static string Of(ISymbol? symbol)
    {
        if (symbol is IMethodSymbol { AssociatedSymbol: { } associated })
        {
            symbol = associated;
        }

        if (symbol is null)
        {
            return "?";
        }

        if (symbol is INamedTypeSymbol)
        {
            return symbol.Name;
        }

        var name = symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } ? symbol.ContainingType.Name : symbol.Name;
        return symbol.ContainingType is null ? name : symbol.ContainingType.Name + "." + name;
    }
}
