using Microsoft.Build.Locator;
using TenantAnalyzers.Cli.CommandLine;

namespace TenantAnalyzers.Cli.Tests.Infrastructure;

/// <summary>What one run of tenant-audit printed and returned.</summary>
public sealed record AuditRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs tenant-audit in-process, as its Main does (the SDK's MSBuild registered first), with its output captured.</summary>
public static class TenantAudit
{
    static TenantAudit()
    {
        if (MSBuildLocator.CanRegister)
        {
            MSBuildLocator.RegisterDefaults();
        }
    }

    public static async Task<AuditRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AuditCommandLine.RunAsync(args, output, error, CancellationToken.None);
        return new AuditRun(exitCode, output.ToString(), error.ToString());
    }
}
