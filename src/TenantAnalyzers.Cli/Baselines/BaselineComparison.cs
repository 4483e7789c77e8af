using System.Collections.Generic;
using System.Linq;
using TenantAnalyzers.Baseline;
using TenantAnalyzers.Cli.Analysis;

namespace TenantAnalyzers.Cli.Baselines;

/// <summary>
/// The numbers an audit keeps: Initial (the baseline's entries), Fixed (entries no finding matches any more), Remaining
/// (findings the baseline lists), New (findings it does not), and the reduction in percent of the initial count.
/// </summary>
internal sealed record BaselineComparison(string File, int Initial, int Fixed, int Remaining, int New, IReadOnlyList<FindingKey> FixedEntries)
{
    public double ReductionPercent => Initial == 0 ? 0 : 100.0 * Fixed / Initial;

    /// <summary>Compares; returns the findings marked new or unchanged. Only the baseline's entries of <paramref name="rules"/> count.</summary>
    public static (BaselineComparison Comparison, IReadOnlyList<Finding> Findings) Compare(
        string file, BaselineFile baseline, IReadOnlyList<Finding> findings, IReadOnlyCollection<string> rules)
    {
        var entries = baseline.Findings.Where(k => rules.Contains(k.Rule)).ToList();
        var current = new HashSet<FindingKey>(findings.Select(f => f.Key));
        var marked = findings.Select(f => f with { State = baseline.Contains(f.Key) ? BaselineState.Unchanged : BaselineState.New }).ToList();
        var fixedEntries = entries.Where(k => !current.Contains(k)).ToList();
        var remaining = marked.Count(f => f.State == BaselineState.Unchanged);
        return (new BaselineComparison(file, entries.Count, fixedEntries.Count, remaining, marked.Count - remaining, fixedEntries), marked);
    }
}
