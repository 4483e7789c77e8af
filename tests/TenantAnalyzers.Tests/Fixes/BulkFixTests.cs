using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using TenantAnalyzers.CodeFixes;
using TenantAnalyzers.CodeFixes.Fixes;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Fixes;

/// <summary>
/// What a bulk host (Fix All, <c>dotnet format analyzers</c>, the audit CLI) gets: the bulk-safe action first, the
/// others grouped where a finding has no bulk-safe one, no Fix All for "mark as cross-tenant", and Fix All for a key
/// that is no fix (a group's, or none) applying each finding's own bulk-safe fix.
/// </summary>
public sealed class BulkFixTests
{
    private const string Services = """
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class ReportService
            {
                private readonly BookingDbContext _db;

                public ReportService(BookingDbContext db) => _db = db;

                public int Deleted() => _db.Customers.IgnoreQueryFilters().Count(c => c.IsDeleted);
            }

            public class LoginService
            {
                private readonly BookingDbContext _db;

                public LoginService(BookingDbContext db) => _db = db;

                public Task<Customer?> SignInAsync(string phone) => _db.Customers.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Phone == phone);
            }
        }
        """;

    [Fact]
    public async Task Bypass_offers_scope_first_then_remove_then_mark()
    {
        var (solution, findings) = await AnalyzeAsync(Services);

        var actions = await ActionsAsync<FilterBypassCodeFixProvider>(solution, findings.First(f => EnclosingClass(f) == "ReportService"));

        Assert.Equal(
            [FilterBypassCodeFixProvider.ScopeByTenantKey, FilterBypassCodeFixProvider.RemoveBypassKey, FilterBypassCodeFixProvider.MarkCrossTenantKey],
            actions.Select(a => a.EquivalenceKey));
    }

    [Fact]
    public async Task Finding_without_a_bulk_safe_fix_offers_the_others_grouped_under_a_key_that_is_no_fix()
    {
        var (solution, findings) = await AnalyzeAsync(Services);

        var actions = await ActionsAsync<FilterBypassCodeFixProvider>(solution, findings.First(f => EnclosingClass(f) == "LoginService"));

        var group = Assert.Single(actions);
        Assert.Null(FixSafety.Classify(group.EquivalenceKey));
        Assert.Equal([FilterBypassCodeFixProvider.RemoveBypassKey, FilterBypassCodeFixProvider.MarkCrossTenantKey], NestedCodeActions.Leaves(group).Select(a => a.EquivalenceKey));
    }

    [Theory]
    [InlineData(FixAllScope.Document)]
    [InlineData(FixAllScope.Project)]
    [InlineData(FixAllScope.Solution)]
    public async Task Fix_all_refuses_mark_as_cross_tenant(FixAllScope scope)
    {
        var (solution, findings) = await AnalyzeAsync(Services);

        var mark = await FixAllAsync<FilterBypassCodeFixProvider>(solution, findings, FilterBypassCodeFixProvider.MarkCrossTenantKey, scope);
        var scopeFix = await FixAllAsync<FilterBypassCodeFixProvider>(solution, findings, FilterBypassCodeFixProvider.ScopeByTenantKey, scope);

        Assert.Null(mark);
        Assert.NotNull(scopeFix);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Fix_all_for_a_key_that_is_no_fix_applies_each_findings_bulk_safe_fix(bool groupKey)
    {
        var (solution, findings) = await AnalyzeAsync(Services);
        var login = findings.First(f => EnclosingClass(f) == "LoginService");
        string? key = groupKey ? (await ActionsAsync<FilterBypassCodeFixProvider>(solution, login))[0].EquivalenceKey : null;

        var action = await FixAllAsync<FilterBypassCodeFixProvider>(solution, findings, key, FixAllScope.Solution);
        var text = await TextAfterAsync(action!, solution);

        Assert.Contains("_db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == _companyContext.CompanyId).Count(c => c.IsDeleted)", text);
        Assert.Contains("_db.Customers.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Phone == phone)", text);
        Assert.DoesNotContain("CrossTenant", text);
    }

    [Fact]
    public async Task Fallback_offers_throw_first_and_ownership_check_offers_scope_first()
    {
        var (solution, findings) = await AnalyzeAsync("""
            using System.Linq;

            namespace Booking
            {
                public class Tenancy
                {
                    private readonly BookingDbContext _db;

                    public Tenancy(BookingDbContext db) => _db = db;

                    public Company Resolve(Company? company) => company ?? _db.Companies.FirstOrDefault()!;

                    public AuditEntry? Entry(int id)
                    {
                        var entry = _db.AuditEntries.Find(id);
                        return entry;
                    }
                }
            }
            """);

        var fallback = await ActionsAsync<ArbitraryTenantFallbackCodeFixProvider>(solution, findings.Single(f => f.Id == "TI0002"));
        var lookup = await ActionsAsync<MissingOwnershipCheckCodeFixProvider>(solution, findings.Single(f => f.Id == "TI0003"));

        Assert.Equal(
            [ArbitraryTenantFallbackCodeFixProvider.ThrowKey, ArbitraryTenantFallbackCodeFixProvider.ScopeKey, ArbitraryTenantFallbackCodeFixProvider.MarkCrossTenantKey],
            fallback.Select(a => a.EquivalenceKey));
        Assert.Equal(
            [MissingOwnershipCheckCodeFixProvider.ScopeKey, MissingOwnershipCheckCodeFixProvider.GuardKey, MissingOwnershipCheckCodeFixProvider.MarkCrossTenantKey],
            lookup.Select(a => a.EquivalenceKey));
    }

    private static async Task<(Solution Solution, IReadOnlyList<Diagnostic> Findings)> AnalyzeAsync(string source)
    {
        var (solution, project) = await SweepWorkspace.ForRuleTestAsync(new RuleTestInput("bulk", source, null, TestReferences.EfCore10, Prelude: true));
        var state = await ProjectState.AnalyzeAsync(solution, project, CancellationToken.None);
        return (solution, state.Findings);
    }

    private static Task<IReadOnlyList<CodeAction>> ActionsAsync<TProvider>(Solution solution, Diagnostic finding)
        where TProvider : CodeFixProvider, new() =>
        FixSweep.RegisteredActionsAsync(new TProvider(), solution.GetDocument(finding.Location.SourceTree)!, finding, CancellationToken.None);

    private static Task<CodeAction?> FixAllAsync<TProvider>(Solution solution, IReadOnlyList<Diagnostic> findings, string? key, FixAllScope scope)
        where TProvider : CodeFixProvider, new()
    {
        var provider = new TProvider();
        var ruleFindings = findings.Where(f => provider.FixableDiagnosticIds.Contains(f.Id)).ToList();
        var document = solution.GetDocument(ruleFindings[0].Location.SourceTree)!;
        var context = new FixAllContext(document, provider, scope, key!, provider.FixableDiagnosticIds, new Findings(ruleFindings), CancellationToken.None);
        return provider.GetFixAllProvider()!.GetFixAsync(context);
    }

    private static async Task<string> TextAfterAsync(CodeAction action, Solution solution)
    {
        var changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var document = changed.Projects.Single().Documents.Single(d => d.FilePath == "/0/Test0.cs");
        return (await document.GetTextAsync()).ToString();
    }

    private static string EnclosingClass(Diagnostic finding)
    {
        var text = finding.Location.SourceTree!.GetText().ToString();
        var start = text.LastIndexOf("public class ", finding.Location.SourceSpan.Start, StringComparison.Ordinal) + "public class ".Length;
        return text[start..text.IndexOf('\n', start)].Trim();
    }

    private sealed class Findings(IReadOnlyList<Diagnostic> findings) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(findings.Where(f => f.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(findings);
    }
}
