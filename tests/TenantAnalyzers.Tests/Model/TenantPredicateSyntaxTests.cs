using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Model;
using TenantAnalyzers.Queries;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Model;

/// <summary>
/// The syntax shortcut TI0001 takes before binding must answer as the operation test does wherever it answers at all:
/// each query is read both ways, and a "scoped" from syntax that the operation test does not confirm would hide a
/// finding.
/// </summary>
public sealed class TenantPredicateSyntaxTests
{
    [Theory]
    [InlineData("_db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == companyId)")]
    [InlineData("_db.Customers.IgnoreQueryFilters().Where(c => c.IsDeleted && (c.CompanyId == _ctx.CompanyId))")]
    [InlineData("_db.Customers.IgnoreQueryFilters().Where((c) => companyId == c.CompanyId)")]
    [InlineData("_db.Customers.IgnoreQueryFilters().OrderBy(c => c.Phone).Where(c => c.CompanyId == companyId || c.CompanyId == 0)")]
    [InlineData("_db.Customers.Where(c => c.CompanyId == companyId).IgnoreQueryFilters()")]
    [InlineData("(_db.Customers.IgnoreQueryFilters()).Where(c => c.CompanyId == companyId & c.IsDeleted)")]
    public Task Scoped_shapes_are_answered_from_syntax_as_the_operation_test_answers(string query) =>
        AssertReadAsync(query, expectedFromSyntax: true);

    [Theory]
    [InlineData("_db.Customers.IgnoreQueryFilters().Where(c => c.Phone == phone)")]
    [InlineData("_db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == companyId || c.Phone == phone)")]
    [InlineData("_db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == c.Id)")]
    [InlineData("_db.Customers.IgnoreQueryFilters().Where(x => other.CompanyId == companyId)")]
    [InlineData("_db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId != companyId)")]
    [InlineData("_db.Customers.IgnoreQueryFilters().AsEnumerable().Where(c => { return c.CompanyId == companyId; })")]
    [InlineData("_db.Customers.IgnoreQueryFilters().Where((c, i) => c.CompanyId == companyId)")]
    [InlineData("_db.Customers.IgnoreQueryFilters().Where(c => ids.Contains(c.CompanyId))")]
    [InlineData("_db.Branches.IgnoreQueryFilters().Where(b => b.Company.Id == companyId)")]
    public Task Other_shapes_are_left_to_the_operation_test(string query) =>
        AssertReadAsync(query, expectedFromSyntax: false);

    [Fact]
    public async Task A_predicate_of_100000_conditions_is_read_from_syntax_without_exhausting_the_stack()
    {
        // Once read recursively, once per operand: a generated predicate of 50,000 conditions overflowed the stack in
        // TI0001's syntax shortcut and took the host process down. Syntax only: the compiler takes its time to bind this.
        var conditions = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"c.Phone != \"{i}\" && ")) + "c.CompanyId == companyId";
        var (tree, compilation) = await CompileAsync($"_db.Customers.IgnoreQueryFilters().Where(c => {conditions})");

        Assert.True(TenantPredicateSyntax.ChainIsTenantScoped(Bypass(tree), TenantModel.Create(compilation, TenantOptions.Default)));
    }

    [Theory]
    [InlineData(" && ", "c.Phone != phone + {0}", "c.CompanyId == companyId", true)]
    [InlineData(" || ", "c.CompanyId == companyId + {0}", "c.CompanyId == 0", true)]
    [InlineData(" || ", "c.CompanyId == companyId + {0}", "c.Phone == phone", false)]
    public Task Chains_of_2000_conditions_are_read_both_ways(string separator, string condition, string last, bool scoped) =>
        AssertReadAsync(
            "_db.Customers.IgnoreQueryFilters().Where(c => " + string.Join(separator, Enumerable.Range(0, 2000).Select(i => string.Format(condition, i)).Append(last)) + ")",
            expectedFromSyntax: scoped);

    [Fact]
    public async Task Past_the_nesting_the_tests_read_syntax_decides_nothing_and_operations_take_the_predicate_as_scoped()
    {
        // c.Phone == phone && (c.CompanyId == 1 || (c.Phone == phone && (c.CompanyId == 1 || ... c.Phone == phone))):
        // scoped only if its innermost operand is; nested 40 times, deeper than either test reads.
        var predicate = "c.Phone == phone";
        for (var i = 0; i < 40; i++)
        {
            predicate = i % 2 == 0 ? $"c.CompanyId == companyId || ({predicate})" : $"c.Phone == phone && ({predicate})";
        }

        var (fromSyntax, fromOperations) = await ReadAsync($"_db.Customers.IgnoreQueryFilters().Where(c => {predicate})");

        Assert.False(fromSyntax);
        Assert.True(fromOperations, "no finding on a predicate too deep to read: precision first");
    }

    private static async Task AssertReadAsync(string query, bool expectedFromSyntax)
    {
        var (fromSyntax, fromOperations) = await ReadAsync(query);

        Assert.Equal(expectedFromSyntax, fromSyntax);
        if (fromSyntax)
        {
            Assert.True(fromOperations, "The syntax shortcut called a query scoped that the operation test does not.");
        }
    }

    private static async Task<(bool FromSyntax, bool FromOperations)> ReadAsync(string query)
    {
        var (tree, compilation) = await CompileAsync(query);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var model = TenantModel.Create(compilation, TenantOptions.Default);
        var bypass = Bypass(tree);
        var operation = (IInvocationOperation)compilation.GetSemanticModel(tree).GetOperation(bypass)!;
        return (TenantPredicateSyntax.ChainIsTenantScoped(bypass, model), TenantPredicate.ChainIsTenantScoped(QueryChain.Around(operation), model));
    }

    private static async Task<(SyntaxTree Tree, CSharpCompilation Compilation)> CompileAsync(string query)
    {
        var source = $$"""
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.EntityFrameworkCore;

            namespace Booking
            {
                public class Reports
                {
                    private readonly BookingDbContext _db;
                    private readonly ICompanyContext _ctx;

                    public Reports(BookingDbContext db, ICompanyContext ctx) { _db = db; _ctx = ctx; }

                    public object Run(int companyId, string phone, List<int> ids, Customer other) => {{query}};
                }
            }
            """;
        var references = await TestReferences.EfCore10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create(
            "Predicates",
            [tree, CSharpSyntaxTree.ParseText(Prelude.Domain)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return (tree, compilation);
    }

    private static InvocationExpressionSyntax Bypass(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Single(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IgnoreQueryFilters" });
}
