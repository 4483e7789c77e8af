using System.Diagnostics;
using System.Text;

namespace TenantAnalyzers.Cli.Tests.Infrastructure;

/// <summary>Runs a child process (dotnet build, git, chromium) with a generous bound; a hang fails the test instead of the run.</summary>
public static class Processes
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string workingDirectory, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No build server outlives the test (other engineers' builds share the machine), and no prompt waits for input.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {limit}");
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }

    public static Task<(int ExitCode, string Output)> DotnetAsync(string workingDirectory, params string[] arguments) =>
        RunAsync("dotnet", workingDirectory, TimeSpan.FromMinutes(8), arguments);

    public static async Task GitAsync(string workingDirectory, params string[] arguments)
    {
        var (exitCode, output) = await RunAsync("git", workingDirectory, TimeSpan.FromMinutes(2), arguments);
        Assert.True(exitCode == 0, $"git {string.Join(' ', arguments)} failed:\n{output}");
    }
}
