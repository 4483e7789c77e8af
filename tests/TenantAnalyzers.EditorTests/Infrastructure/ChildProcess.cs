using System.Diagnostics;
using System.Text;

namespace TenantAnalyzers.EditorTests.Infrastructure;

/// <summary>
/// Runs the commands the test sets its world up with (dotnet tool install, pack, restore, build) and fails with their
/// output when one fails or overruns its bound. Nothing they start outlives them: MSBuild nodes are not reused, the
/// callers turn the compiler server off, and a command that overruns is killed with its whole process tree.
/// </summary>
internal static class ChildProcess
{
    /// <summary>The dotnet that runs the tests (the CLI sets DOTNET_HOST_PATH for its children), else the one on PATH.</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Settings for every process the test starts, the language server included.</summary>
    public static void ApplyQuietEnvironment(ProcessStartInfo start)
    {
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
    }

    public static async Task<string> RunDotnetAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        TimeSpan bound,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        ApplyQuietEnvironment(start);
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        string commandLine = "dotnet " + string.Join(' ', start.ArgumentList);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start `{commandLine}`");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Waits for the exit and the end of the redirected output (which a surviving grandchild holding the pipe would
        // delay: hence no build servers), within the bound.
        using var overrun = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(overrun.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{commandLine}` did not finish within {bound.TotalMinutes:0} min:\n{Text(output)}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{commandLine}` failed with exit code {process.ExitCode}:\n{Text(output)}");
        }

        return Text(output);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
