using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Model;

internal enum TenantTypeKind
{
    /// <summary>Not tenant-related.</summary>
    None,

    /// <summary>The type is a tenant (<c>Company</c>).</summary>
    Root,

    /// <summary>The type belongs to one tenant: it has a tenant key property or a configured marker.</summary>
    Owned,
}

/// <summary>What the tenant model knows about one type.</summary>
internal sealed class TenantTypeInfo
{
    public static readonly TenantTypeInfo NotTenant = new(TenantTypeKind.None, null);

    public TenantTypeInfo(TenantTypeKind kind, IPropertySymbol? tenantKey)
    {
        Kind = kind;
        TenantKey = tenantKey;
    }

    public TenantTypeKind Kind { get; }

    /// <summary>The tenant key property of an owned type; null for a marker-only type and for roots.</summary>
    public IPropertySymbol? TenantKey { get; }

    public bool IsOwned => Kind == TenantTypeKind.Owned;

    public bool IsRoot => Kind == TenantTypeKind.Root;
}
