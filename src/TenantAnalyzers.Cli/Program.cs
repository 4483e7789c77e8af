using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using TenantAnalyzers.Cli.CommandLine;

namespace TenantAnalyzers.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Before anything touches MSBuild: the workspace's build host uses the SDK this finds.
        if (MSBuildLocator.CanRegister)
        {
            MSBuildLocator.RegisterDefaults();
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await AuditCommandLine.RunAsync(args, Console.Out, Console.Error, cancellation.Token).ConfigureAwait(false);
    }
}
