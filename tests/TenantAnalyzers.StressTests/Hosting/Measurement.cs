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

/// <summary>What a piece of work reports: the exceptions it caught, and its own time when the host can tell it apart.</summary>
public sealed record WorkReport(IReadOnlyList<Exception> Exceptions, TimeSpan? OwnTime = null);

/// <summary>
/// One measured run: wall time, the process's processor time over it, the work's own time where the host measures it
/// (an analyzer's execution time, without the compiler's), and how it ended.
/// </summary>
public sealed record Measured(TimeSpan Wall, TimeSpan Cpu, TimeSpan? OwnTime, Outcome Outcome, IReadOnlyList<Exception> Exceptions)
{
    /// <summary>The time judged: the work's own time when known, else the processor time.</summary>
    public TimeSpan Time => OwnTime ?? Cpu;

    public override string ToString() =>
        $"{Outcome}, " + (OwnTime is { } own ? $"{own.TotalMilliseconds:F0} ms of its own, " : string.Empty) +
        $"{Cpu.TotalMilliseconds:F0} ms processor time, {Wall.TotalMilliseconds:F0} ms wall" +
        (Exceptions.Count == 0 ? string.Empty : ": " + Exceptions[0]);
}

/// <summary>
/// Runs work under a generous cancellation bound and measures it. Processor time is the process's: the suite runs its
/// work one piece at a time (test collections are not parallel), so it is this work's time whatever else the machine
/// is doing, where wall time on a loaded 2-core machine can be several times longer. An analyzer's own time comes from
/// the host's telemetry: the processor time of an analysis is mostly the compiler binding the file, which the driver
/// does for every analyzer and which no analyzer can make shorter.
/// </summary>
public static class Measurement
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public static Measured Run(Func<CancellationToken, Task<WorkReport>> work) => Run(work, StressSettings.CancelBound);

    public static Measured Run(Func<CancellationToken, Task<WorkReport>> work, TimeSpan cancelBound)
    {
        using var cancellation = new CancellationTokenSource();
        var cpu = Environment.CpuUsage.TotalTime;
        var wall = Stopwatch.StartNew();
        var task = Task.Run(() => work(cancellation.Token));
        if (!WaitQuietly(task, cancelBound))
        {
            cancellation.Cancel();
            var stopped = WaitQuietly(task, Grace);
            return new Measured(wall.Elapsed, Environment.CpuUsage.TotalTime - cpu, null, stopped ? Outcome.Hung : Outcome.IgnoredCancellation, []);
        }

        var elapsed = wall.Elapsed;
        var used = Environment.CpuUsage.TotalTime - cpu;
        if (task.IsFaulted)
        {
            return new Measured(elapsed, used, null, Outcome.Threw, task.Exception!.InnerExceptions);
        }

        var report = task.Result;
        return new Measured(elapsed, used, report.OwnTime, report.Exceptions.Count == 0 ? Outcome.Completed : Outcome.Threw, report.Exceptions);
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
