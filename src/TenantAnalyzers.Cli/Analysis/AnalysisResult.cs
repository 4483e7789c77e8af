using System.Collections.Generic;

namespace TenantAnalyzers.Cli.Analysis;

/// <summary>A project as the summary lists it.</summary>
internal sealed record ProjectSummary(string Name, string File, int Documents);

/// <summary>What one analysis of the solution found.</summary>
internal sealed record AnalysisResult(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Finding> Justified,
    IReadOnlyList<Finding> Other,
    IReadOnlyList<ProjectSummary> Projects,
    IReadOnlyList<string> AnalyzerFailures);
