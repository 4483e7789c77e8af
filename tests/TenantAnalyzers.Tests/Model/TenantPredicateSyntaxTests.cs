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

    private static async Task AssertReadAsync(string query, bool expectedFromSyntax)
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
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var model = TenantModel.Create(compilation, TenantOptions.Default);
        var bypass = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Single(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IgnoreQueryFilters" });
        var operation = (IInvocationOperation)compilation.GetSemanticModel(tree).GetOperation(bypass)!;

        var fromSyntax = TenantPredicateSyntax.ChainIsTenantScoped(bypass, model);
        var fromOperations = TenantPredicate.ChainIsTenantScoped(QueryChain.Around(operation), model);

        Assert.Equal(expectedFromSyntax, fromSyntax);
        if (fromSyntax)
        {
            Assert.True(fromOperations, "The syntax shortcut called a query scoped that the operation test does not.");
        }
    }
}
