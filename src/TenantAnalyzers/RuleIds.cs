namespace TenantAnalyzers;

/// <summary>Every diagnostic id the package reports. Nothing else spells an id.</summary>
internal static class RuleIds
{
    public const string FilterBypass = "TI0001";
    public const string ArbitraryTenantFallback = "TI0002";
    public const string MissingOwnershipCheck = "TI0003";
    public const string TenantKeyNotForced = "TI0004";
    public const string TenantIdFromInput = "TI0005";
    public const string UnjustifiedCrossTenant = "TI0100";
    public const string JustifiedCrossTenant = "TI0200";
    public const string InvalidOption = "TI9000";

    // Suppression ids of the baseline suppressor, one per rule it covers (what a suppressed finding's SARIF entry names).
    public const string FilterBypassBaselined = "TIB0001";
    public const string ArbitraryTenantFallbackBaselined = "TIB0002";
    public const string MissingOwnershipCheckBaselined = "TIB0003";
    public const string TenantKeyNotForcedBaselined = "TIB0004";
    public const string TenantIdFromInputBaselined = "TIB0005";
}
