using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using TenantAnalyzers.Benchmarks;
using TenantAnalyzers.Benchmarks.Corpus;
using TenantAnalyzers.Benchmarks.Measurement;
using TenantAnalyzers.Benchmarks.Reporting;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

var cancellationToken = CancellationToken.None;
var log = Console.Error;
if (CollectionHoldOff.RunWithBudget(args, options.HoldOffCollections, log) is { } childExitCode)
{
    return childExitCode;
}

var startedAt = DateTime.UtcNow;
log.WriteLine($"sizes {string.Join(",", options.Sizes)}, {options.Repeat} runs each, IDE pass on {options.IdeSize} files; {CollectionHoldOff.Describe()}");

var references = await CorpusCompilation.ResolveReferencesAsync(cancellationToken);
var runner = new BenchmarkRunner(options, references, log);
await runner.WarmUpAsync(cancellationToken);

var sizes = await runner.MeasureSizesAsync(options.Sizes, cancellationToken);

var documents = await runner.MeasureDocumentLatencyAsync(options.IdeSize, cancellationToken);
var fit = Statistics.LinearFit(sizes.Select(s => (double)s.Files).ToArray(), sizes.Select(s => s.OursMs).ToArray());
var targets = Targets.Evaluate(sizes, documents);
var report = new BenchmarkReport(
    Machine(),
    Commit(),
    startedAt.ToString("yyyy-MM-dd HH:mm 'UTC'"),
    options.Repeat,
    options.Seed,
    sizes,
    documents,
    targets,
    fit.Slope * 1000,
    fit.RSquared);

var markdown = ReportWriter.Markdown(report);
Console.WriteLine(markdown);
Directory.CreateDirectory(options.OutputDirectory);
File.WriteAllText(Path.Combine(options.OutputDirectory, "benchmark-results.md"), markdown);
File.WriteAllText(Path.Combine(options.OutputDirectory, "benchmark-results.json"), ReportWriter.Json(report));
log.WriteLine($"written to {Path.GetFullPath(options.OutputDirectory)}");

var exceptions = sizes.Sum(s => s.AnalyzerExceptions);
if (exceptions > 0)
{
    log.WriteLine($"{exceptions} analyzer exceptions (AD0001) during the runs.");
}

// The harness reports; only --check turns a missed target (or an analyzer exception) into a failure.
return options.Check && (targets.Any(t => !t.Passed) || exceptions > 0) ? 1 : 0;

static string Machine() =>
    $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024)} GiB, " +
    $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
    $"Roslyn {typeof(Compilation).Assembly.GetName().Version}, load average at start {LoadAverage()}; " +
    $"server GC, {CollectionHoldOff.Describe()}";

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string Commit()
{
    try
    {
        using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var hash = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return git.ExitCode == 0 && hash.Length > 0 ? hash : "unknown";
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "unknown (git not found)";
    }
}
