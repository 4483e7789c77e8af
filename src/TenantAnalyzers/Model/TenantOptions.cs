using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantAnalyzers.Flow;

namespace TenantAnalyzers.Model;

internal enum QueryFilterMode
{
    Detect,
    All,
    None,
}

/// <summary>An option whose value could not be read; reported once per compilation as TI9000.</summary>
internal readonly struct InvalidOption
{
    public InvalidOption(string key, string value, string reason)
    {
        Key = key;
        Value = value;
        Reason = reason;
    }

    public string Key { get; }

    public string Value { get; }

    public string Reason { get; }
}

/// <summary>
/// The <c>tenant_isolation.*</c> options, read once per compilation. They are project-wide: a value in a
/// <c>.globalconfig</c> wins, otherwise an <c>.editorconfig</c> section that applies to the project's C# files.
/// </summary>
internal sealed class TenantOptions
{
    public const string Prefix = "tenant_isolation.";
    public const string TenantKeyKey = Prefix + "tenant_key";
    public const string TenantRootKey = Prefix + "tenant_root";
    public const string OwnedMarkersKey = Prefix + "owned_markers";
    public const string ContextTypeKey = Prefix + "context_type";
    public const string ContextMemberKey = Prefix + "context_member";
    public const string BypassAttributeKey = Prefix + "bypass_attribute";
    public const string QueryFiltersKey = Prefix + "query_filters";
    public const string BypassMethodsKey = Prefix + "bypass_methods";
    public const string TenantFilterNameKey = Prefix + "tenant_filter_name";
    public const string EntryPointsKey = Prefix + "entry_points";
    public const string OwnershipGuardsKey = Prefix + "ownership_guards";
    public const string IncludeTestsKey = Prefix + "include_tests";
    public const string PlatformRolesKey = Prefix + "platform_roles";
    public const string PlatformPoliciesKey = Prefix + "platform_policies";
    public const string TenantClaimsKey = Prefix + "tenant_claims";

    private static readonly string[] AllKeys =
    [
        TenantKeyKey, TenantRootKey, OwnedMarkersKey, ContextTypeKey, ContextMemberKey,
        BypassAttributeKey, QueryFiltersKey, BypassMethodsKey, TenantFilterNameKey, EntryPointsKey, OwnershipGuardsKey, IncludeTestsKey,
        PlatformRolesKey, PlatformPoliciesKey, TenantClaimsKey,
    ];

    /// <summary>
    /// Role names that, in the applications this package is written for, only the platform's operators hold: the
    /// "super admin" of every spelling, and admin roles named after the platform, the system, the host (ABP, Oqtane)
    /// or the whole installation. Names that a tenant's own staff commonly hold (<c>Admin</c>, <c>Administrator</c>,
    /// <c>Owner</c>, <c>Manager</c>, <c>SiteAdmin</c>, <c>Host</c>) are left out on purpose: wrongly treating a tenant
    /// role as a platform role would hide real leaks, while a missing platform role only leaves a finding to justify.
    /// Matched ignoring case and the separators space, <c>_</c>, <c>-</c> and <c>.</c>.
    /// </summary>
    public static readonly ImmutableArray<string> DefaultPlatformRoles = ImmutableArray.Create(
        "SuperAdmin", "SuperAdministrator", "SuperUser",
        "PlatformAdmin", "PlatformAdministrator", "PlatformOperator", "PlatformOwner",
        "SystemAdmin", "SystemAdministrator", "SysAdmin",
        "GlobalAdmin", "GlobalAdministrator",
        "HostAdmin", "HostAdministrator");

    public static readonly TenantOptions Default = new(
        tenantKeys: ImmutableArray.Create("CompanyId", "TenantId"),
        tenantRoots: ImmutableArray.Create("Company", "Tenant"),
        ownedMarkers: ImmutableArray<string>.Empty,
        contextTypes: ImmutableArray.Create("ICompanyContext", "ITenantContext"),
        contextMember: null,
        bypassAttribute: "CrossTenant",
        queryFilters: QueryFilterMode.Detect,
        bypassMethods: ImmutableArray<string>.Empty,
        tenantFilterName: null,
        entryPoints: ImmutableArray<string>.Empty,
        ownershipGuards: ImmutableArray<string>.Empty,
        includeTests: false,
        platformRoles: DefaultPlatformRoles,
        platformPolicies: null,
        tenantClaims: DefaultTenantClaims(ImmutableArray.Create("CompanyId", "TenantId"), ImmutableArray.Create("Company", "Tenant")),
        invalid: ImmutableArray<InvalidOption>.Empty);

    private TenantOptions(
        ImmutableArray<string> tenantKeys,
        ImmutableArray<string> tenantRoots,
        ImmutableArray<string> ownedMarkers,
        ImmutableArray<string> contextTypes,
        string? contextMember,
        string bypassAttribute,
        QueryFilterMode queryFilters,
        ImmutableArray<string> bypassMethods,
        string? tenantFilterName,
        ImmutableArray<string> entryPoints,
        ImmutableArray<string> ownershipGuards,
        bool includeTests,
        ImmutableArray<string> platformRoles,
        ImmutableArray<string>? platformPolicies,
        ImmutableArray<string> tenantClaims,
        ImmutableArray<InvalidOption> invalid)
    {
        TenantKeys = tenantKeys;
        TenantRoots = tenantRoots;
        OwnedMarkers = ownedMarkers;
        ContextTypes = contextTypes;
        ContextMember = contextMember;
        BypassAttribute = bypassAttribute;
        QueryFilters = queryFilters;
        BypassMethods = bypassMethods;
        TenantFilterName = tenantFilterName;
        EntryPoints = entryPoints;
        OwnershipGuards = ownershipGuards;
        IncludeTests = includeTests;
        PlatformRoles = platformRoles;
        PlatformPolicies = platformPolicies;
        TenantClaims = tenantClaims;
        Invalid = invalid;
        BypassMethodNames = ImmutableHashSet.CreateRange(StringComparer.Ordinal, MemberNames(bypassMethods));
    }

    /// <summary>Property names that hold the tenant key (<c>CompanyId</c>, <c>TenantId</c>).</summary>
    public ImmutableArray<string> TenantKeys { get; }

    /// <summary>Simple or fully qualified names of the entity types that are tenants.</summary>
    public ImmutableArray<string> TenantRoots { get; }

    /// <summary>Interfaces or attributes (simple or fully qualified names) that make a type tenant-owned.</summary>
    public ImmutableArray<string> OwnedMarkers { get; }

    /// <summary>Candidate names of the company context type, in order of preference.</summary>
    public ImmutableArray<string> ContextTypes { get; }

    /// <summary>The context member that yields the current tenant key; null: the member named like the tenant key.</summary>
    public string? ContextMember { get; }

    /// <summary>Name of the attribute that marks deliberate cross-tenant code, without the <c>Attribute</c> suffix.</summary>
    public string BypassAttribute { get; }

    public QueryFilterMode QueryFilters { get; }

    /// <summary>Methods that act like IgnoreQueryFilters: <c>Name</c> or <c>Type.Name</c>.</summary>
    public ImmutableArray<string> BypassMethods { get; }

    /// <summary>The last segment of each <see cref="BypassMethods"/> entry: the cheap first check on a call site.</summary>
    public ImmutableHashSet<string> BypassMethodNames { get; }

    /// <summary>EF Core 10 named filters: the name of the tenant filter.</summary>
    public string? TenantFilterName { get; }

    /// <summary>
    /// Extra request entry points besides controllers and minimal-API handlers: base types, interfaces or attributes
    /// (simple or fully qualified names) whose public methods receive untrusted input, e.g. assistant tool handlers.
    /// </summary>
    public ImmutableArray<string> EntryPoints { get; }

    /// <summary>Methods (<c>Name</c> or <c>Type.Name</c>) that check an entity belongs to the current tenant, e.g. <c>EnsureOwned</c>.</summary>
    public ImmutableArray<string> OwnershipGuards { get; }

    /// <summary>Whether test projects (those referencing xUnit, NUnit, MSTest or TUnit) are analyzed too.</summary>
    public bool IncludeTests { get; }

    /// <summary>Roles only platform operators hold: code only they can reach is justified cross-tenant code.</summary>
    public ImmutableArray<string> PlatformRoles { get; }

    /// <summary>
    /// Policies only platform operators pass; null (the default): a policy whose name contains a platform role
    /// (<c>SuperAdminOnly</c>, <c>RequirePlatformAdmin</c>).
    /// </summary>
    public ImmutableArray<string>? PlatformPolicies { get; }

    /// <summary>Claim types that hold the caller's tenant: a value read from one is the context.</summary>
    public ImmutableArray<string> TenantClaims { get; }

    public ImmutableArray<InvalidOption> Invalid { get; }

    public static TenantOptions Read(AnalyzerConfigOptionsProvider provider, Compilation compilation)
    {
        var raw = CollectRawValues(provider, compilation);
        if (raw.Count == 0)
        {
            return Default;
        }

        var invalid = ImmutableArray.CreateBuilder<InvalidOption>();
        var d = Default;
        var tenantKeys = ReadNameList(raw, TenantKeyKey, d.TenantKeys, allowDots: false, allowEmpty: false, invalid);
        var tenantRoots = ReadNameList(raw, TenantRootKey, d.TenantRoots, allowDots: true, allowEmpty: true, invalid);
        return new TenantOptions(
            tenantKeys: tenantKeys,
            tenantRoots: tenantRoots,
            ownedMarkers: ReadNameList(raw, OwnedMarkersKey, d.OwnedMarkers, allowDots: true, allowEmpty: true, invalid),
            contextTypes: ReadNameList(raw, ContextTypeKey, d.ContextTypes, allowDots: true, allowEmpty: false, invalid),
            contextMember: ReadSingleName(raw, ContextMemberKey, d.ContextMember, allowDots: false, invalid),
            bypassAttribute: StripAttributeSuffix(ReadSingleName(raw, BypassAttributeKey, d.BypassAttribute, allowDots: true, invalid) ?? d.BypassAttribute),
            queryFilters: ReadQueryFilterMode(raw, invalid),
            bypassMethods: ReadNameList(raw, BypassMethodsKey, d.BypassMethods, allowDots: true, allowEmpty: true, invalid),
            tenantFilterName: ReadFilterName(raw, invalid),
            entryPoints: ReadNameList(raw, EntryPointsKey, d.EntryPoints, allowDots: true, allowEmpty: true, invalid),
            ownershipGuards: ReadNameList(raw, OwnershipGuardsKey, d.OwnershipGuards, allowDots: true, allowEmpty: true, invalid),
            includeTests: ReadBoolean(raw, IncludeTestsKey, d.IncludeTests, invalid),
            platformRoles: ReadLabelList(raw, PlatformRolesKey, d.PlatformRoles, invalid),
            platformPolicies: raw.ContainsKey(PlatformPoliciesKey) ? ReadLabelList(raw, PlatformPoliciesKey, ImmutableArray<string>.Empty, invalid) : d.PlatformPolicies,
            tenantClaims: ReadLabelList(raw, TenantClaimsKey, DefaultTenantClaims(tenantKeys, tenantRoots), invalid),
            invalid: invalid.ToImmutable());
    }

    /// <summary>
    /// The <c>.globalconfig</c> values, then those of the <c>.editorconfig</c> sections that apply to the project's first
    /// C# file. Reading one file's options instead of every file's keeps this O(1): it runs on every IDE request.
    /// </summary>
    private static Dictionary<string, string> CollectRawValues(AnalyzerConfigOptionsProvider provider, Compilation compilation)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in AllKeys)
        {
            if (provider.GlobalOptions.TryGetValue(key, out var value))
            {
                raw[key] = value;
            }
        }

        if (raw.Count == AllKeys.Length)
        {
            return raw;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            var treeOptions = provider.GetOptions(tree);
            foreach (var key in AllKeys)
            {
                if (!raw.ContainsKey(key) && treeOptions.TryGetValue(key, out var value))
                {
                    raw[key] = value;
                }
            }

            break;
        }

        return raw;
    }

    private static ImmutableArray<string> ReadNameList(
        Dictionary<string, string> raw, string key, ImmutableArray<string> fallback, bool allowDots, bool allowEmpty, ImmutableArray<InvalidOption>.Builder invalid)
    {
        if (!raw.TryGetValue(key, out var value))
        {
            return fallback;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in value.Split(','))
        {
            var name = part.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (!IsName(name, allowDots))
            {
                invalid.Add(new InvalidOption(key, value, $"'{name}' is not a {(allowDots ? "type or member name" : "property name")}"));
                return fallback;
            }

            builder.Add(name);
        }

        if (builder.Count == 0 && !allowEmpty)
        {
            invalid.Add(new InvalidOption(key, value, "at least one name is required"));
            return fallback;
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// The claim types that hold the caller's tenant when none are configured: the tenant-key names and the tenant-root
    /// names (<c>CompanyId</c>, <c>TenantId</c>, <c>Company</c>, <c>Tenant</c>), which, matched loosely, cover the
    /// common spellings <c>tenant_id</c>, <c>tenantid</c>, <c>company-id</c> and URI claim types ending in one.
    /// </summary>
    private static ImmutableArray<string> DefaultTenantClaims(ImmutableArray<string> tenantKeys, ImmutableArray<string> tenantRoots)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        builder.AddRange(tenantKeys);
        foreach (var root in tenantRoots)
        {
            builder.Add(root.Substring(root.LastIndexOf('.') + 1));
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// A list of role, policy or claim-type names: free text as applications spell them (<c>Super Admin</c>,
    /// <c>super_admin</c>, <c>http://schemas.example.com/claims/tenant</c>), without quotes, brackets or other
    /// punctuation that only a typo puts there. An empty list is allowed: it turns the concept off.
    /// </summary>
    private static ImmutableArray<string> ReadLabelList(Dictionary<string, string> raw, string key, ImmutableArray<string> fallback, ImmutableArray<InvalidOption>.Builder invalid)
    {
        if (!raw.TryGetValue(key, out var value))
        {
            return fallback;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in value.Split(','))
        {
            var label = part.Trim();
            if (label.Length == 0)
            {
                continue;
            }

            foreach (var c in label)
            {
                if (!(char.IsLetterOrDigit(c) || c is ' ' or '_' or '-' or '.' or ':' or '/' or '#'))
                {
                    invalid.Add(new InvalidOption(key, value, $"'{label}' is not a role, policy or claim name"));
                    return fallback;
                }
            }

            builder.Add(label);
        }

        return builder.ToImmutable();
    }

    private static string? ReadSingleName(Dictionary<string, string> raw, string key, string? fallback, bool allowDots, ImmutableArray<InvalidOption>.Builder invalid)
    {
        if (!raw.TryGetValue(key, out var value))
        {
            return fallback;
        }

        var name = value.Trim();
        if (!IsName(name, allowDots))
        {
            invalid.Add(new InvalidOption(key, value, "expected a single name"));
            return fallback;
        }

        return name;
    }

    private static QueryFilterMode ReadQueryFilterMode(Dictionary<string, string> raw, ImmutableArray<InvalidOption>.Builder invalid)
    {
        if (!raw.TryGetValue(QueryFiltersKey, out var value))
        {
            return Default.QueryFilters;
        }

        switch (value.Trim().ToLowerInvariant())
        {
            case "detect": return QueryFilterMode.Detect;
            case "all": return QueryFilterMode.All;
            case "none": return QueryFilterMode.None;
            default:
                invalid.Add(new InvalidOption(QueryFiltersKey, value, "expected detect, all or none"));
                return Default.QueryFilters;
        }
    }

    private static bool ReadBoolean(Dictionary<string, string> raw, string key, bool fallback, ImmutableArray<InvalidOption>.Builder invalid)
    {
        if (!raw.TryGetValue(key, out var value))
        {
            return fallback;
        }

        switch (value.Trim().ToLowerInvariant())
        {
            case "true": return true;
            case "false": return false;
            default:
                invalid.Add(new InvalidOption(key, value, "expected true or false"));
                return fallback;
        }
    }

    private static string? ReadFilterName(Dictionary<string, string> raw, ImmutableArray<InvalidOption>.Builder invalid)
    {
        if (!raw.TryGetValue(TenantFilterNameKey, out var value))
        {
            return Default.TenantFilterName;
        }

        var name = value.Trim();
        if (name.Length == 0 || name.IndexOf(',') >= 0)
        {
            invalid.Add(new InvalidOption(TenantFilterNameKey, value, "expected one non-empty filter name"));
            return Default.TenantFilterName;
        }

        return name;
    }

    private static bool IsName(string name, bool allowDots)
    {
        if (name.Length == 0)
        {
            return false;
        }

        var segmentStart = true;
        foreach (var c in name)
        {
            if (c == '.' && allowDots && !segmentStart)
            {
                segmentStart = true;
                continue;
            }

            var valid = segmentStart ? (char.IsLetter(c) || c == '_') : (char.IsLetterOrDigit(c) || c == '_');
            if (!valid)
            {
                return false;
            }

            segmentStart = false;
        }

        return !segmentStart;
    }

    private static string StripAttributeSuffix(string name) =>
        name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length
            ? name.Substring(0, name.Length - "Attribute".Length)
            : name;

    private static IEnumerable<string> MemberNames(ImmutableArray<string> qualifiedNames)
    {
        foreach (var name in qualifiedNames)
        {
            var dot = name.LastIndexOf('.');
            yield return dot < 0 ? name : name.Substring(dot + 1);
        }
    }
}
