using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace TenantAnalyzers.Cli.Loading;

/// <summary>A project that did not load, and why (as MSBuildWorkspace said it).</summary>
internal sealed record ProjectLoadFailure(string Project, string Reason);

/// <summary>The loaded solution, the C# projects to analyse (those the user named), and the projects that failed to load.</summary>
internal sealed record LoadedSolution(
    MSBuildWorkspace Workspace,
    Solution Solution,
    IReadOnlyList<ProjectId> Targets,
    InputPath Input,
    IReadOnlyList<ProjectLoadFailure> Failures) : System.IDisposable
{
    public void Dispose() => Workspace.Dispose();
}
