using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TenantAnalyzers.Baseline;

namespace TenantAnalyzers.Cli.Tests;

/// <summary>The finding key and the baseline file, as the build's suppressor and the CLI both read them.</summary>
public sealed class BaselineFormatTests
{
    [Theory]
    [InlineData("/repo/src/App/Orders.cs", "/repo", "src/App/Orders.cs")]
    [InlineData("/repo/src/App/Orders.cs", "/repo/src/App/", "Orders.cs")]
    [InlineData("/repo/lib/Shared.cs", "/repo/src", "../lib/Shared.cs")]
    [InlineData("/repo/./src/../src/Orders.cs", "/repo", "src/Orders.cs")]
    [InlineData(@"C:\Repo\Src\Orders.cs", @"c:\repo", "Src/Orders.cs")]
    public void Relative_paths_are_normalised(string path, string baseDirectory, string expected) =>
        Assert.Equal(expected, FindingKeys.RelativePath(path, baseDirectory));

    [Fact]
    public void Equal_sites_are_numbered_in_source_order_and_others_start_at_zero()
    {
        var a = new FindingKey("TI0001", "A.cs", "M:A.B", "0000000000000001", 0);
        var b = new FindingKey("TI0001", "A.cs", "M:A.C", "0000000000000001", 0);

        var keys = FindingKeys.NumberOccurrences([(a, 50), (b, 10), (a, 20)]);

        Assert.Equal([1, 0, 0], keys.Select(k => k.Occurrence));
    }

    [Fact]
    public void Code_hash_ignores_whitespace_and_comments_but_not_code()
    {
        static string Hash(string code)
        {
            var tree = CSharpSyntaxTree.ParseText("class C { object M(dynamic db) => " + code + "; }");
            var expression = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax>().Single().Expression;
            return FindingKeys.CodeHash(expression, expression.Span);
        }

        Assert.Equal(Hash("db.Users.IgnoreQueryFilters()"), Hash("db.Users\n        .IgnoreQueryFilters( /* all */ )"));
        Assert.NotEqual(Hash("db.Users.IgnoreQueryFilters()"), Hash("db.Staff.IgnoreQueryFilters()"));
    }

    [Fact]
    public void A_baseline_is_read_and_its_keys_found()
    {
        var baseline = BaselineFile.Parse("""
            { "format": "tenant-audit-baseline", "version": 1, "tool": "anything",
              "findings": [ { "rule": "TI0001", "file": "Services/A.cs", "member": "M:A.B", "code": "00000000000000ff", "occurrence": 1, "message": "\u00e9" } ] }
            """);

        Assert.True(baseline.Contains(new FindingKey("TI0001", "Services/A.cs", "M:A.B", "00000000000000ff", 1)));
        Assert.False(baseline.Contains(new FindingKey("TI0001", "Services/A.cs", "M:A.B", "00000000000000ff", 0)));
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("[1, 2]", "not a tenant-audit baseline")]
    [InlineData("{ \"version\": \"2.1.0\", \"runs\": [] }", "not a tenant-audit baseline")]
    [InlineData("{ \"format\": \"tenant-audit-baseline\", \"version\": 3, \"findings\": [] }", "version 3 is not supported")]
    [InlineData("{ \"format\": \"tenant-audit-baseline\", \"version\": 1 }", "no \"findings\" array")]
    [InlineData("{ \"format\": \"tenant-audit-baseline\", \"version\": 1, \"findings\": [ { \"rule\": \"TI0001\" } ] }", "finding 0 needs")]
    [InlineData("{ \"format\": \"tenant-audit-baseline\", \"version\": 1, \"findings\": [] } trailing", "not valid JSON")]
    public void A_file_that_is_not_a_usable_baseline_says_why(string text, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => BaselineFile.Parse(text)).Message);
}
