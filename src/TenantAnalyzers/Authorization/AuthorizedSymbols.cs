using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Authorization;

/// <summary>
/// Platform scope declared by attributes: an authorization attribute whose roles are all platform roles or whose
/// policy is a platform policy, on the member, an overridden member, its type or a base type (ASP.NET Core inherits
/// <c>[Authorize]</c> and requires every attribute it finds: one platform-only attribute makes the code platform-only),
/// or on the request a MediatR-style <c>Handle(request, ...)</c> handles. <c>[AllowAnonymous]</c> anywhere on that way
/// lifts it. Symbol facts, cached for the compilation.
/// </summary>
internal sealed class AuthorizedSymbols
{
    private readonly AuthorizeAttributeReader _reader;
    private readonly PlatformNames _names;
    private readonly ConcurrentDictionary<ISymbol, Verdict> _cache = new(SymbolEqualityComparer.Default);

    public AuthorizedSymbols(AuthorizeAttributeReader reader, PlatformNames names)
    {
        _reader = reader;
        _names = names;
    }

    /// <summary>The platform authorization that covers <paramref name="member"/>, as the reason a report shows; null when none.</summary>
    public string? Find(ISymbol? member, CancellationToken cancellationToken)
    {
        if (member is null)
        {
            return null;
        }

        var verdict = Of(member, cancellationToken);
        if (verdict.Reason is not null || verdict.Anonymous)
        {
            return verdict.Reason;
        }

        // A MediatR handler: the authorization the request type declares (checked by a pipeline behaviour).
        if (member is IMethodSymbol { Name: "Handle", Parameters.Length: > 0 } handle
            && handle.Parameters[0].Type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } request)
        {
            return Of(request, cancellationToken).Reason;
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="attribute"/> is an authorization attribute that admits only platform operators: all its
    /// roles are platform roles, or its policy is a platform policy. <paramref name="reason"/> says which, as reports show it.
    /// </summary>
    public bool IsPlatformAttribute(AttributeData attribute, CancellationToken cancellationToken, out string? reason)
    {
        reason = null;
        if (_reader.Read(attribute, cancellationToken) is not { } requirement)
        {
            return false;
        }

        if (_names.AreAllPlatformRoles(requirement.Roles))
        {
            reason = Describe(requirement, "Roles=" + requirement.Roles);
            return true;
        }

        if (_names.IsPlatformPolicy(requirement.Policy))
        {
            reason = Describe(requirement, "Policy=" + requirement.Policy);
            return true;
        }

        return false;
    }

    public bool IsAllowAnonymous(AttributeData attribute) => _reader.IsAllowAnonymous(attribute);

    private Verdict Of(ISymbol symbol, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(symbol, out var cached))
        {
            return cached;
        }

        var verdict = Compute(symbol, cancellationToken);
        _cache.TryAdd(symbol, verdict);
        return verdict;
    }

    /// <summary>The attributes of the symbol itself, then its overridden member or base type, then (members) its type.</summary>
    private Verdict Compute(ISymbol symbol, CancellationToken cancellationToken)
    {
        var own = OwnAttributes(symbol, cancellationToken);
        if (own.Anonymous)
        {
            return own;
        }

        var inherited = symbol switch
        {
            IMethodSymbol { OverriddenMethod: { } overridden } => Of(overridden, cancellationToken),
            INamedTypeSymbol { BaseType: { } baseType } => Of(baseType, cancellationToken),
            _ => default,
        };

        if (inherited.Anonymous)
        {
            return inherited;
        }

        var container = symbol is not INamedTypeSymbol && symbol.ContainingType is { } type ? Of(type, cancellationToken) : default;
        if (container.Anonymous)
        {
            return container;
        }

        return new Verdict(own.Reason ?? inherited.Reason ?? container.Reason, anonymous: false);
    }

    private Verdict OwnAttributes(ISymbol symbol, CancellationToken cancellationToken)
    {
        string? found = null;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsAllowAnonymous(attribute))
            {
                return new Verdict(null, anonymous: true);
            }

            if (found is null && IsPlatformAttribute(attribute, cancellationToken, out var reason))
            {
                found = reason + " on " + Display(symbol);
            }
        }

        return new Verdict(found, anonymous: false);
    }

    private static string Describe(AuthorizeRequirement requirement, string requires) =>
        requirement.AttributeName == "Authorize" ? requires : requirement.AttributeName + " (" + requires + ")";

    private static string Display(ISymbol symbol) =>
        symbol is INamedTypeSymbol || symbol.ContainingType is null ? symbol.Name : symbol.ContainingType.Name + "." + symbol.Name;

    /// <summary>What the attributes of one symbol and its ancestors say: the platform authorization, or anonymous access.</summary>
    private readonly struct Verdict
    {
        public Verdict(string? reason, bool anonymous)
        {
            Reason = reason;
            Anonymous = anonymous;
        }

        public string? Reason { get; }

        public bool Anonymous { get; }
    }
}
