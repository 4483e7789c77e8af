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

    private static readonly string[] AllKeys =
    [
        TenantKeyKey, TenantRootKey, OwnedMarkersKey, ContextTypeKey, ContextMemberKey,
        BypassAttributeKey, QueryFiltersKey, BypassMethodsKey, TenantFilterNameKey, EntryPointsKey, OwnershipGuardsKey, IncludeTestsKey,
    ];

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
        return new TenantOptions(
            tenantKeys: ReadNameList(raw, TenantKeyKey, d.TenantKeys, allowDots: false, allowEmpty: false, invalid),
            tenantRoots: ReadNameList(raw, TenantRootKey, d.TenantRoots, allowDots: true, allowEmpty: true, invalid),
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
