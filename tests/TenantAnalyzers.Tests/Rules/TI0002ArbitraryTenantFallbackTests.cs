using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

public sealed class TI0002ArbitraryTenantFallbackTests
{
    private static Task VerifyAsync(string source, string? options = null) =>
        Verify.AnalyzerAsync<ArbitraryTenantFallbackAnalyzer>(source, options);

    private static string Service(string members) => $$"""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class CompanyService
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public CompanyService(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

        {{members}}
            }
        }
        """;

    [Fact]
    public Task Unscoped_pick_of_the_tenant_root_is_reported() => VerifyAsync(Service("""
                public Company Current() => _db.Companies.{|TI0002:First()|};
                public Company? Any() => _db.Companies.{|TI0002:SingleOrDefault()|};
                public Company? Newest() => _db.Companies.{|TI0002:LastOrDefault()|};
        """));

    [Fact]
    public Task Message_names_the_operator_the_root_and_the_member() => Verify.AnalyzerAsync<ArbitraryTenantFallbackAnalyzer>(
        Service("""
                public Company? Current() => _db.Companies.{|#0:FirstOrDefault()|};
        """),
        expected: new DiagnosticResult("TI0002", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("FirstOrDefault", "Company", "CompanyService.Current"));

    [Fact]
    public Task Async_pick_after_ordering_tracking_and_bypass_is_reported() => VerifyAsync(Service("""
                public async Task<Company?> Current() =>
                    await _db.Companies.AsNoTracking().IgnoreQueryFilters().OrderBy(c => c.Name).{|TI0002:FirstOrDefaultAsync()|};
                public Task<Company> ViaSet() => _db.Set<Company>().{|TI0002:SingleAsync()|};
        """));

    [Fact]
    public Task Projection_of_an_arbitrary_company_is_reported() => VerifyAsync(Service("""
                public int CurrentId() => _db.Companies.Select(c => c.Id).{|TI0002:First()|};
        """));

    [Fact]
    public Task Coalesce_fallback_is_reported_once_as_a_whole() => VerifyAsync(Service("""
                public Company Resolve(Company? fromRequest) => {|TI0002:fromRequest ?? _db.Companies.First()|};
        """));

    [Fact]
    public Task Coalesce_assignment_fallback_with_await_is_reported_once() => VerifyAsync(Service("""
                public async Task<Company?> Resolve(Company? company)
                {
                    {|TI0002:company ??= await _db.Companies.FirstOrDefaultAsync()|};
                    return company;
                }
        """));

    [Fact]
    public Task Conditional_fallback_is_reported_once() => VerifyAsync(Service("""
                public Company? Resolve(Company? company) => {|TI0002:company != null ? company : _db.Companies.FirstOrDefault()|};
        """));

    [Fact]
    public Task Scoped_picks_are_not_reported() => VerifyAsync(Service("""
                public Company? ByContext() => _db.Companies.Where(c => c.Id == _companyContext.CompanyId).FirstOrDefault();
                public Company? ById(int id) => _db.Companies.FirstOrDefault(c => c.Id == id);
                public Task<Company?> ByName(string name) => _db.Companies.FirstOrDefaultAsync(c => c.Name == name);
                public Company? Fallback(Company? company) => company ?? _db.Companies.SingleOrDefault(c => c.Id == _companyContext.CompanyId);
        """));

    [Fact]
    public Task In_memory_collections_are_not_reported() => VerifyAsync(Service("""
                public Company First(List<Company> companies) => companies.First();
                public Company? Any(IEnumerable<Company> companies) => companies.FirstOrDefault();
                public Company Loaded() => _db.Companies.ToList().First();
        """));

    [Fact]
    public Task Queries_held_in_a_variable_or_returned_by_a_method_are_not_reported() => VerifyAsync(Service("""
                private IQueryable<Company> Mine() => _db.Companies.Where(c => c.Id == _companyContext.CompanyId);
                public Company? Current() => Mine().FirstOrDefault();
                public Company? Given(IQueryable<Company> companies) => companies.FirstOrDefault();
        """));

    [Fact]
    public Task Tenant_owned_and_unrelated_types_are_not_reported() => VerifyAsync(Service("""
                public Branch? AnyBranch() => _db.Branches.FirstOrDefault();
                public Country? AnyCountry() => _db.Countries.FirstOrDefault();
        """));

    [Fact]
    public Task Justified_cross_tenant_code_is_reported_only_as_justified() => VerifyAsync(Service("""
                [CrossTenant("Platform health check pings the oldest company record, no tenant data leaves")]
                public Company? Probe() => _db.Companies.{|TI0200:FirstOrDefault()|};
        """));

    [Fact]
    public Task Seeders_are_not_reported() => VerifyAsync("""
        using System.Linq;

        namespace Booking
        {
            public class DemoDataSeeder
            {
                public void Run(BookingDbContext db) => db.Branches.Add(new Branch { Company = db.Companies.First(), Name = "Main" });
            }

            public class Startup
            {
                public void SeedBranches(BookingDbContext db) => db.Branches.Add(new Branch { Company = db.Companies.First(), Name = "Main" });
            }
        }
        """);

    [Fact]
    public Task Generated_code_is_not_reported() => VerifyAsync(Service("""
                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                public Company? Generated() => _db.Companies.FirstOrDefault();
        """));

    [Fact]
    public Task Tenant_root_option_changes_the_root() => VerifyAsync(Service("""
                public Company? AnyCompany() => _db.Companies.FirstOrDefault();
                public Branch? AnyBranch() => _db.Branches.{|TI0002:FirstOrDefault()|};
        """), "tenant_isolation.tenant_root = Branch");

    [Fact]
    public Task Tenant_key_and_query_filter_options_do_not_change_what_a_root_is() => VerifyAsync(Service("""
                public Company? AnyCompany() => _db.Companies.{|TI0002:FirstOrDefault()|};
        """), "tenant_isolation.tenant_key = OrganizationId\ntenant_isolation.query_filters = none");

    [Fact]
    public Task Works_on_EF_Core_8() => Verify.AnalyzerAsync<ArbitraryTenantFallbackAnalyzer>(
        Service("""
                public Task<Company?> Current() => _db.Companies.{|TI0002:FirstOrDefaultAsync()|};
        """),
        references: TestReferences.EfCore8);

    [Fact]
    public async Task Test_projects_are_not_reported()
    {
        var test = new CSharpAnalyzerTest<ArbitraryTenantFallbackAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.EfCore10 };
        test.TestState.Sources.Add(Service("""
                public Company Fixture() => _db.Companies.First();
        """));
        test.TestState.Sources.Add((Prelude.FileName, Prelude.Domain));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        await test.RunAsync();
    }
}
