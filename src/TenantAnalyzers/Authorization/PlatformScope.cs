using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Authorization;

/// <summary>
/// Code that only platform operators can reach (spec §2, "Platform scope"): authorization attributes on the member, its
/// type or a base type (<see cref="AuthorizedSymbols"/>), a Razor Pages authorization convention (<see cref="PageConventions"/>),
/// the route of a minimal-API endpoint (<see cref="RouteAuthorization"/>), or a role check that dominates the code
/// (<see cref="RoleGuard"/>). Built once per
/// compilation; every answer is its reason, as a report shows it.
/// </summary>
internal sealed class PlatformScope
{
    private readonly AuthorizedSymbols _attributes;
    private readonly RouteAuthorization _routes;
    private readonly RoleGuard _guards;
    private readonly PageConventions _pages;
    private readonly System.Lazy<INamedTypeSymbol?> _pageModel;

    public PlatformScope(Compilation compilation, TenantOptions options)
    {
        var names = new PlatformNames(options, compilation);
        _attributes = new AuthorizedSymbols(new AuthorizeAttributeReader(compilation), names);
        _routes = new RouteAuthorization(compilation, names, _attributes);
        _guards = new RoleGuard(compilation, names);
        _pages = new PageConventions(compilation, names);
        _pageModel = new System.Lazy<INamedTypeSymbol?>(
            () => ReferencedTypes.Find(compilation, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel", "Microsoft.AspNetCore.Mvc.RazorPages"),
            System.Threading.LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>
    /// The authorization that admits only platform operators to <paramref name="node"/> in <paramref name="member"/>, or
    /// to the path through it that <paramref name="path"/> describes (a query left unscoped only when a condition is
    /// false); null when a tenant's user can reach it.
    /// </summary>
    private bool IsPageModelMember(ISymbol? member)
    {
        for (var type = member?.ContainingType; type is not null && _pageModel.Value is { } pageModel; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, pageModel))
            {
                return true;
            }
        }

        return false;
    }

    public string? Find(SyntaxNode node, ISymbol? member, IReadOnlyList<PathCondition>? path, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (_attributes.Find(member, cancellationToken) is { } declared)
        {
            return declared;
        }

        if (IsPageModelMember(member) && _pages.Find(node.SyntaxTree) is { } convention)
        {
            return convention + " covers " + MemberDisplay.Of(member!.ContainingType);
        }

        if (_routes.Find(node, member, semanticModel, cancellationToken) is { } route)
        {
            return route + " on the endpoint mapped in " + MemberDisplay.Of(member);
        }

        if (_guards.Find(node, semanticModel, cancellationToken) is { } guard)
        {
            return "role guard " + guard + " in " + MemberDisplay.Of(member);
        }

        if (path is not null)
        {
            foreach (var condition in path)
            {
                if (_guards.Implies(condition.Condition, condition.Value, semanticModel, cancellationToken) is { } test)
                {
                    return "role check " + test + " in " + MemberDisplay.Of(member) + ": only platform operators take this path";
                }
            }
        }

        return null;
    }
}
