using Microsoft.CodeAnalysis.CSharp;
using TenantAnalyzers.Scanning;
using Xunit;

namespace TenantAnalyzers.Tests.Model;

public sealed class IdentifierScanTests
{
    private static readonly IdentifierScan Picks = new(["First", "FirstOrDefault", "Find", "FindAsync"]);

    private static string[] Found(IdentifierScan scan, string source) =>
        scan.FindAll(CSharpSyntaxTree.ParseText(source), span: null, CancellationToken.None)
            .OrderBy(t => t.SpanStart)
            .Select(t => $"{t.ValueText}@{t.GetLocation().GetLineSpan().StartLinePosition.Line}")
            .ToArray();

    [Fact]
    public void Finds_every_name_that_extends_a_stem_and_only_whole_identifiers()
    {
        var found = Found(Picks, """
            class C
            {
                void M(Q q)
                {
                    q.First();
                    q.FirstOrDefault();
                    q.FindAsync(1);
                    q.FirstOrDefaultAsync();
                    q.FindAll();
                    q.MyFind();
                    var Finder = 1;
                }
            }
            """);

        Assert.Equal(["First@4", "FirstOrDefault@5", "FindAsync@6"], found);
    }

    [Fact]
    public void An_empty_name_finds_nothing_and_ends()
    {
        // A missing identifier (a name not typed yet) has the empty name; searching for it once matched at every
        // position without moving forward.
        var tree = CSharpSyntaxTree.ParseText("class C { void M() { var x = .Orders; } }");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        Assert.Empty(new IdentifierScan("").FindAll(tree, span: null, cancellation.Token));
        Assert.Empty(new IdentifierScan([""]).FindAll(tree, span: null, cancellation.Token));
    }

    [Fact]
    public void Observes_cancellation_between_hits()
    {
        // Both hits sit in one search chunk: cancelled at the first, the scan must not deliver the second.
        var tree = CSharpSyntaxTree.ParseText("class C { void M(Q q) { q.First(); q.First(); } }");
        using var cancellation = new CancellationTokenSource();
        var hits = 0;

        Assert.Throws<OperationCanceledException>(() => Picks.Find(tree, span: null, cancellation, (_, source) =>
        {
            hits++;
            source.Cancel();
        }, cancellation.Token));
        Assert.Equal(1, hits);
    }

    [Fact]
    public void Skips_comments_strings_and_disabled_code_and_finds_verbatim_identifiers()
    {
        var found = Found(Picks, """
            class C
            {
                // q.First() in a comment
                /* q.Find(1) */
                string s = "q.First()";
                string t = $"{nameof(C)} First";
            #if NEVER
                void Disabled(Q q) => q.First();
            #endif
                void M(Q q) => q.@Find(1);
            }
            """);

        Assert.Equal(["Find@9"], found);
    }

    [Fact]
    public void Finds_names_across_the_search_chunks_of_a_large_file()
    {
        // Long enough for several 16K-character chunks; a name is put on every line so some straddle a boundary.
        var lines = Enumerable.Range(0, 2000).Select(i => $"    int M{i}(Q q) => q.FirstOrDefault() + {i};");
        var source = "class C\n{\n" + string.Join("\n", lines) + "\n}\n";

        var found = Found(Picks, source);

        Assert.Equal(2000, found.Length);
        Assert.All(found, f => Assert.StartsWith("FirstOrDefault@", f, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(16 * 1024 - 3)]
    [InlineData(16 * 1024 - 1)]
    [InlineData(16 * 1024)]
    public void Finds_a_name_that_straddles_a_chunk_boundary(int position)
    {
        const string head = "class C {\n// ";
        const string call = "\nint M(Q q) => q.";
        var padding = new string('x', position - head.Length - call.Length);
        var source = head + padding + call + "FirstOrDefault();\n}\n";

        var found = Found(Picks, source);

        Assert.Equal(["FirstOrDefault@2"], found);
    }

    [Fact]
    public void A_name_in_both_cases_of_its_first_letter_is_found_in_either_and_only_whole()
    {
        var keys = new IdentifierScan(["Find", "CompanyId", "companyId"]);

        var found = Found(keys, """
            class C
            {
                int M(Q q, int companyId)
                {
                    q.Find(q.CompanyId);
                    var xcompanyId = companyId;
                    var companyIdx = CompanyId2 + ompanyId;
                    return new Order(companyId).CompanyId;
                }
            }
            """);

        Assert.Equal(["companyId@2", "Find@4", "CompanyId@4", "companyId@5", "companyId@7", "CompanyId@7"], found);
    }

    [Theory]
    [InlineData(16 * 1024 - 1)]
    [InlineData(16 * 1024)]
    [InlineData(16 * 1024 + 1)]
    public void Finds_a_name_of_either_case_whose_first_letter_ends_a_chunk(int position)
    {
        var keys = new IdentifierScan(["CompanyId", "companyId"]);
        const string head = "class C {\n// ";
        const string call = "\nint M(Q q) => ";
        var padding = new string('x', position - head.Length - call.Length);

        Assert.Equal(["companyId@2"], Found(keys, head + padding + call + "companyId;\n}\n"));
        Assert.Equal(["CompanyId@2"], Found(keys, head + padding + call + "CompanyId;\n}\n"));
    }

    [Fact]
    public void A_span_limits_the_search()
    {
        const string source = "class C { void A(Q q) => q.First(); void B(Q q) => q.First(); }";
        var tree = CSharpSyntaxTree.ParseText(source);
        var secondMethod = source.IndexOf("void B", StringComparison.Ordinal);

        var found = Picks.FindAll(tree, new Microsoft.CodeAnalysis.Text.TextSpan(secondMethod, source.Length - secondMethod), CancellationToken.None);

        Assert.Single(found);
        Assert.True(found[0].SpanStart > secondMethod);
    }

    [Fact]
    public void Member_access_only_finds_member_reads()
    {
        var scan = new IdentifierScan(["Id"], memberAccessOnly: true);

        var found = Found(scan, """
            class C
            {
                int Id;
                bool M(C c, C d) => c.Id == Id && d?.Id == 1 && c
                    .Id == 2;
            }
            """);

        Assert.Equal(["Id@3", "Id@3", "Id@4"], found);
    }

    [Fact]
    public void An_empty_name_list_finds_nothing()
    {
        var scan = new IdentifierScan([]);

        Assert.True(scan.IsEmpty);
        Assert.Empty(Found(scan, "class C { void M(Q q) => q.First(); }"));
    }

    [Fact]
    public void Any_stops_at_the_first_hit_the_predicate_accepts()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { void M(Q q) { q.Find(1); q.Find(2); q.Find(3); } }");
        var asked = 0;

        var found = new IdentifierScan("Find").Any(tree, tree.GetRoot().FullSpan, 0, (token, _) => ++asked == 2, CancellationToken.None);

        Assert.True(found);
        Assert.Equal(2, asked);
    }

    // The rules scan a member's text from inside the callback of a scan of its file, on the same thread: the inner scan
    // must not reuse the outer one's buffer (here it copies text shifted by one character over it).
    [Fact]
    public void A_scan_inside_a_hit_callback_leaves_the_outer_scan_intact()
    {
        var methods = string.Concat(Enumerable.Range(0, 2000).Select(i => $"    void M{i}(Q q) {{ var local = 1; q.Find(local); }}\n"));
        var tree = CSharpSyntaxTree.ParseText("class C\n{\n" + methods + "}\n");
        var inner = new IdentifierScan("local");
        var hits = 0;
        var declarations = 0;

        // A first scan leaves its buffer to the thread, for the outer scan below to take.
        Assert.Equal(2000, Picks.FindAll(tree, span: null, CancellationToken.None).Count);

        Picks.Find(tree, span: null, 0, (token, _) =>
        {
            hits++;
            var before = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(1, token.SpanStart);
            inner.Any(tree, before, 0, (t, _) => false, CancellationToken.None);
            if (inner.Any(tree, token.Parent!.Ancestors().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().First().Span, 0, static (t, _) => t.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax, CancellationToken.None))
            {
                declarations++;
            }
        }, CancellationToken.None);

        Assert.True(tree.GetText().Length > 100_000);
        Assert.Equal(2000, hits);
        Assert.Equal(2000, declarations);
    }
}
