using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Tests.Infrastructure;

/// <summary>
/// The test assembly's entry point (the test SDK's generated one is turned off): with <c>resolve-references</c> it
/// resolves every reference set of <see cref="TestReferences"/> and exits, so that the packages are downloaded and
/// extracted by a process other than the one that runs the tests (see <see cref="TestReferences"/> for why).
/// </summary>
public static class WarmUpProgram
{
    private const string Verb = "resolve-references";

    internal static bool IsWarmUpProcess { get; private set; }

    public static int Main(string[] args)
    {
        if (args is not [Verb])
        {
            Console.Error.WriteLine($"usage: dotnet {Path.GetFileName(typeof(WarmUpProgram).Assembly.Location)} {Verb}");
            return 2;
        }

        IsWarmUpProcess = true;
        foreach (var set in TestReferences.All)
        {
            set.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult();
        }

        return 0;
    }

    /// <summary>Runs this assembly with <c>resolve-references</c> and waits; a few seconds when every package is there.</summary>
    internal static void RunInChildProcess()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(WarmUpProgram).Assembly.Location, Verb },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the reference warm-up process");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the reference warm-up process did not finish within 10 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the reference warm-up process failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        }
    }
}
