using Microsoft.CodeAnalysis;
using TenantAnalyzers.Baseline;

namespace TenantAnalyzers.Cli.Analysis;

/// <summary>With a baseline: whether a finding was already known (SARIF's baselineState).</summary>
internal enum BaselineState
{
    New,
    Unchanged,
    Absent,
}

/// <summary>
/// One finding as reports show it. <see cref="RuleId"/> is the rule it belongs to; for a justified bypass (reported as
/// TI0200) it is the rule the code would break, and <see cref="Justification"/> says why it may.
/// </summary>
internal sealed record Finding(
    string RuleId,
    string Message,
    string Project,
    string FullPath,
    string File,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Member,
    string Excerpt,
    FindingKey Key)
{
    public string? Justification { get; init; }

    /// <summary><c>attribute</c> or <c>authorization</c>.</summary>
    public string? JustificationSource { get; init; }

    public BaselineState? State { get; init; }

    /// <summary>The analyzer's diagnostic, for the fixer; null for an absent (baselined, now fixed) finding.</summary>
    public Diagnostic? Diagnostic { get; init; }

    public ProjectId? ProjectId { get; init; }
}
