using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TenantAnalyzers.CodeFixes.Fixes;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Fixes;

public sealed class TI0001FilterBypassFixTests
{
    private static Task FixAsync(string source, string fixedSource, string key, string? options = null) =>
        Verify.FixAsync<FilterBypassAnalyzer, FilterBypassCodeFixProvider>(source, fixedSource, key, options);

    [Fact]
    public Task Remove_bypass_on_one_line_and_in_a_multi_line_chain() => FixAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class DashboardService
            {
                private readonly BookingDbContext _db;
                public DashboardService(BookingDbContext db) => _db = db;

                public int Count() => _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();

                public List<Customer> Recent() =>
                    _db.Customers
                        .{|TI0001:IgnoreQueryFilters()|}
                        .OrderByDescending(c => c.Id) // newest first
                        .Take(10)
                        .ToList();
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class DashboardService
            {
                private readonly BookingDbContext _db;
                public DashboardService(BookingDbContext db) => _db = db;

                public int Count() => _db.Appointments.Count();

                public List<Customer> Recent() =>
                    _db.Customers
                        .OrderByDescending(c => c.Id) // newest first
                        .Take(10)
                        .ToList();
            }
        }
        """, FilterBypassCodeFixProvider.RemoveBypassKey);

    [Fact]
    public Task Scope_uses_the_context_field_the_class_already_has() => FixAsync("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class CustomerService
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _context;

                public CustomerService(BookingDbContext db, ICompanyContext context)
                {
                    _db = db;
                    _context = context;
                }

                public int IncludingDeleted() => _db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count();
            }
        }
        """, """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class CustomerService
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _context;

                public CustomerService(BookingDbContext db, ICompanyContext context)
                {
                    _db = db;
                    _context = context;
                }

                public int IncludingDeleted() => _db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == _context.CompanyId).Count();
            }
        }
        """, FilterBypassCodeFixProvider.ScopeByTenantKey);

    [Fact]
    public Task Scope_injects_the_context_once_through_the_constructor() => FixAsync("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class CustomerService
            {
                private readonly BookingDbContext _db;

                public CustomerService(BookingDbContext db) => _db = db;

                public int IncludingDeleted() => _db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count();

                public int Appointments() => _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count(x => x.StartsAt.Year == 2026);
            }
        }
        """, """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class CustomerService
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public CustomerService(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

                public int IncludingDeleted() => _db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == _companyContext.CompanyId).Count();

                public int Appointments() => _db.Appointments.IgnoreQueryFilters().Where(a => a.CompanyId == _companyContext.CompanyId).Count(x => x.StartsAt.Year == 2026);
            }
        }
        """, FilterBypassCodeFixProvider.ScopeByTenantKey);

    [Fact]
    public Task Scope_adds_a_constructor_when_the_class_has_none_and_imports_the_context_namespace() => Verify.FixAsync<FilterBypassAnalyzer, FilterBypassCodeFixProvider>("""
        using System.Linq;
        using Booking;
        using Microsoft.EntityFrameworkCore;

        namespace Reports
        {
            public class Export
            {
                public BookingDbContext Db { get; set; } = null!;

                public int Branches() => Db.Branches.{|TI0001:IgnoreQueryFilters()|}.Count();
            }
        }
        """, """
        using System.Linq;
        using Booking;
        using Microsoft.EntityFrameworkCore;

        namespace Reports
        {
            public class Export
            {
                private readonly ICompanyContext _companyContext;

                public Export(ICompanyContext companyContext)
                {
                    _companyContext = companyContext;
                }

                public BookingDbContext Db { get; set; } = null!;

                public int Branches() => Db.Branches.IgnoreQueryFilters().Where(b => b.CompanyId == _companyContext.CompanyId).Count();
            }
        }
        """, FilterBypassCodeFixProvider.ScopeByTenantKey);

    [Fact]
    public Task Scope_uses_a_context_parameter_and_scopes_a_tenant_root_by_its_key() => FixAsync("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public static class CompanyQueries
            {
                public static Company? WithBranches(BookingDbContext db, ICompanyContext ctx) =>
                    db.Companies.{|TI0001:IgnoreQueryFilters()|}.Include(c => c.Branches).FirstOrDefault();
            }
        }
        """, """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public static class CompanyQueries
            {
                public static Company? WithBranches(BookingDbContext db, ICompanyContext ctx) =>
                    db.Companies.IgnoreQueryFilters().Where(c => c.Id == ctx.CompanyId).Include(c => c.Branches).FirstOrDefault();
            }
        }
        """, FilterBypassCodeFixProvider.ScopeByTenantKey);

    [Fact]
    public Task Scope_is_not_offered_in_a_static_class_without_a_context() => Verify.NoFixAsync<FilterBypassAnalyzer, FilterBypassCodeFixProvider>("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public static class Queries
            {
                public static int All(BookingDbContext db) => db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();
            }
        }
        """, FilterBypassCodeFixProvider.ScopeByTenantKey);

    [Fact]
    public Task Scope_is_not_offered_when_the_context_type_does_not_exist() => Verify.NoFixAsync<FilterBypassAnalyzer, FilterBypassCodeFixProvider>("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class Queries
            {
                public int All(BookingDbContext db) => db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();
            }
        }
        """, FilterBypassCodeFixProvider.ScopeByTenantKey, "tenant_isolation.context_type = IUserSession");

    [Fact]
    public Task Scope_uses_the_configured_context_type_and_member() => FixAsync("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public interface IUserSession
            {
                int CurrentCompanyId { get; }
            }

            public class Reports
            {
                private readonly BookingDbContext _db;
                private readonly IUserSession _session;

                public Reports(BookingDbContext db, IUserSession session)
                {
                    _db = db;
                    _session = session;
                }

                public int Customers() => _db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count();
            }
        }
        """, """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public interface IUserSession
            {
                int CurrentCompanyId { get; }
            }

            public class Reports
            {
                private readonly BookingDbContext _db;
                private readonly IUserSession _session;

                public Reports(BookingDbContext db, IUserSession session)
                {
                    _db = db;
                    _session = session;
                }

                public int Customers() => _db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == _session.CurrentCompanyId).Count();
            }
        }
        """, FilterBypassCodeFixProvider.ScopeByTenantKey, "tenant_isolation.context_type = Booking.IUserSession\ntenant_isolation.context_member = CurrentCompanyId");

    [Fact]
    public Task Mark_cross_tenant_adds_the_attribute_once_per_member_and_the_finding_stays_until_justified() =>
        Verify.FixAsync<FilterBypassCodeFixProvider>([new FilterBypassAnalyzer(), new CrossTenantJustificationAnalyzer()], """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class PlatformReports
            {
                private readonly BookingDbContext _db;
                public PlatformReports(BookingDbContext db) => _db = db;

                /// <summary>Bookings of every company.</summary>
                public int Bookings() => _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count() + _db.Branches.{|TI0001:IgnoreQueryFilters()|}.Count();

                [System.Obsolete("use Bookings")]
                public int Customers() => _db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count();
            }
        }
        """, """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class PlatformReports
            {
                private readonly BookingDbContext _db;
                public PlatformReports(BookingDbContext db) => _db = db;

                /// <summary>Bookings of every company.</summary>
                [{|TI0100:CrossTenant("TODO: justify")|}]
                public int Bookings() => _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count() + _db.Branches.{|TI0001:IgnoreQueryFilters()|}.Count();

                [{|TI0100:CrossTenant("TODO: justify")|}]
                [System.Obsolete("use Bookings")]
                public int Customers() => _db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count();
            }
        }
        """, FilterBypassCodeFixProvider.MarkCrossTenantKey);

    [Fact]
    public async Task Fix_all_in_the_project_fixes_every_document()
    {
        var test = new CSharpCodeFixTest<FilterBypassAnalyzer, FilterBypassCodeFixProvider, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.EfCore10,
            CodeActionEquivalenceKey = FilterBypassCodeFixProvider.RemoveBypassKey,
        };
        const string first = "using System.Linq; using Microsoft.EntityFrameworkCore; namespace Booking { public class A { public int M(BookingDbContext db) => db.Branches.{|TI0001:IgnoreQueryFilters()|}.Count(); } }";
        const string second = "using System.Linq; using Microsoft.EntityFrameworkCore; namespace Booking { public class B { public int M(BookingDbContext db) => db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count(); } }";
        test.TestState.Sources.Add(("/0/A.cs", first));
        test.TestState.Sources.Add(("/0/B.cs", second));
        test.TestState.Sources.Add((Prelude.FileName, Prelude.Domain));
        test.FixedState.Sources.Add(("/0/A.cs", first.Replace(".{|TI0001:IgnoreQueryFilters()|}", "")));
        test.FixedState.Sources.Add(("/0/B.cs", second.Replace(".{|TI0001:IgnoreQueryFilters()|}", "")));
        test.FixedState.Sources.Add((Prelude.FileName, Prelude.Domain));
        await test.RunAsync();
    }
}
