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

    public static readonly DiagnosticDescriptor UnjustifiedCrossTenant = Create(
        RuleIds.UnjustifiedCrossTenant,
        "Cross-tenant bypass without a justification",
        "'{0}' on '{1}' has {2}: state why this code may read or write other tenants' data",
        "The cross-tenant attribute silences the tenant isolation rules; it must carry a real, auditable justification, not an empty string or a placeholder.",
        "ti0100-cross-tenant-bypass-without-a-justification");

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
