using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TenantAnalyzers.StressTests.Sources;
using TenantAnalyzers.Tests.Infrastructure;

namespace TenantAnalyzers.StressTests.Hosting;

/// <summary>
/// Runs the code fixes the way an IDE does for the light bulb and for Fix All: the file in a workspace project with the
/// same references and options, the analyzers' diagnostics on it, then for each diagnostic every provider that fixes
/// its id registers its actions, every action computes its operations, and Fix All (document scope) does the same for
/// each equivalence key offered.
/// </summary>
public sealed class FixHost
{
    private const string VariantName = "Variant.cs";

    private readonly AnalyzerHost _analyzers;
    private readonly AdhocWorkspace _workspace = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<StressProject, Project> _projects = new();

    public FixHost(AnalyzerHost analyzers)
    {
        _analyzers = analyzers;
    }

    /// <summary>Every code fix provider of the package, by name.</summary>
    public static ImmutableArray<CodeFixProvider> Providers { get; } = typeof(TenantAnalyzers.CodeFixes.FixSafety).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>
    /// The project of <paramref name="source"/> in a workspace, with <paramref name="text"/> in the file's place: an edit
    /// of the project as an IDE has it, whose compilation is the project's with one tree replaced.
    /// </summary>
    public Document Open(StressSource source, string text)
    {
        var project = _projects.GetOrAdd(source.Project, CreateProject);
        var existing = project.Documents.FirstOrDefault(d => d.FilePath == source.Path);
        return existing is not null
            ? existing.WithText(SourceText.From(text))
            : project.AddDocument(VariantName, SourceText.From(text), filePath: source.Path);
    }

    private Project CreateProject(StressProject stress)
    {
        var project = _workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(),
                VersionStamp.Default,
                stress.Name,
                "Stress",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false),
                parseOptions: StressProject.ParseOptions,
                metadataReferences: _analyzers.References))
            .Projects.Single();
        foreach (var tree in stress.Trees)
        {
            project = project.AddDocument(Path.GetFileName(tree.FilePath), tree.GetText(), filePath: tree.FilePath).Project;
        }

        if (!stress.Options.IsEmpty)
        {
            var config = "is_global = true\n" + string.Concat(stress.Options.Select(o => $"{o.Key} = {o.Value}\n"));
            project = project.AddAnalyzerConfigDocument(".globalconfig", SourceText.From(config), filePath: "/.globalconfig").Project;
        }

        // Compiled once: every edit of the project starts from this compilation.
        project.GetCompilationAsync().GetAwaiter().GetResult();
        return project;
    }

    /// <summary>The analyzers' diagnostics on the document, all analyzers at once (their own robustness is the analyzer run's business).</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document, CancellationToken cancellationToken)
    {
        var compilation = (await document.Project.GetCompilationAsync(cancellationToken))!;
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(document.Project.AnalyzerOptions, (e, _, _) => { lock (exceptions) { exceptions.Add(e); } }, false, false);
        var withAnalyzers = compilation.WithAnalyzers(AnalyzerHost.Analyzers, options);
        var tree = (await document.GetSyntaxTreeAsync(cancellationToken))!;
        return await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzers.Compilation.GetSemanticModel(tree), null, cancellationToken);
    }

    /// <summary>
    /// Everything <paramref name="provider"/> does for the diagnostics it fixes on the document, step by step, each step
    /// with the processor time it took: registration for each diagnostic, the operations of every action registered,
    /// Fix All for each equivalence key offered.
    /// </summary>
    public static async Task<IReadOnlyList<FixStep>> ExerciseAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CodeFixProvider provider, CancellationToken cancellationToken)
    {
        var steps = new List<FixStep>();
        var fixable = diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fixable.Length; i++)
        {
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, fixable[i], (action, _) => actions.Add(action), cancellationToken);
            await TimeAsync(steps, $"registration for {fixable[i].Id} #{i}", () => provider.RegisterCodeFixesAsync(context));
            // A group ("Fix by hand") has no operations of its own: its nested actions are what a user can pick.
            foreach (var action in actions.SelectMany(NestedCodeActions.Leaves))
            {
                await TimeAsync(steps, $"'{action.Title}' for {fixable[i].Id} #{i}", () => action.GetOperationsAsync(cancellationToken));
                if (action.EquivalenceKey is { } key)
                {
                    keys.Add(key);
                }
            }
        }

        if (provider.GetFixAllProvider() is { } fixAll)
        {
            foreach (var key in keys)
            {
                var context = new FixAllContext(document, provider, FixAllScope.Document, key, provider.FixableDiagnosticIds, new FixedDiagnostics(fixable), cancellationToken);
                await TimeAsync(steps, $"Fix All {key}", async () =>
                {
                    if (await fixAll.GetFixAsync(context) is { } action)
                    {
                        await action.GetOperationsAsync(cancellationToken);
                    }
                });
            }
        }

        return steps;
    }

    private static async Task TimeAsync(List<FixStep> steps, string name, Func<Task> step)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        await step();
        steps.Add(new FixStep(name, Environment.CpuUsage.TotalTime - cpu));
    }

    /// <summary>The diagnostics computed once, handed to Fix All as an IDE hands it its cached ones.</summary>
    public sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics)
        {
            _diagnostics = diagnostics;
        }

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}

/// <summary>One step of a code fix (a registration, an action's operations, a Fix All) and the processor time it took.</summary>
public sealed record FixStep(string Name, TimeSpan Cpu);
