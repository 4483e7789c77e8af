using TenantAnalyzers.StressTests.Sources;
using TenantAnalyzers.StressTests.Variants;

namespace TenantAnalyzers.StressTests.Hosting;

/// <summary>
/// Which variants a run analyses: the same share for each group of sources (rule-test inputs, sample apps, generated
/// corpus), split evenly over the sources of the group, each source at least one.
/// </summary>
public static class StressPlan
{
    public static IEnumerable<Variant> Variants(int total, int seed)
    {
        var groups = RepositorySources.Groups;
        foreach (var group in groups)
        {
            var share = total / groups.Count;
            for (var i = 0; i < group.Count; i++)
            {
                var count = Math.Max(1, share / group.Count + (i < share % group.Count ? 1 : 0));
                foreach (var variant in VariantGenerator.For(group[i], count, seed))
                {
                    yield return variant;
                }
            }
        }
    }

    /// <summary>A line for the summary: how many sources each group has.</summary>
    public static string DescribeSources() =>
        $"{RepositorySources.RuleTestInputs.Count} rule-test inputs, {RepositorySources.Samples.Count} sample files, {RepositorySources.Corpus.Count} corpus files";
}
