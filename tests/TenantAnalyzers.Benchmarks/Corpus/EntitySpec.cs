namespace TenantAnalyzers.Benchmarks.Corpus;

/// <summary>
/// One tenant-owned entity of the generated booking domain: its class name, its DbSet, the navigation the
/// generated queries <c>Include</c>, and whether its tenant filter is configured in OnModelCreating or in an
/// <c>IEntityTypeConfiguration&lt;T&gt;</c> of its own (both shapes occur in real code bases).
/// </summary>
public sealed record EntitySpec(string Name, string SetName, string Navigation, bool ConfiguredSeparately)
{
    /// <summary>The hand-written core of the audited platform's model; Company is the tenant root.</summary>
    public static IReadOnlyList<EntitySpec> Core { get; } =
    [
        new("Branch", "Branches", "Company", false),
        new("Staff", "Staff", "Branch", false),
        new("Service", "Services", "Branch", false),
        new("Customer", "Customers", "Branch", false),
        new("Appointment", "Appointments", "Branch", false),
        new("Call", "Calls", "Branch", false),
        new("User", "Users", "Branch", false),
        new("ApiKey", "ApiKeys", "Branch", false),
    ];

    /// <summary>Catalogue entities that make the model grow with the code base, one file each with its configuration.</summary>
    public static EntitySpec Catalogue(int index) => new($"Resource{index:D3}", $"Resource{index:D3}s", "Branch", true);
}
