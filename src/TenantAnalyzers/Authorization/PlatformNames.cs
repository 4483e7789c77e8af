using System.Collections.Generic;
using System.Collections.Immutable;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Authorization;

/// <summary>
/// Which roles and policies admit only platform operators (options <c>platform_roles</c> and <c>platform_policies</c>),
/// compared loosely (<see cref="LooseName"/>).
/// </summary>
/// <remarks>
/// A role list (<c>Roles = "SuperAdmin,Admin"</c>) admits anyone holding any of its roles, so it is platform-only only
/// when every role in it is a platform role. Without configured policies, a policy the application defines in source
/// with role requirements is judged by them (<see cref="PolicyDefinitions"/>); any other is platform-only when its name
/// contains a platform role (<c>SuperAdminOnly</c>, <c>RequirePlatformAdmin</c>) and names no alternative or tenant:
/// <c>SuperAdminOrAdmin</c> (a word <c>Or</c>) and <c>TenantSuperAdmin</c>/<c>CompanySuperAdmin</c> (a tenant or tenant-root
/// word) are not.
/// </remarks>
internal sealed class PlatformNames
{
    private readonly ImmutableArray<string> _roles;
    private readonly ImmutableArray<string>? _policies;
    private readonly ImmutableArray<string> _tenantWords;
    private readonly PolicyDefinitions? _definitions;

    public PlatformNames(TenantOptions options, Microsoft.CodeAnalysis.Compilation? compilation = null)
    {
        _definitions = compilation is null ? null : new PolicyDefinitions(compilation, AreAllPlatformRoles);
        _roles = LooseName.NormalizeAll(options.PlatformRoles, LooseName.Normalize);
        _policies = options.PlatformPolicies is { } policies ? LooseName.NormalizeAll(policies, LooseName.Normalize) : null;

        var tenantWords = new List<string> { "tenant" };
        foreach (var root in options.TenantRoots)
        {
            tenantWords.Add(LooseName.Normalize(root.Substring(root.LastIndexOf('.') + 1)));
        }

        _tenantWords = tenantWords.ToImmutableArray();
    }

    public bool IsPlatformRole(string? role) => role is not null && LooseName.Contains(_roles, LooseName.Normalize(role.Trim()));

    /// <summary>True when the comma-separated role list names at least one role and every one of them is a platform role.</summary>
    public bool AreAllPlatformRoles(string? roles)
    {
        if (roles is null)
        {
            return false;
        }

        var any = false;
        foreach (var part in roles.Split(','))
        {
            if (part.Trim().Length == 0)
            {
                continue;
            }

            if (!IsPlatformRole(part))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    public bool IsPlatformPolicy(string? policy)
    {
        if (policy is null || policy.Trim().Length == 0)
        {
            return false;
        }

        var normalized = LooseName.Normalize(policy);
        if (_policies is { } configured)
        {
            return LooseName.Contains(configured, normalized);
        }

        if (_definitions?.IsPlatformOnly(policy) is { } defined)
        {
            return defined;
        }

        if (HasWordOr(policy))
        {
            return false;
        }

        foreach (var word in _tenantWords)
        {
            if (word.Length > 0 && normalized.IndexOf(word, System.StringComparison.Ordinal) >= 0)
            {
                return false;
            }
        }

        foreach (var role in _roles)
        {
            if (normalized.IndexOf(role, System.StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>SuperAdminOrAdmin</c>, <c>super_admin_or_admin</c>, <c>Super Admin or Admin</c>: the policy names an alternative.</summary>
    private static bool HasWordOr(string name)
    {
        for (var i = 0; i + 1 < name.Length; i++)
        {
            if (char.ToLowerInvariant(name[i]) != 'o' || char.ToLowerInvariant(name[i + 1]) != 'r')
            {
                continue;
            }

            var startsWord = i == 0 || IsSeparator(name[i - 1]) || (char.IsUpper(name[i]) && char.IsLower(name[i - 1]));
            var endsWord = i + 2 == name.Length || IsSeparator(name[i + 2]) || (char.IsUpper(name[i + 2]) && !char.IsUpper(name[i + 1]));
            if (startsWord && endsWord && i > 0 && i + 2 < name.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSeparator(char c) => c is ' ' or '_' or '-' or '.';
}
