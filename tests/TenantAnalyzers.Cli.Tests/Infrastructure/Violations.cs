namespace TenantAnalyzers.Cli.Tests.Infrastructure;

/// <summary>Edits the tests make to the legacy sample copy.</summary>
public static class Violations
{
    /// <summary>A new TI0001: a count of every company's users, added to the sign-in service.</summary>
    public const string NewBypassMember = """
            public Task<int> CountEveryCompanysUsersAsync(CancellationToken cancellationToken) =>
                _db.Users.IgnoreQueryFilters().CountAsync(cancellationToken);
        """;

    public const string File = "Services/LoginService.cs";

    /// <summary>An unrelated edit above ten findings: comment lines and a blank line inserted before the first bypass of the dashboard.</summary>
    public static void InsertUnrelatedLines(SampleCopy copy) =>
        copy.InsertAbove("Services/DashboardMetricsService.cs", "IgnoreQueryFilters", "        // Figures are cached by the caller for a minute.", "        // (an unrelated edit: these lines move every finding below them)", "");
}
