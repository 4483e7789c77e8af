using Microsoft.CodeAnalysis;

namespace TenantAnalyzers;

/// <summary>The descriptor of every rule: title, message, severity and the help link to its section of rules.md.</summary>
internal static class Descriptors
{
    public const string Category = "TenantIsolation";
    private const string HelpBase = "https://github.com/tenant-analyzers/TenantAnalyzers/blob/main/rules.md#";

    public static readonly DiagnosticDescriptor FilterBypass = Create(
        RuleIds.FilterBypass,
        "Tenant query filter bypassed",
        "'{0}' drops the tenant query filter of '{1}' in '{2}': scope the query by the tenant key or justify the bypass",
        "IgnoreQueryFilters (or a configured bypass method) on a query of tenant-filtered data returns every tenant's rows unless the query scopes itself by the tenant key again.",
        "ti0001-tenant-query-filter-bypassed");

    public static readonly DiagnosticDescriptor ArbitraryTenantFallback = Create(
        RuleIds.ArbitraryTenantFallback,
        "Arbitrary tenant fallback",
        "'{0}' picks an arbitrary '{1}' in '{2}': take the company from the company context and fail when it is missing",
        "An unscoped First/Single/Last of a tenant root returns whichever tenant the database lists first, so a request without a company context acts as another company.",
        "ti0002-arbitrary-tenant-fallback");

    public static readonly DiagnosticDescriptor MissingOwnershipCheck = Create(
        RuleIds.MissingOwnershipCheck,
        "Tenant-owned entity loaded without an ownership check",
        "'{0}' loads '{1}' by key in '{2}' without a tenant filter or ownership check: scope the lookup by the tenant key",
        "A tenant-owned row loaded by a guessable key where no tenant filter applies can belong to any tenant (IDOR) unless the query or the code after it checks the tenant key.",
        "ti0003-tenant-owned-entity-loaded-without-an-ownership-check");

    public static readonly DiagnosticDescriptor TenantKeyNotForced = Create(
        RuleIds.TenantKeyNotForced,
        "Tenant-owned entity created without the context's tenant key",
        "New '{0}' reaches '{1}' in '{2}' without its tenant key '{3}' being set: set it from the company context",
        "Every created tenant-owned row must get its tenant key from the authenticated company context; otherwise it is orphaned or owned by whoever the caller says.",
        "ti0004-tenant-owned-entity-created-without-the-contexts-tenant-key");

    public static readonly DiagnosticDescriptor TenantIdFromInput = Create(
        RuleIds.TenantIdFromInput,
        "Tenant id taken from untrusted input",
        "'{0}' in '{1}' takes the tenant id from request input '{2}': use the company context instead",
        "A tenant id that comes from a request parameter or body lets the caller read or write any tenant; the tenant comes only from the authenticated company context.",
        "ti0005-tenant-id-taken-from-untrusted-input");

    public static readonly DiagnosticDescriptor UnjustifiedCrossTenant = Create(
        RuleIds.UnjustifiedCrossTenant,
        "Cross-tenant bypass without a justification",
        "'{0}' on '{1}' has {2}: state why this code may read or write other tenants' data",
        "The cross-tenant attribute silences the tenant isolation rules; it must carry a real, auditable justification, not an empty string or a placeholder.",
        "ti0100-cross-tenant-bypass-without-a-justification");

    /// <summary>
    /// Off by default: a finding of another rule in deliberate cross-tenant code, reported under this id instead so that
    /// reports (the audit CLI, SARIF) can count and list justified bypasses with their reasons. Properties:
    /// <c>rule</c> (the id it stands for), <c>justification</c> (the reason), <c>source</c> (attribute or authorization).
    /// </summary>
    public static readonly DiagnosticDescriptor JustifiedCrossTenant = new(
        RuleIds.JustifiedCrossTenant,
        "Justified cross-tenant access",
        "{0} in '{1}' is justified cross-tenant code ({2}): {3}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: false,
        "Deliberate cross-tenant code with a real justification (the bypass attribute, or authorization that admits only platform operators). Not a problem: reports count these to keep exceptions auditable.",
        HelpBase + "ti0200-justified-cross-tenant-access");

    public static readonly DiagnosticDescriptor InvalidOption = Create(
        RuleIds.InvalidOption,
        "Invalid tenant isolation option",
        "Option '{0}' has an invalid value '{1}': {2}; the default is used",
        "A tenant_isolation.* option in .editorconfig or .globalconfig could not be read; the analyzers fall back to the option's default.",
        "ti9000-invalid-tenant-isolation-option",
        WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(string id, string title, string message, string description, string anchor, params string[] tags) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description, HelpBase + anchor, tags);
}
