using System;
using System.Collections.Immutable;
using System.Text;

namespace TenantAnalyzers.Model;

/// <summary>
/// Names as applications spell roles, policies and claim types: compared ignoring case and the separators space,
/// <c>_</c>, <c>-</c> and <c>.</c>, so <c>SuperAdmin</c>, <c>Super Admin</c>, <c>super_admin</c> and <c>SUPER-ADMIN</c>
/// are one name. A URI claim type (<c>http://schemas.example.com/claims/tenant_id</c>) is compared by its last segment.
/// </summary>
internal static class LooseName
{
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is not (' ' or '_' or '-' or '.'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The last segment of a URI claim type (after the last <c>/</c>, <c>#</c> or <c>:</c>), normalized.</summary>
    public static string NormalizeClaimType(string claimType)
    {
        var start = claimType.LastIndexOfAny(['/', '#', ':']) + 1;
        return Normalize(start == 0 ? claimType : claimType.Substring(start));
    }

    public static ImmutableArray<string> NormalizeAll(ImmutableArray<string> names, Func<string, string> normalize)
    {
        var builder = ImmutableArray.CreateBuilder<string>(names.Length);
        foreach (var name in names)
        {
            var normalized = normalize(name);
            if (normalized.Length > 0)
            {
                builder.Add(normalized);
            }
        }

        return builder.ToImmutable();
    }

    public static bool Contains(ImmutableArray<string> normalizedNames, string normalized)
    {
        foreach (var name in normalizedNames)
        {
            if (string.Equals(name, normalized, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
