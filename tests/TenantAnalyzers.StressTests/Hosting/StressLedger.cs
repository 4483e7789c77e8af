using System.Text;

namespace TenantAnalyzers.StressTests.Hosting;

/// <summary>
/// What a stress run measured, and its verdict. Every piece of work is recorded with the source it was derived from and
/// a way to run it again on any text. A throw or a hang fails at once; a piece that was slow (over
/// <see cref="StressSettings.HangBound"/>, or over <see cref="StressSettings.MedianFactor"/> times its source's median
/// and <see cref="StressSettings.RatioFloor"/>; time is <see cref="Measured.Time"/>) is only a suspect: after the run,
/// with nothing else running, it is measured again <see cref="StressSettings.Remeasurements"/> times and fails only when
/// its least time is still over the bound. Each failure's input is then minimised by deleting lines while it still fails.
/// </summary>
public sealed class StressLedger
{
    private const int MinimisationBudget = 150;

    private readonly List<Entry> _entries = new();

    public int Count => _entries.Count;

    public TimeSpan TotalCpu => TimeSpan.FromTicks(_entries.Sum(e => e.Measured.Cpu.Ticks));

    /// <summary>The judged time of all the work: for analyzers their own time, for the rest processor time.</summary>
    public TimeSpan TotalTime => TimeSpan.FromTicks(_entries.Sum(e => e.Measured.Time.Ticks));

    /// <param name="source">The source the input was derived from: its median is the yardstick.</param>
    /// <param name="subject">What ran (an analyzer, a code fix provider).</param>
    /// <param name="input">The text it ran on.</param>
    /// <param name="rerun">Runs the same work on another text (for re-measuring and minimising).</param>
    /// <param name="step">Which part of the subject's work this is, for messages (a code fix's action).</param>
    /// <param name="yardstick">The time to compare with instead of the source's median (the options run: the app's own options).</param>
    /// <param name="factor">How many times the yardstick is too slow, instead of <see cref="StressSettings.MedianFactor"/>.</param>
    public void Record(
        string source,
        string subject,
        string input,
        Measured measured,
        Func<string, Measured> rerun,
        string? step = null,
        TimeSpan? yardstick = null,
        double factor = StressSettings.MedianFactor) =>
        _entries.Add(new Entry(source, subject, step, input, measured, rerun, yardstick, factor));

    public IReadOnlyList<string> Judge()
    {
        var failures = new List<string>();
        var medians = _entries
            .GroupBy(e => (e.Source, e.Subject))
            .ToDictionary(g => g.Key, g => Median(g.Select(e => e.Measured.Time)));

        foreach (var entry in _entries)
        {
            var median = entry.Yardstick ?? medians[(entry.Source, entry.Subject)];
            var bound = Bound(median, entry.Factor);
            switch (entry.Measured.Outcome)
            {
                case Outcome.Threw:
                    failures.Add(Describe(entry, "threw", entry.Measured, Minimise(entry, m => m.Outcome == Outcome.Threw)));
                    continue;
                case Outcome.Hung or Outcome.IgnoredCancellation:
                    failures.Add(Describe(entry, entry.Measured.Outcome == Outcome.Hung ? "hung" : "hung and ignored cancellation", entry.Measured, null));
                    continue;
            }

            if (entry.Measured.Time <= bound)
            {
                continue;
            }

            var again = Remeasure(entry);
            if (again.Outcome != Outcome.Completed || again.Time > bound)
            {
                var reason = again.Time > StressSettings.HangBound
                    ? $"took over {StressSettings.HangBound.TotalSeconds} s"
                    : $"took {again.Time.TotalMilliseconds:F0} ms, over {entry.Factor} times {(entry.Yardstick is null ? "its source's median" : "its yardstick")} ({median.TotalMilliseconds:F1} ms)";
                failures.Add(Describe(entry, reason, again, Minimise(entry, m => m.Outcome != Outcome.Completed || m.Time > bound)));
            }
        }

        return failures;
    }

    /// <summary>Judged time per piece of work: median, 99th percentile and maximum, for the summary.</summary>
    public string Percentiles()
    {
        var sorted = _entries.Select(e => e.Measured.Time.TotalMilliseconds).Order().ToList();
        if (sorted.Count == 0)
        {
            return "nothing measured";
        }

        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
        return $"median {At(0.5):F1} ms, p99 {At(0.99):F1} ms, max {sorted[^1]:F0} ms";
    }

    /// <summary>The slowest pieces of work, for the summary: what to look at first when the figures move.</summary>
    public string Slowest(int count) => string.Join("; ", _entries
        .OrderByDescending(e => e.Measured.Time)
        .Take(count)
        .Select(e => $"{e.Subject} {e.Measured.Time.TotalMilliseconds:F0} ms on {e.Source}" + (e.Yardstick is null ? string.Empty : $" ({FirstLine(e.Input)})")
            + (e.Measured.Time > StressSettings.RatioFloor ? $" (again alone: {Remeasure(e).Time.TotalMilliseconds:F0} ms)" : string.Empty)));

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0];
        return line.Length > 80 ? line[..80] + "..." : line;
    }

    private static TimeSpan Bound(TimeSpan median, double factor)
    {
        var ratio = median * factor;
        var bound = ratio > StressSettings.RatioFloor ? ratio : StressSettings.RatioFloor;
        return bound < StressSettings.HangBound ? bound : StressSettings.HangBound;
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>The least processor time of a few runs, with nothing else running: a loaded machine slows no one twice the same way.</summary>
    private static Measured Remeasure(Entry entry)
    {
        Measured? best = null;
        for (var i = 0; i < StressSettings.Remeasurements; i++)
        {
            var measured = entry.Rerun(entry.Input);
            if (measured.Outcome != Outcome.Completed)
            {
                return measured;
            }

            if (best is null || measured.Time < best.Time)
            {
                best = measured;
            }
        }

        return best!;
    }

    /// <summary>Deletes lines, halves first, while the work still fails; gives up after a fixed number of runs.</summary>
    private static string Minimise(Entry entry, Func<Measured, bool> fails)
    {
        var lines = entry.Input.Split('\n').ToList();
        var runs = 0;
        for (var chunk = Math.Max(lines.Count / 2, 1); chunk >= 1 && runs < MinimisationBudget; chunk /= 2)
        {
            for (var start = 0; start < lines.Count && runs < MinimisationBudget;)
            {
                var candidate = lines.Take(start).Concat(lines.Skip(start + chunk)).ToList();
                runs++;
                if (candidate.Count > 0 && fails(entry.Rerun(string.Join('\n', candidate))))
                {
                    lines = candidate;
                }
                else
                {
                    start += chunk;
                }
            }
        }

        return string.Join('\n', lines);
    }

    private static string Describe(Entry entry, string what, Measured measured, string? minimised)
    {
        var text = new StringBuilder()
            .AppendLine($"{entry.Subject}{(entry.Step is null ? string.Empty : $" ({entry.Step})")} {what} on a variant of {entry.Source}: {measured}")
            .AppendLine("--- input ---")
            .AppendLine(entry.Input);
        if (minimised is not null && minimised != entry.Input)
        {
            text.AppendLine("--- minimised ---").AppendLine(minimised);
        }

        return text.ToString();
    }

    private sealed record Entry(string Source, string Subject, string? Step, string Input, Measured Measured, Func<string, Measured> Rerun, TimeSpan? Yardstick, double Factor);
}
