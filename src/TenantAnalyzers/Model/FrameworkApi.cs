using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Model;

/// <summary>APIs of the platform (<c>System.*</c>, <c>Microsoft.*</c>): they never hold an application's tenant logic.</summary>
internal static class FrameworkApi
{
    public static bool Declares(ISymbol symbol)
    {
        var ns = symbol.ContainingNamespace;
        while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns?.Name is "Microsoft" or "System";
    }
}
