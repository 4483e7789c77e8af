using TenantAnalyzers.CodeFixes.Fixes;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Fixes;

/// <summary>
/// How every fix that needs the company context reaches it (Editing/CompanyContextAccess): minimal-API handlers get it as
/// a parameter, a nullable context member is used fail-secure, injection follows the type's conventions, and no fix is
/// offered where injecting would break code or no company is known yet.
/// </summary>
public sealed class ContextAccessFixTests
{
    /// <summary>A context whose member is <c>int?</c>: no company when signed out.</summary>
    private const string NullableContextModel = """

        namespace Shop
        {
            public interface ICompanyContext
            {
                int? CompanyId { get; }
            }

            public class Customer
            {
                public int Id { get; set; }
                public int CompanyId { get; set; }
                public string Name { get; set; } = "";
            }

            public class ShopContext : Microsoft.EntityFrameworkCore.DbContext
            {
                public Microsoft.EntityFrameworkCore.DbSet<Customer> Customers => Set<Customer>();
            }
        }
        """;

    /// <summary><see cref="NullableContextModel"/> with another tenant-key type (<c>Guid</c>).</summary>
    private static string NullableContextModelKeyedBy(string keyType) =>
        NullableContextModel.Replace("int? CompanyId", keyType + "? CompanyId").Replace("int CompanyId", keyType + " CompanyId");

    [Fact]
    public Task Static_minimal_api_lambda_gets_the_context_as_a_parameter_for_a_scoped_lookup() =>
        Verify.FixAsync<MissingOwnershipCheckAnalyzer, MissingOwnershipCheckCodeFixProvider>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        namespace Booking
        {
            public static class AuditEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapGet("/audit/{id}", static (int id, BookingDbContext db) => Results.Ok(db.AuditEntries.{|TI0003:Find(id)|}));
                }
            }
        }
        """, """
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        namespace Booking
        {
            public static class AuditEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapGet("/audit/{id}", static (int id, BookingDbContext db, ICompanyContext companyContext) => Results.Ok(db.AuditEntries.FirstOrDefault(a => a.Id == id && a.CompanyId == companyContext.CompanyId)));
                }
            }
        }
        """, MissingOwnershipCheckCodeFixProvider.ScopeKey, references: TestReferences.AspNetCore10);

    [Fact]
    public Task Static_minimal_api_lambda_gets_the_context_as_a_parameter_once_for_the_keys_it_sets() =>
        Verify.FixAsync<TenantKeyNotForcedAnalyzer, TenantKeyNotForcedCodeFixProvider>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        namespace Booking
        {
            public static class CustomerEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapPost("/customers", static (string name, BookingDbContext db, string? note = null) =>
                    {
                        db.Customers.Add({|TI0004:new Customer|} { Name = name });
                        db.AuditEntries.Add({|TI0004:new AuditEntry|} { Message = note ?? name });
                        return Results.Ok();
                    });
                }
            }
        }
        """, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        namespace Booking
        {
            public static class CustomerEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapPost("/customers", static (string name, BookingDbContext db, ICompanyContext companyContext, string? note = null) =>
                    {
                        db.Customers.Add(new Customer { Name = name, CompanyId = companyContext.CompanyId });
                        db.AuditEntries.Add(new AuditEntry { Message = note ?? name, CompanyId = companyContext.CompanyId });
                        return Results.Ok();
                    });
                }
            }
        }
        """, TenantKeyNotForcedCodeFixProvider.SetTenantKeyKey, references: TestReferences.AspNetCore10);

    [Fact]
    public Task Static_method_group_handler_gets_the_context_as_a_parameter() =>
        Verify.FixAsync<TenantIdFromInputAnalyzer, TenantIdFromInputCodeFixProvider>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        namespace Booking
        {
            public static class CompanyEndpoints
            {
                public static void Map(IEndpointRouteBuilder app) => app.MapGet("/companies/{companyId}", GetCompany);

                private static IResult GetCompany(int companyId, BookingDbContext db) => Results.Ok(db.Companies.Find({|TI0005:companyId|}));
            }
        }
        """, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        namespace Booking
        {
            public static class CompanyEndpoints
            {
                public static void Map(IEndpointRouteBuilder app) => app.MapGet("/companies/{companyId}", GetCompany);

                private static IResult GetCompany(int companyId, BookingDbContext db, ICompanyContext companyContext) => Results.Ok(db.Companies.Find(companyContext.CompanyId));
            }
        }
        """, TenantIdFromInputCodeFixProvider.UseContextKey, references: TestReferences.AspNetCore10);

    [Fact]
    public Task Static_method_called_elsewhere_gets_no_parameter() => Verify.NoFixAsync<TenantIdFromInputAnalyzer, TenantIdFromInputCodeFixProvider>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        namespace Booking
        {
            public static class CompanyEndpoints
            {
                public static void Map(IEndpointRouteBuilder app) => app.MapGet("/companies/{companyId}", GetCompany);

                public static IResult Again(BookingDbContext db) => GetCompany(1, db);

                private static IResult GetCompany(int companyId, BookingDbContext db) => Results.Ok(db.Companies.Find({|TI0005:companyId|}));
            }
        }
        """, TenantIdFromInputCodeFixProvider.UseContextKey, references: TestReferences.AspNetCore10);

    [Theory]
    [InlineData("int")]
    [InlineData("System.Guid")]
    public Task Nullable_context_member_sets_the_key_fail_secure(string keyType) =>
        Verify.FixAsync<TenantKeyNotForcedAnalyzer, TenantKeyNotForcedCodeFixProvider>("""
        namespace Shop
        {
            public class CustomerDesk
            {
                private readonly ShopContext _db;
                private readonly ICompanyContext _context;

                public CustomerDesk(ShopContext db, ICompanyContext context)
                {
                    _db = db;
                    _context = context;
                }

                public void Add(string name) => _db.Customers.Add({|TI0004:new Customer|} { Name = name });
            }
        }
        """ + NullableContextModelKeyedBy(keyType), """
        using System;

        namespace Shop
        {
            public class CustomerDesk
            {
                private readonly ShopContext _db;
                private readonly ICompanyContext _context;

                public CustomerDesk(ShopContext db, ICompanyContext context)
                {
                    _db = db;
                    _context = context;
                }

                public void Add(string name) => _db.Customers.Add(new Customer { Name = name, CompanyId = _context.CompanyId ?? throw new InvalidOperationException("No company context") });
            }
        }
        """ + NullableContextModelKeyedBy(keyType), TenantKeyNotForcedCodeFixProvider.SetTenantKeyKey, prelude: false);

    [Fact]
    public Task Nullable_context_member_replaces_input_fail_secure_and_compares_as_it_is_in_queries() =>
        Verify.FixAsync<TenantIdFromInputAnalyzer, TenantIdFromInputCodeFixProvider>("""
        using System.Linq;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop
        {
            [ApiController]
            public class CustomersController : ControllerBase
            {
                private readonly ShopContext _db;
                private readonly ICompanyContext _context;

                public CustomersController(ShopContext db, ICompanyContext context)
                {
                    _db = db;
                    _context = context;
                }

                [HttpPost]
                public void Create(int companyId, string name) => _db.Customers.Add(new Customer { Name = name, CompanyId = {|TI0005:companyId|} });

                [HttpGet]
                public int Count(int companyId) => _db.Customers.Count(c => c.CompanyId == {|TI0005:companyId|});
            }
        }
        """ + NullableContextModel, """
        using System;
        using System.Linq;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop
        {
            [ApiController]
            public class CustomersController : ControllerBase
            {
                private readonly ShopContext _db;
                private readonly ICompanyContext _context;

                public CustomersController(ShopContext db, ICompanyContext context)
                {
                    _db = db;
                    _context = context;
                }

                [HttpPost]
                public void Create(int companyId, string name) => _db.Customers.Add(new Customer { Name = name, CompanyId = _context.CompanyId ?? throw new InvalidOperationException("No company context") });

                [HttpGet]
                public int Count(int companyId) => _db.Customers.Count(c => c.CompanyId == _context.CompanyId);
            }
        }
        """ + NullableContextModel, TenantIdFromInputCodeFixProvider.UseContextKey, prelude: false, references: TestReferences.AspNetCore10);

    [Fact]
    public Task Injection_follows_fields_without_underscore_chained_and_optional_constructor_parameters() =>
        Verify.FixAsync<FilterBypassAnalyzer, FilterBypassCodeFixProvider>("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class Reports
            {
                private readonly BookingDbContext db;
                private readonly int pageSize;

                public Reports(BookingDbContext db) : this(db, 20)
                {
                }

                public Reports(BookingDbContext db, int pageSize, string? title = null)
                {
                    this.db = db;
                    this.pageSize = pageSize;
                }

                public int Deleted() => db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count(c => c.IsDeleted) + pageSize;
            }
        }
        """, """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class Reports
            {
                private readonly BookingDbContext db;
                private readonly int pageSize;
                private readonly ICompanyContext companyContext;

                public Reports(BookingDbContext db, ICompanyContext companyContext) : this(db, 20, companyContext: companyContext)
                {
                }

                public Reports(BookingDbContext db, int pageSize, ICompanyContext companyContext, string? title = null)
                {
                    this.db = db;
                    this.pageSize = pageSize;
                    this.companyContext = companyContext;
                }

                public int Deleted() => db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == companyContext.CompanyId).Count(c => c.IsDeleted) + pageSize;
            }
        }
        """, FilterBypassCodeFixProvider.ScopeByTenantKey);

    [Fact]
    public Task Primary_constructor_gets_the_context_as_a_parameter() =>
        Verify.FixAsync<FilterBypassAnalyzer, FilterBypassCodeFixProvider>("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class Reports(BookingDbContext db)
            {
                public int Deleted() => db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count(c => c.IsDeleted);
            }
        }
        """, """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class Reports(BookingDbContext db, ICompanyContext companyContext)
            {
                public int Deleted() => db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == companyContext.CompanyId).Count(c => c.IsDeleted);
            }
        }
        """, FilterBypassCodeFixProvider.ScopeByTenantKey);

    [Fact]
    public Task Primary_constructor_context_is_used_not_injected_again() =>
        Verify.FixAsync<FilterBypassAnalyzer, FilterBypassCodeFixProvider>("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class Reports(BookingDbContext db, ICompanyContext tenant)
            {
                public int Deleted() => db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count(c => c.IsDeleted);
            }
        }
        """, """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class Reports(BookingDbContext db, ICompanyContext tenant)
            {
                public int Deleted() => db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == tenant.CompanyId).Count(c => c.IsDeleted);
            }
        }
        """, FilterBypassCodeFixProvider.ScopeByTenantKey);

    [Theory]
    [InlineData("public static class Factory { public static Reports Create(BookingDbContext db) => new Reports(db); }")]
    [InlineData("public class MonthlyReports : Reports { public MonthlyReports(BookingDbContext db) : base(db) { } }")]
    [InlineData("public partial class Reports { }")]
    public Task Context_is_not_injected_where_the_constructor_is_called_or_the_type_is_split(string elsewhere) =>
        Verify.NoFixAsync<FilterBypassAnalyzer, FilterBypassCodeFixProvider>($$"""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public partial class Reports
            {
                private readonly BookingDbContext _db;

                public Reports(BookingDbContext db) => _db = db;

                public int Deleted() => _db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count(c => c.IsDeleted);
            }

            {{elsewhere}}
        }
        """, FilterBypassCodeFixProvider.ScopeByTenantKey);

    [Theory]
    [InlineData("LoginService", "SignInAsync")]
    [InlineData("AccountService", "ResetPasswordAsync")]
    [InlineData("AuthenticationTools", "FindAsync")]
    public Task Sign_in_code_gets_no_fix_that_reads_the_context(string type, string method) =>
        Verify.NoFixAsync<FilterBypassAnalyzer, FilterBypassCodeFixProvider>($$"""
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class {{type}}
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public {{type}}(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

                public Task<Customer?> {{method}}(string phone) => _db.Customers.{|TI0001:IgnoreQueryFilters()|}.FirstOrDefaultAsync(c => c.Phone == phone);
            }
        }
        """, FilterBypassCodeFixProvider.ScopeByTenantKey);

    [Fact]
    public Task Code_named_like_sign_in_only_in_part_of_a_word_is_fixed() =>
        Verify.FixAsync<FilterBypassAnalyzer, FilterBypassCodeFixProvider>("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class CatalogInventory
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public CatalogInventory(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

                public int Signing() => _db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count();
            }
        }
        """, """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class CatalogInventory
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public CatalogInventory(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

                public int Signing() => _db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == _companyContext.CompanyId).Count();
            }
        }
        """, FilterBypassCodeFixProvider.ScopeByTenantKey);
}
