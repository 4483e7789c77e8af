using TenantAnalyzers.Cli.Fixing;

namespace TenantAnalyzers.Cli.Tests;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void A_changed_line_is_one_hunk_with_three_lines_of_context()
    {
        var before = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line {i}")) + "\n";
        var after = before.Replace("line 10\n", "line ten\n", StringComparison.Ordinal);

        var diff = UnifiedDiff.Create("src/A.cs", before, after);

        Assert.Equal("""
            --- a/src/A.cs
            +++ b/src/A.cs
            @@ -7,7 +7,7 @@
             line 7
             line 8
             line 9
            -line 10
            +line ten
             line 11
             line 12
             line 13

            """.Replace("\r\n", "\n", StringComparison.Ordinal), diff);
    }

    [Fact]
    public void Changes_far_apart_are_separate_hunks_and_an_insertion_counts_right()
    {
        var before = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"l{i}")) + "\n";
        var after = before.Replace("l2\n", "l2\nnew\n", StringComparison.Ordinal).Replace("l28\n", "", StringComparison.Ordinal);

        var diff = UnifiedDiff.Create("A.cs", before, after);

        Assert.Contains("@@ -1,5 +1,6 @@", diff);
        Assert.Contains("@@ -25,6 +26,5 @@", diff);
        Assert.Contains("+new\n", diff);
        Assert.Contains("-l28\n", diff);
    }
}
