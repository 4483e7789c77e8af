using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TenantAnalyzers.Benchmarks.Corpus;
using TenantAnalyzers.CodeFixes;
using TenantAnalyzers.StressTests.Hosting;
using TenantAnalyzers.StressTests.Sources;

namespace TenantAnalyzers.StressTests;

/// <summary>
/// A host cancels analysis and fixes all the time (every keystroke); the work must then end promptly, whatever it was
/// doing. The analysis of a large generated code base and a Fix All over it are cancelled at several points after they
/// start, and each must end within a generous bound.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class CancellationTests
{
    private const int CorpusFiles = 300;

    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan[] CancelAfter = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(700), TimeSpan.FromSeconds(3)];

    /// <summary>Fix All is quicker than the analysis that finds what it fixes: it is cancelled sooner.</summary>
    private static readonly TimeSpan[] FixAllCancelAfter = [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500)];

    private readonly StressLog _log;

    public CancellationTests(StressLog log)
    {
        _log = log;
    }

    [Fact]
    public async Task Cancelled_analysis_of_a_large_code_base_ends_promptly()
    {
        var host = await AnalyzerHost.CreateAsync();
        var trees = Corpus().Select(f => StressProject.Parse(f.Text, "/booking/" + f.Path)).ToList();
        var ended = new List<string>();
        foreach (var delay in CancelAfter)
        {
            var compilation = host.Compile(trees);
            var exceptions = new List<Exception>();
            var withAnalyzers = compilation.WithAnalyzers(AnalyzerHost.Analyzers, AnalyzerHost.Options(ImmutableDictionary<string, string>.Empty, exceptions));
            ended.Add(await CancelAsync(delay, cancellationToken => withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken)));
            Assert.Empty(exceptions);
        }

        _log.Write("cancellation", $"analysis of {CorpusFiles} generated files cancelled after {string.Join(", ", ended)}");
    }

    [Fact]
    public async Task Cancelled_fix_all_over_a_large_code_base_ends_promptly()
    {
        var host = await AnalyzerHost.CreateAsync();
        var project = new AdhocWorkspace().CurrentSolution
            .AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(), VersionStamp.Default, "Booking", "Booking", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: StressProject.ParseOptions,
                metadataReferences: host.References))
            .Projects.Single();
        foreach (var file in Corpus())
        {
            project = project.AddDocument(Path.GetFileName(file.Path), SourceText.From(file.Text), filePath: "/booking/" + file.Path).Project;
        }

        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(AnalyzerHost.Analyzers, AnalyzerHost.Options(ImmutableDictionary<string, string>.Empty, [])).GetAnalyzerDiagnosticsAsync();

        // Every provider's first bulk-safe fix, over the whole project, one after the other: what a bulk host does.
        var fixes = FixHost.Providers
            .Select(p => (Provider: p, Key: p.FixableDiagnosticIds.SelectMany(FixSafety.SafeKeysFor).FirstOrDefault(), Count: diagnostics.Count(d => p.FixableDiagnosticIds.Contains(d.Id))))
            .Where(f => f.Key is not null && f.Count > 0)
            .ToList();
        Assert.True(fixes.Sum(f => f.Count) > 20, $"the corpus should give Fix All work to do, it has {fixes.Sum(f => f.Count)} findings with a bulk-safe fix");

        var ended = new List<string>();
        foreach (var delay in FixAllCancelAfter)
        {
            ended.Add(await CancelAsync(delay, async cancellationToken =>
            {
                foreach (var (provider, key, _) in fixes)
                {
                    var context = new FixAllContext(project, provider, FixAllScope.Project, key, provider.FixableDiagnosticIds, new FixHost.FixedDiagnostics(diagnostics), cancellationToken);
                    if (await provider.GetFixAllProvider()!.GetFixAsync(context) is { } action)
                    {
                        await action.GetOperationsAsync(cancellationToken);
                    }
                }
            }));
        }

        _log.Write("cancellation", $"Fix All ({string.Join(", ", fixes.Select(f => $"{f.Key} over {f.Count} findings"))}) in {CorpusFiles} generated files cancelled after {string.Join(", ", ended)}");
    }

    private static IReadOnlyList<SourceFile> Corpus() => new CorpusGenerator(StressSettings.Seed).Generate(CorpusFiles).Files;

    /// <summary>Starts the work, cancels it after <paramref name="delay"/>, and requires it to end within <see cref="Prompt"/> of that.</summary>
    private static async Task<string> CancelAsync(TimeSpan delay, Func<CancellationToken, Task> work)
    {
        using var cancellation = new CancellationTokenSource();
        var task = Task.Run(() => work(cancellation.Token));
        var finishedFirst = await Task.WhenAny(task, Task.Delay(delay)) == task;
        var cancelled = Stopwatch.StartNew();
        cancellation.Cancel();
        var ended = await Task.WhenAny(task, Task.Delay(Prompt)) == task;
        Assert.True(ended, $"still running {Prompt.TotalSeconds} s after it was cancelled at {delay.TotalMilliseconds} ms");
        Assert.True(task.IsCompletedSuccessfully || task.IsCanceled || task.Exception?.InnerException is OperationCanceledException, $"ended with {task.Exception}");
        return finishedFirst
            ? $"{delay.TotalMilliseconds:F0} ms (already finished)"
            : $"{delay.TotalMilliseconds:F0} ms: ended {cancelled.Elapsed.TotalMilliseconds:F0} ms later";
    }
}
