using System.Diagnostics;
using Xunit.Abstractions;

namespace TenantAnalyzers.EditorTests.Infrastructure;

/// <summary>
/// How long each step of the editor test took, written as the steps finish to the test's output and to the run's
/// console (<see cref="RunLog"/>).
/// </summary>
internal sealed class StepTimings(ITestOutputHelper output, RunLog log)
{
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public async Task<T> MeasureAsync<T>(string step, Func<Task<T>> run)
    {
        var watch = Stopwatch.StartNew();
        T result = await run();
        Record(step, watch.Elapsed);
        return result;
    }

    public async Task MeasureAsync(string step, Func<Task> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        Record(step, watch.Elapsed);
    }

    public void Record(string step, TimeSpan? elapsed) =>
        Note($"{step,-38} {(elapsed is { } time ? $"{time.TotalSeconds,6:0.0} s" : "not reported")}   (test total {_total.Elapsed.TotalSeconds:0.0} s)");

    public void Note(string text)
    {
        output.WriteLine(text);
        log.WriteLine($"editor test: {text}");
    }
}
