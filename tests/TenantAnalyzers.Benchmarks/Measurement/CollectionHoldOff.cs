using System.Diagnostics;
using System.Reflection;

namespace TenantAnalyzers.Benchmarks.Measurement;

/// <summary>
/// Keeps garbage collections out of the measured passes by giving generation 0 a budget larger than a pass allocates.
/// </summary>
/// <remarks>
/// <para>
/// Analyzer telemetry is a stopwatch around each callback. A collection suspends every thread, so one that starts while
/// a callback runs is charged to that callback, whoever allocated: in a whole-compilation pass the compiler allocates
/// nearly all of 1.6 GB (2,000 files) and starts the collections, and a pass's allocations repeat exactly, so a pause of
/// 20–50 ms landed on the same analyzer at the same size in every repetition and the median kept it (TI0001 54 ms at
/// 2,000 files against 16 at 1,000 and 47 at 4,000). With the collections held off, each set's figure is the work of its
/// callbacks, allocation included; what an analyzer allocates is reported per document instead of as someone's pause.
/// </para>
/// <para>
/// The budget is the runtime's <c>GCgen0size</c> knob, which it reads from the environment only (a
/// <c>runtimeconfig.json</c> property is ignored), so the harness starts itself again with it set. A
/// <c>GC.TryStartNoGCRegion</c> per pass was tried first and measured worse: every set ran about twice as slow inside
/// one (ours 205 ms at 2,000 files, banned-API 900 ms), so it moved the figures instead of steadying them.
/// </para>
/// </remarks>
public static class CollectionHoldOff
{
    private const string Gen0BudgetVariable = "DOTNET_GCgen0size";

    /// <summary>The generation-0 budget in force, or null when the runtime chooses its own.</summary>
    public static long? Gen0BudgetBytes =>
        Environment.GetEnvironmentVariable(Gen0BudgetVariable) is { } hex
        && long.TryParse(hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex, System.Globalization.NumberStyles.HexNumber, null, out var bytes)
            ? bytes
            : null;

    /// <summary>How this process collects garbage, for the report.</summary>
    public static string Describe() => Gen0BudgetBytes is { } bytes
        ? $"collections held off during measured passes (generation-0 budget {bytes / (1024 * 1024 * 1024.0):0.#} GiB)"
        : "collections as the runtime schedules them";

    /// <summary>
    /// Runs the harness again in a child process with the budget set, and returns its exit code; null when this
    /// process already has the budget (it is that child) or when collections are not to be held off.
    /// </summary>
    public static int? RunWithBudget(string[] args, bool holdOff, TextWriter log)
    {
        if (!holdOff || Gen0BudgetBytes is not null)
        {
            return null;
        }

        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(start.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Started as `dotnet TenantAnalyzers.Benchmarks.dll`, not through the apphost.
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var budget = BudgetBytes();
        start.Environment[Gen0BudgetVariable] = "0x" + budget.ToString("X");
        log.WriteLine($"restarting with {Gen0BudgetVariable}={budget / (1024 * 1024)} MiB so that no collection lands in a measured pass");
        using var child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }

    /// <summary>Collections (of any generation) so far; a measured pass reports how many it saw.</summary>
    public static int Count() => GC.CollectionCount(0);

    /// <summary>
    /// Larger than the biggest pass allocates (3.9 GB for banned-API on 4,000 files), within a quarter of the memory
    /// the runtime may use, so that a smaller machine still runs the harness (with some collections, which it reports).
    /// </summary>
    private static long BudgetBytes()
    {
        const long wanted = 6L * 1024 * 1024 * 1024;
        var quarter = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4;
        return Math.Max(256L * 1024 * 1024, Math.Min(wanted, quarter));
    }
}
