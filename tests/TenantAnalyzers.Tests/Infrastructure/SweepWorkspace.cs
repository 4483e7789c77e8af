using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace TenantAnalyzers.Tests.Infrastructure;

/// <summary>
/// Solutions the fix sweep runs on: a rule test's input as the verifier compiles it, the legacy sample with its data
/// project, and a fresh minimal API.
/// </summary>
public static class SweepWorkspace
{
    /// <summary>A project with the rule test's source, the booking prelude unless the test brings its own model, and its options.</summary>
    public static async Task<(Solution Solution, ProjectId Project)> ForRuleTestAsync(RuleTestInput input)
    {
        var references = await input.References.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var solution = new AdhocWorkspace().CurrentSolution;
        var project = ProjectId.CreateNewId("Test");
        solution = AddProject(solution, project, "TestProject", references, input.Options);
        solution = AddDocument(solution, project, "/0/Test0.cs", input.Source);
        if (input.Prelude)
        {
            solution = AddDocument(solution, project, Prelude.FileName, Prelude.Domain);
        }

        return (solution, project);
    }

    /// <summary>
    /// samples/BookingApp.Legacy referencing samples/BookingApp.Data, both from source, with the legacy app's
    /// <c>.globalconfig</c>: the sample as its build compiles it.
    /// </summary>
    public static async Task<(Solution Solution, ProjectId Legacy)> ForLegacySampleAsync()
    {
        var references = await TestReferences.AspNetCore10WithSqlite.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var samples = Path.Combine(RepositoryRoot(), "samples");
        var solution = new AdhocWorkspace().CurrentSolution;

        var data = ProjectId.CreateNewId("BookingApp.Data");
        solution = AddProject(solution, data, "BookingApp.Data", references, options: null);
        solution = AddSources(solution, data, Path.Combine(samples, "BookingApp.Data"));

        var legacy = ProjectId.CreateNewId("BookingApp.Legacy");
        var legacyDirectory = Path.Combine(samples, "BookingApp.Legacy");
        solution = AddProject(solution, legacy, "BookingApp.Legacy", references, options: null)
            .AddProjectReference(legacy, new ProjectReference(data));
        solution = AddSources(solution, legacy, legacyDirectory);
        var globalConfig = Path.Combine(legacyDirectory, ".globalconfig");
        solution = solution.AddAnalyzerConfigDocument(
            DocumentId.CreateNewId(legacy), ".globalconfig", SourceText.From(File.ReadAllText(globalConfig)), filePath: globalConfig);
        return (solution, legacy);
    }

    /// <summary><see cref="MinimalApiSample"/>: an executable with top-level statements and implicit usings.</summary>
    public static async Task<(Solution Solution, ProjectId Project)> ForMinimalApiSampleAsync()
    {
        var references = await TestReferences.AspNetCore10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var solution = new AdhocWorkspace().CurrentSolution;
        var project = ProjectId.CreateNewId("Shop");
        solution = AddProject(solution, project, "Shop", references, options: null, OutputKind.ConsoleApplication);
        solution = AddDocument(solution, project, "/shop/obj/Shop.GlobalUsings.g.cs", MinimalApiSample.ImplicitUsings);
        solution = AddDocument(solution, project, "/shop/Program.cs", MinimalApiSample.Program);
        solution = AddDocument(solution, project, "/shop/Data.cs", MinimalApiSample.Data);
        solution = AddDocument(solution, project, "/shop/Billing.cs", MinimalApiSample.Services);
        return (solution, project);
    }

    private static Solution AddProject(Solution solution, ProjectId id, string name, IEnumerable<MetadataReference> references, string? options, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        solution = solution.AddProject(ProjectInfo.Create(
            id, VersionStamp.Default, name, name, LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references));
        if (options is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(
                DocumentId.CreateNewId(id), ".globalconfig", SourceText.From(Verify.GlobalConfig(options)), filePath: "/.globalconfig");
        }

        return solution;
    }

    private static Solution AddDocument(Solution solution, ProjectId project, string path, string text) =>
        solution.AddDocument(DocumentId.CreateNewId(project), Path.GetFileName(path), SourceText.From(text), filePath: path);

    private static Solution AddSources(Solution solution, ProjectId project, string directory)
    {
        foreach (var path in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(directory, path).Split(Path.DirectorySeparatorChar)[0];
            if (relative is not ("obj" or "bin"))
            {
                solution = AddDocument(solution, project, path, File.ReadAllText(path));
            }
        }

        return solution;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TenantAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TenantAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
