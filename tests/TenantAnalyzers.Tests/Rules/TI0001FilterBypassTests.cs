using Microsoft.CodeAnalysis.Testing;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

public sealed class TI0001FilterBypassTests
{
    private static Task VerifyAsync(string source, string? options = null) =>
        Verify.AnalyzerAsync<FilterBypassAnalyzer>(source, options);

    private static string Service(string members) => $$"""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class ReportService
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public ReportService(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

        {{members}}
            }
        }
        """;

    [Fact]
    public Task Bypass_on_filtered_entity_is_reported() => VerifyAsync(Service("""
                public List<Appointment> All() => _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.ToList();
        """));

    [Fact]
    public Task Message_names_the_method_the_entity_and_the_member() => Verify.AnalyzerAsync<FilterBypassAnalyzer>(
        Service("""
                public int Count() => _db.Customers.{|#0:IgnoreQueryFilters()|}.Count();
        """),
        expected: new DiagnosticResult("TI0001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments("IgnoreQueryFilters", "Customer", "ReportService.Count"));

    [Fact]
    public Task Query_syntax_is_reported() => VerifyAsync(Service("""
                public List<string> Names() =>
                    (from c in _db.Customers.{|TI0001:IgnoreQueryFilters()|}
                     where c.Name != ""
                     select c.Name).ToList();
        """));

    [Fact]
    public Task Async_chain_scoped_by_another_column_is_reported() => VerifyAsync(Service("""
                public async Task<Customer?> ByPhone(string phone) =>
                    await _db.Customers.{|TI0001:IgnoreQueryFilters()|}.Where(c => c.Phone == phone).OrderBy(c => c.Id).FirstOrDefaultAsync();
        """));

    [Fact]
    public Task Include_of_tenant_data_from_an_unfiltered_root_is_reported() => VerifyAsync(Service("""
                public List<Company> WithBranches() => _db.Companies.{|TI0001:IgnoreQueryFilters()|}.Include(c => c.Branches).ToList();
        """));

    [Fact]
    public Task Projection_onto_tenant_data_is_reported() => VerifyAsync(Service("""
                public List<Appointment> Everything() => _db.Companies.{|TI0001:IgnoreQueryFilters()|}.SelectMany(c => c.Branches).SelectMany(b => b.Appointments).ToList();
        """));

    [Fact]
    public Task Disjunction_with_another_condition_does_not_rescope() => VerifyAsync(Service("""
                public List<Customer> Find(string phone) =>
                    _db.Customers.{|TI0001:IgnoreQueryFilters()|}.Where(c => c.CompanyId == _companyContext.CompanyId || c.Phone == phone).ToList();
        """));

    [Fact]
    public Task Bypass_in_a_lambda_and_a_local_function_is_reported() => VerifyAsync(Service("""
                public int Total()
                {
                    int Local() => _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();
                    System.Func<int> lambda = () => _db.Branches.{|TI0001:IgnoreQueryFilters()|}.Count();
                    return Local() + lambda();
                }
        """));

    [Fact]
    public Task Non_tenant_entity_is_not_reported() => VerifyAsync(Service("""
                public List<Country> Countries() => _db.Countries.IgnoreQueryFilters().ToList();
        """));

    [Fact]
    public Task Tenant_owned_entity_without_a_tenant_filter_is_not_reported() => VerifyAsync(Service("""
                public List<AuditEntry> Audit() => _db.AuditEntries.IgnoreQueryFilters().ToList();
        """));

    [Fact]
    public Task Justified_member_is_reported_only_as_justified() => VerifyAsync(Service("""
                [CrossTenant("Platform operator report: counts bookings of every company for billing")]
                public int AllBookings() => _db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count();
        """));

    [Fact]
    public Task Justified_type_is_reported_only_as_justified() => VerifyAsync("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            [CrossTenant("Nightly export job of the platform operator, runs without a user")]
            public class ExportJob
            {
                public int Run(BookingDbContext db) => db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count();
            }
        }
        """);

    [Fact]
    public async Task Justified_findings_are_off_by_default_in_a_build()
    {
        // The verifiers turn every descriptor on; a build (the driver with default options) must show nothing.
        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(Service("""
                [CrossTenant("Platform operator report: counts bookings of every company for billing")]
                public int AllBookings() => _db.Appointments.IgnoreQueryFilters().Count();
        """), Prelude.Domain);

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("TI", StringComparison.Ordinal));
    }

    [Fact]
    public Task Placeholder_justification_does_not_silence() => VerifyAsync(Service("""
                [CrossTenant("TODO: justify")]
                public int AllBookings() => _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();
        """));

    [Fact]
    public Task Empty_justification_does_not_silence() => VerifyAsync(Service("""
                [CrossTenant("")]
                public int AllBookings() => _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();
        """));

    [Fact]
    public Task Query_rescoped_by_the_context_tenant_key_is_not_reported() => VerifyAsync(Service("""
                public List<Customer> IncludingDeleted() =>
                    _db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == _companyContext.CompanyId).ToList();
        """));

    [Fact]
    public Task Query_rescoped_before_the_bypass_and_by_a_parameter_is_not_reported() => VerifyAsync(Service("""
                public Task<int> Count(int companyId) =>
                    _db.Customers.Where(c => c.Phone != "" && c.CompanyId == companyId).IgnoreQueryFilters().CountAsync();
        """));

    [Fact]
    public Task Query_rescoped_by_a_set_of_tenant_ids_is_not_reported() => VerifyAsync(Service("""
                public List<Appointment> ForCompanies(List<int> companyIds) =>
                    _db.Appointments.IgnoreQueryFilters().Where(a => companyIds.Contains(a.CompanyId)).ToList();
        """));

    [Fact]
    public Task Query_rescoped_through_a_navigation_to_the_root_is_not_reported() => VerifyAsync(Service("""
                public List<Branch> Branches() =>
                    _db.Branches.IgnoreQueryFilters().Where(b => b.Company.Id == _companyContext.CompanyId).ToList();
        """));

    [Fact]
    public Task Query_continued_through_a_local_and_rescoped_is_not_reported() => VerifyAsync(Service("""
                public List<Customer> Search(string? phone)
                {
                    var query = _db.Customers.IgnoreQueryFilters();
                    if (phone is not null)
                    {
                        query = query.Where(c => c.Phone == phone);
                    }

                    query = query.Where(c => c.CompanyId == _companyContext.CompanyId);
                    return query.ToList();
                }
        """));

    [Fact]
    public Task Query_continued_through_a_local_without_scope_is_reported() => VerifyAsync(Service("""
                public List<Customer> Search(string phone)
                {
                    var query = _db.Customers.{|TI0001:IgnoreQueryFilters()|};
                    query = query.Where(c => c.Phone == phone);
                    return query.ToList();
                }
        """));

    [Fact]
    public Task Generic_repository_with_an_open_entity_type_is_not_reported() => VerifyAsync("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class Repository<TEntity> where TEntity : class
            {
                private readonly DbContext _db;
                public Repository(DbContext db) => _db = db;
                public IQueryable<TEntity> Unfiltered() => _db.Set<TEntity>().IgnoreQueryFilters();
            }
        }
        """);

    [Fact]
    public Task A_method_of_another_library_named_IgnoreQueryFilters_is_not_reported() => VerifyAsync("""
        namespace Booking
        {
            public class SearchIndex
            {
                public SearchIndex IgnoreQueryFilters() => this;
                public void Run() => new SearchIndex().IgnoreQueryFilters();
            }
        }
        """);

    [Fact]
    public Task Generated_code_is_not_reported() => VerifyAsync(Service("""
                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                public int Generated() => _db.Appointments.IgnoreQueryFilters().Count();
        """));

    [Fact]
    public Task Bypass_method_wrapper_is_reported_at_its_call_sites() => VerifyAsync("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public static class TenantQueryExtensions
            {
                public static IQueryable<T> IgnoreTenantFilter<T>(this IQueryable<T> query) where T : class => query.IgnoreQueryFilters();
            }

            public class CustomerLookup
            {
                public int Count(BookingDbContext db) => db.Customers.{|TI0001:IgnoreTenantFilter()|}.Count();
                public int Countries(BookingDbContext db) => db.Countries.IgnoreTenantFilter().Count();
            }
        }
        """, "tenant_isolation.bypass_methods = TenantQueryExtensions.IgnoreTenantFilter");

    [Fact]
    public Task Bypass_method_wrapper_is_not_reported_without_the_option() => VerifyAsync("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public static class TenantQueryExtensions
            {
                public static IQueryable<T> IgnoreTenantFilter<T>(this IQueryable<T> query) where T : class => query.IgnoreQueryFilters();
            }

            public class CustomerLookup
            {
                public int Count(BookingDbContext db) => db.Customers.IgnoreTenantFilter().Count();
            }
        }
        """);

    [Fact]
    public Task Query_filters_none_reports_nothing() => VerifyAsync(Service("""
                public List<Appointment> All() => _db.Appointments.IgnoreQueryFilters().ToList();
        """), "tenant_isolation.query_filters = none");

    [Fact]
    public Task Query_filters_all_treats_every_tenant_owned_entity_as_filtered() => VerifyAsync(Service("""
                public List<AuditEntry> Audit() => _db.AuditEntries.{|TI0001:IgnoreQueryFilters()|}.ToList();
                public List<Country> Countries() => _db.Countries.IgnoreQueryFilters().ToList();
        """), "tenant_isolation.query_filters = all");

    [Fact]
    public Task Tenant_key_option_changes_what_is_tenant_owned() => VerifyAsync(Service("""
                public List<AuditEntry> Audit() => _db.AuditEntries.IgnoreQueryFilters().ToList();
                public List<Appointment> All() => _db.Appointments.IgnoreQueryFilters().ToList();
        """), "tenant_isolation.tenant_key = OrganizationId\ntenant_isolation.query_filters = all");

    [Fact]
    public Task Owned_marker_option_makes_a_type_tenant_owned() => Verify.AnalyzerAsync<FilterBypassAnalyzer>("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Shop
        {
            public interface IMustHaveTenant { }
            public class Invoice : IMustHaveTenant { public int Id { get; set; } public int OrganizationRef { get; set; } }
            public class ShopContext : DbContext
            {
                public DbSet<Invoice> Invoices => Set<Invoice>();
            }

            public class Billing
            {
                public int Count(ShopContext db) => db.Invoices.{|TI0001:IgnoreQueryFilters()|}.Count();
            }
        }
        """, "tenant_isolation.owned_markers = IMustHaveTenant\ntenant_isolation.query_filters = all", prelude: false);

    [Fact]
    public Task App_without_tenant_owned_types_gets_no_diagnostics() => Verify.AnalyzerAsync<FilterBypassAnalyzer>("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Blog
        {
            public class Post { public int Id { get; set; } public bool IsDeleted { get; set; } }
            public class BlogContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                    modelBuilder.Entity<Post>().HasQueryFilter(p => !p.IsDeleted);
            }

            public class Archive
            {
                public int Count(BlogContext db) => db.Posts.IgnoreQueryFilters().Count();
            }
        }
        """, prelude: false);

    [Theory]
    [InlineData(null, false)]
    [InlineData("tenant_isolation.include_tests = true", true)]
    public async Task Test_projects_are_skipped_unless_included(string? options, bool reported)
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<FilterBypassAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.EfCore10WithXunit,
        };
        var bypass = reported ? "{|TI0001:IgnoreQueryFilters()|}" : "IgnoreQueryFilters()";
        test.TestState.Sources.Add("using System.Linq; using Microsoft.EntityFrameworkCore; namespace Booking { public class SoftDeleteTests { [Xunit.Fact] public void Rows_stay(BookingDbContext db) => System.Console.WriteLine(db.Customers." + bypass + ".Count()); } }");
        test.TestState.Sources.Add((Prelude.FileName, Prelude.Domain));
        if (options is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", Verify.GlobalConfig(options)));
        }

        await test.RunAsync();
    }
}
