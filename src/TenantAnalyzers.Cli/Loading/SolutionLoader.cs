using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using TenantAnalyzers.Cli.CommandLine;

namespace TenantAnalyzers.Cli.Loading;

/// <summary>
/// Loads a solution or project with MSBuildWorkspace (restoring it first, as <c>dotnet build</c> and
/// <c>dotnet format</c> do). A project that fails to load is named and skipped; when none loads, the command fails.
/// </summary>
internal static partial class SolutionLoader
{
    public static async Task<LoadedSolution> LoadAsync(InputPath input, bool restore, ProgressLog log, CancellationToken cancellationToken)
    {
        if (restore)
        {
            log.Progress($"Restoring {Path.GetFileName(input.File)}...");
            var (exitCode, output, errors) = await ProcessRunner.RunAsync("dotnet", input.Directory, cancellationToken, "restore", input.File, "--nologo", "-v", "q").ConfigureAwait(false);
            if (exitCode != 0)
            {
                log.Warning($"'dotnet restore' failed (exit code {exitCode}); projects that need it will not load or compile:\n" + ErrorLines(output + errors));
            }
        }

        var workspace = MSBuildWorkspace.Create();
        var failures = new List<ProjectLoadFailure>();
        workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                lock (failures)
                {
                    failures.Add(new ProjectLoadFailure(ProjectNamedIn(e.Diagnostic.Message) ?? input.File, e.Diagnostic.Message));
                }
            }
        });

        var loaded = 0;
        var progress = new Progress(p =>
        {
            if (p.Operation == ProjectLoadOperation.Resolve)
            {
                var count = Interlocked.Increment(ref loaded);
                var framework = string.IsNullOrEmpty(p.TargetFramework) ? "" : $" ({p.TargetFramework})";
                log.Progress($"Loaded project {count}: {Path.GetFileNameWithoutExtension(p.FilePath)}{framework}");
            }
        });

        log.Progress($"Loading {input.File}...");
        Solution solution;
        try
        {
            solution = input.IsSolution
                ? await workspace.OpenSolutionAsync(input.File, progress, cancellationToken).ConfigureAwait(false)
                : (await workspace.OpenProjectAsync(input.File, progress, cancellationToken).ConfigureAwait(false)).Solution;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or InvalidDataException or ArgumentException)
        {
            workspace.Dispose();
            throw new AuditException($"could not load '{input.File}': {e.Message}");
        }

        solution = WithoutOwnTenantAnalyzers(solution);

        // A project MSBuild could not evaluate may still appear, empty: a failure that names it means it did not load.
        var failed = failures
            .GroupBy(f => f.Project, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        var targets = solution.Projects
            .Where(p => p.Language == LanguageNames.CSharp && (input.IsSolution || SamePath(p.FilePath, input.File)))
            .Where(p => !failed.Any(f => SamePath(p.FilePath, f.Project)))
            .Select(p => p.Id)
            .ToList();
        foreach (var failure in failed)
        {
            log.Warning($"project '{failure.Project}' failed to load and is not analysed: {failure.Reason}");
        }

        if (targets.Count == 0)
        {
            workspace.Dispose();
            var reasons = failed.Count > 0 ? ":\n  " + string.Join("\n  ", failed.Select(f => $"{f.Project}: {f.Reason}")) : ".";
            throw new AuditException($"no C# project of '{input.File}' loaded{reasons}");
        }

        log.Progress($"Loaded {targets.Count} C# project(s){(failed.Count > 0 ? $"; {failed.Count} failed to load" : "")}.");
        return new LoadedSolution(workspace, solution, targets, input, failed);
    }

    /// <summary>
    /// The solution without analyzer references to TenantAnalyzers itself (the package, or the analyzer project referenced as
    /// an analyzer): the tool runs its own copy, once, and every later snapshot (fixes) starts from this one.
    /// </summary>
    private static Solution WithoutOwnTenantAnalyzers(Solution solution)
    {
        foreach (var project in solution.Projects.ToList())
        {
            var own = project.AnalyzerReferences.Where(IsTenantAnalyzers).ToList();
            if (own.Count > 0)
            {
                solution = solution.WithProjectAnalyzerReferences(project.Id, project.AnalyzerReferences.Except(own));
            }
        }

        return solution;
    }

    private static bool IsTenantAnalyzers(AnalyzerReference reference) =>
        Path.GetFileNameWithoutExtension(reference.FullPath ?? reference.Display ?? "") is "TenantAnalyzers" or "TenantAnalyzers.CodeFixes";

    private static bool SamePath(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string? ProjectNamedIn(string message) =>
        ProjectPath().Match(message) is { Success: true } match ? match.Groups[1].Value : null;

    private static string ErrorLines(string output) =>
        string.Join("\n", output.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(10).Select(l => "  " + l.Trim()));

    [GeneratedRegex(@"'([^']+\.(?:cs|vb|fs)proj)'", RegexOptions.IgnoreCase)]
    private static partial Regex ProjectPath();

    private sealed class Progress : IProgress<ProjectLoadProgress>
    {
        private readonly Action<ProjectLoadProgress> _report;

        public Progress(Action<ProjectLoadProgress> report)
        {
            _report = report;
        }

        public void Report(ProjectLoadProgress value) => _report(value);
    }
}
