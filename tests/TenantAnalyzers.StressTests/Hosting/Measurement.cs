using System.Diagnostics;

namespace TenantAnalyzers.StressTests.Hosting;

/// <summary>How one piece of work ended.</summary>
public enum Outcome
{
    Completed,

    /// <summary>It threw (for analyzers: the host's exception callback was called).</summary>
    Threw,

    /// <summary>Still running at <see cref="StressSettings.CancelBound"/>: cancelled, and it then stopped.</summary>
    Hung,

    /// <summary>Still running after it was cancelled and given more time: it does not observe cancellation.</summary>
    IgnoredCancellation,
}

/// <summary>One measured run: wall time, the process's processor time over it, and how it ended.</summary>
public sealed record Measured(TimeSpan Wall, TimeSpan Cpu, Outcome Outcome, IReadOnlyList<Exception> Exceptions)
{
    public override string ToString() =>
        $"{Outcome}, {Cpu.TotalMilliseconds:F0} ms processor time, {Wall.TotalMilliseconds:F0} ms wall" +
        (Exceptions.Count == 0 ? string.Empty : ": " + Exceptions[0]);
}

/// <summary>
/// Runs work under a generous cancellation bound and measures it. Processor time is the process's: the suite runs its
/// work one piece at a time (test collections are not parallel), so it is this work's time whatever else the machine
/// is doing, where wall time on a loaded 2-core machine can be several times longer.
/// </summary>
public static class Measurement
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public static Measured Run(Func<CancellationToken, Task<IReadOnlyList<Exception>>> work) => Run(work, StressSettings.CancelBound);

    public static Measured Run(Func<CancellationToken, Task<IReadOnlyList<Exception>>> work, TimeSpan cancelBound)
    {
        using var cancellation = new CancellationTokenSource();
        var cpu = Environment.CpuUsage.TotalTime;
        var wall = Stopwatch.StartNew();
        var task = Task.Run(() => work(cancellation.Token));
        if (!WaitQuietly(task, cancelBound))
        {
            cancellation.Cancel();
            var stopped = WaitQuietly(task, Grace);
            return new Measured(wall.Elapsed, Environment.CpuUsage.TotalTime - cpu, stopped ? Outcome.Hung : Outcome.IgnoredCancellation, []);
        }

        var elapsed = wall.Elapsed;
        var used = Environment.CpuUsage.TotalTime - cpu;
        if (task.IsFaulted)
        {
            return new Measured(elapsed, used, Outcome.Threw, task.Exception!.InnerExceptions);
        }

        var exceptions = task.Result;
        return new Measured(elapsed, used, exceptions.Count == 0 ? Outcome.Completed : Outcome.Threw, exceptions);
    }

    private static bool WaitQuietly(Task task, TimeSpan timeout)
    {
        try
        {
            return task.Wait(timeout);
        }
        catch (AggregateException)
        {
            return true;
        }
    }
}
