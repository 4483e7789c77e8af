namespace TenantAnalyzers.Cli.CommandLine;

/// <summary>What the process exit code says: the contract a CI step relies on.</summary>
internal static class ExitCodes
{
    /// <summary>Done; with a baseline, nothing new.</summary>
    public const int Success = 0;

    /// <summary><c>scan --baseline</c> found findings the baseline does not list.</summary>
    public const int NewFindings = 1;

    /// <summary>The command could not run as asked (usage, missing path, unloadable solution, corrupt baseline, unknown rule, dirty files); nothing was written.</summary>
    public const int Error = 2;
}
