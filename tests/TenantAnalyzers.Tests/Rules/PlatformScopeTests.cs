using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

/// <summary>
/// Platform scope (spec §2): code only platform operators reach is justified cross-tenant code, reported as TI0200 with
/// source <c>authorization</c> by TI0001, TI0002, TI0003 and TI0005, never by TI0004. And the traps: OR-ed roles, a
/// check that does not dominate, anonymous access.
/// </summary>
public sealed class PlatformScopeTests
{
    private const string Roles = """

        namespace Booking
        {
            public static class AppRoles
            {
                public const string SuperAdmin = "super_admin";
                public const string Admin = "admin";
            }

            public enum PlatformRole
            {
                SuperAdmin,
                Support,
            }
        }
        """;

    private static Task VerifyAsync<TAnalyzer>(string source, string? options = null, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        Verify.AnalyzerAsync<TAnalyzer>(source + Roles, options, TestReferences.AspNetCore10, expected: expected);

    private static DiagnosticResult Justified(int location, string rule, string member, string reason) =>
        new DiagnosticResult("TI0200", DiagnosticSeverity.Info).WithLocation(location).WithArguments(rule, member, "authorization", reason);

    private static string Controller(string attributes, string members) => $$"""
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            {{attributes}}
            [ApiController]
            [Route("api/admin/companies")]
            public class CompanyAdminController : ControllerBase
            {
                private readonly BookingDbContext _db;

                public CompanyAdminController(BookingDbContext db) => _db = db;

        {{members}}
            }
        }
        """;

    [Fact]
    public Task Platform_role_on_the_controller_justifies_every_rule_but_TI0004() => VerifyAsync<FilterBypassAnalyzer>(
        Controller("[Authorize(Roles = AppRoles.SuperAdmin)]", """
                [HttpGet("bookings")]
                public int Bookings() => _db.Appointments.{|#0:IgnoreQueryFilters()|}.Count();
        """),
        expected: Justified(0, "TI0001", "CompanyAdminController.Bookings", "Roles=super_admin on CompanyAdminController"));

    [Fact]
    public async Task Platform_scope_covers_TI0002_TI0003_and_TI0005_but_not_TI0004()
    {
        var source = Controller("[Authorize(Policy = \"PlatformAdminOnly\")]", """
                [HttpGet("{companyId}")]
                public IActionResult Get(int companyId, int entryId)
                {
                    var company = _db.Companies.Find({|TI0200:companyId|});
                    var any = _db.Companies.{|TI0200:FirstOrDefault()|};
                    var entry = _db.AuditEntries.{|TI0200:Find(entryId)|};
                    _db.AuditEntries.Add({|TI0004:new AuditEntry|} { Message = "opened" });
                    return Ok(new object?[] { company, any, entry });
                }
        """);

        await VerifyAsync<TenantIdFromInputAnalyzer>(Strip(source, "TI0004", "TI0200:FirstOrDefault", "TI0200:Find(entryId"));
        await VerifyAsync<ArbitraryTenantFallbackAnalyzer>(Strip(source, "TI0004", "TI0200:companyId", "TI0200:Find(entryId"));
        await VerifyAsync<MissingOwnershipCheckAnalyzer>(Strip(source, "TI0004", "TI0200:companyId", "TI0200:FirstOrDefault"));
        await VerifyAsync<TenantKeyNotForcedAnalyzer>(Strip(source, "TI0200:companyId", "TI0200:FirstOrDefault", "TI0200:Find(entryId"));
    }

    [Fact]
    public Task Roles_are_OR_ed_so_a_list_with_a_tenant_role_is_not_platform_scope() => VerifyAsync<FilterBypassAnalyzer>(
        Controller("[Authorize(Roles = \"SuperAdmin,Admin\")]", """
                [HttpGet("bookings")]
                public int Bookings() => _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();

                [HttpGet("customers")]
                [Authorize(Policy = "SuperAdminOrAdmin")]
                public int Customers() => _db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count();

                [HttpGet("tenant-admins")]
                [Authorize(Policy = "TenantSuperAdmin")]
                public int TenantAdmins() => _db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count();
        """));

    [Fact]
    public Task Spellings_of_platform_roles_match_loosely() => VerifyAsync<FilterBypassAnalyzer>(
        Controller("", """
                [HttpGet("a")]
                [Authorize(Roles = "Super Admin")]
                public int A() => _db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count();

                [HttpGet("b")]
                [Authorize(Roles = "SUPER-ADMIN, PlatformAdmin")]
                public int B() => _db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count();

                [HttpGet("c")]
                [Authorize(Roles = "Admin")]
                public int C() => _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();
        """));

    [Fact]
    public Task Every_Authorize_attribute_is_required_so_one_platform_attribute_is_enough() => VerifyAsync<FilterBypassAnalyzer>(
        Controller("[Authorize(Roles = AppRoles.Admin)]", """
                [HttpGet("bookings")]
                [Authorize(Roles = AppRoles.SuperAdmin)]
                public int Bookings() => _db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count();

                [HttpGet("customers")]
                public int Customers() => _db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count();
        """));

    [Fact]
    public Task AllowAnonymous_lifts_the_platform_requirement() => VerifyAsync<FilterBypassAnalyzer>(
        Controller("[Authorize(Roles = AppRoles.SuperAdmin)]", """
                [HttpGet("public")]
                [AllowAnonymous]
                public int Public() => _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();
        """));

    [Fact]
    public Task A_base_controller_with_a_platform_policy_covers_its_subclasses() => VerifyAsync<FilterBypassAnalyzer>("""
        using System.Linq;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            [Authorize(Policy = "RequirePlatformAdministrator")]
            public abstract class PlatformControllerBase : ControllerBase { }

            [Route("api/platform/bookings")]
            public class PlatformBookingsController : PlatformControllerBase
            {
                private readonly BookingDbContext _db;
                public PlatformBookingsController(BookingDbContext db) => _db = db;

                [HttpGet]
                public int Count() => _db.Appointments.{|#0:IgnoreQueryFilters()|}.Count();
            }
        }
        """,
        expected: Justified(0, "TI0001", "PlatformBookingsController.Count", "Policy=RequirePlatformAdministrator on PlatformControllerBase"));

    [Fact]
    public Task Admin_controller_with_a_custom_AuthorizeAttribute_subclass_is_platform_scope() => VerifyAsync<FilterBypassAnalyzer>("""
        using System.Linq;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public sealed class AuthorizeSuperAdminAttribute : AuthorizeAttribute
            {
                public AuthorizeSuperAdminAttribute()
                {
                    Roles = AppRoles.SuperAdmin;
                }
            }

            public sealed class AuthorizeRolesAttribute : AuthorizeAttribute
            {
                public AuthorizeRolesAttribute(params string[] roles) => Roles = string.Join(",", roles);
            }

            public sealed class PlatformPolicyAttribute : AuthorizeAttribute
            {
                public PlatformPolicyAttribute() : base("SystemAdminPolicy") { }
            }

            [AuthorizeSuperAdmin]
            [Route("admin/companies")]
            public class CompaniesAdminController : Controller
            {
                private readonly BookingDbContext _db;
                public CompaniesAdminController(BookingDbContext db) => _db = db;

                public IActionResult Index() => View(_db.Appointments.{|#0:IgnoreQueryFilters()|}.Count());
            }

            [Route("admin/reports")]
            public class ReportsAdminController : Controller
            {
                private readonly BookingDbContext _db;
                public ReportsAdminController(BookingDbContext db) => _db = db;

                [AuthorizeRoles(AppRoles.SuperAdmin, "PlatformAdmin")]
                public IActionResult Platform() => View(_db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count());

                [AuthorizeRoles(AppRoles.SuperAdmin, AppRoles.Admin)]
                public IActionResult Mixed() => View(_db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count());

                [PlatformPolicy]
                public IActionResult ByPolicy() => View(_db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count());
            }
        }
        """,
        expected: Justified(0, "TI0001", "CompaniesAdminController.Index", "AuthorizeSuperAdmin (Roles=super_admin) on CompaniesAdminController"));

    [Fact]
    public Task Razor_page_model_behind_a_platform_owner_policy_is_platform_scope() => VerifyAsync<FilterBypassAnalyzer>("""
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.EntityFrameworkCore;

        namespace Booking.Pages.Platform
        {
            [Authorize(Policy = "PlatformOwnerOnly")]
            public class CompaniesModel : PageModel
            {
                private readonly BookingDbContext _db;
                public CompaniesModel(BookingDbContext db) => _db = db;

                public List<Appointment> Bookings { get; private set; } = new();

                public void OnGet() => Bookings = _db.Appointments.{|TI0200:IgnoreQueryFilters()|}.ToList();
            }

            [Authorize(Policy = "CompanyOwnerOnly")]
            public class TeamModel : PageModel
            {
                private readonly BookingDbContext _db;
                public TeamModel(BookingDbContext db) => _db = db;

                public int Count { get; private set; }

                public void OnGet() => Count = _db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count();
            }
        }
        """);

    [Fact]
    public Task Razor_pages_authorized_by_a_platform_convention_are_platform_scope()
    {
        const string Program = """
            using Microsoft.Extensions.DependencyInjection;

            namespace Booking
            {
                public static class PagesSetup
                {
                    public static void AddPages(IServiceCollection services) =>
                        services.AddRazorPages(options =>
                        {
                            options.Conventions.AuthorizeFolder("/Platform", "SuperAdminOnly");
                            options.Conventions.AuthorizeAreaFolder("Backoffice", "/", "PlatformAdmin");
                            options.Conventions.AuthorizeFolder("/Team", "StaffOnly");
                        });
                }
            }
            """;

        static string Page(string ns, string name, string markup) => $$"""
            using System.Linq;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Microsoft.EntityFrameworkCore;

            namespace {{ns}}
            {
                public class {{name}} : PageModel
                {
                    private readonly Booking.BookingDbContext _db;
                    public {{name}}(Booking.BookingDbContext db) => _db = db;

                    public int Count { get; private set; }

                    public void OnGet() => Count = _db.Appointments.{|{{markup}}:IgnoreQueryFilters()|}.Count();
                }
            }
            """;

        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<FilterBypassAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.AspNetCore10,
        };
        test.TestState.Sources.Add(("/0/Program.cs", Program));
        test.TestState.Sources.Add(("/0/Pages/Platform/Companies.cshtml.cs", Page("Booking.Pages.Platform", "CompaniesModel", "TI0200")));
        test.TestState.Sources.Add(("/0/Areas/Backoffice/Pages/Billing/Index.cshtml.cs", Page("Booking.Areas.Backoffice", "BillingModel", "TI0200")));
        test.TestState.Sources.Add(("/0/Pages/Team/Index.cshtml.cs", Page("Booking.Pages.Team", "TeamModel", "TI0001")));
        test.TestState.Sources.Add(("/0/Pages/PlatformNews.cshtml.cs", Page("Booking.Pages", "PlatformNewsModel", "TI0001")));
        test.TestState.Sources.Add((Prelude.FileName, Prelude.Domain + Roles));
        return test.RunAsync();
    }

    [Fact]
    public Task Superadmin_route_group_built_in_one_method_and_mapped_in_another_is_platform_scope() => VerifyAsync<FilterBypassAnalyzer>("""
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public static class AdminApi
            {
                public static void MapAdminApi(this WebApplication app)
                {
                    var admin = app.MapGroup("/api/admin").RequireAuthorization("SuperadminOnly");
                    MapCompanies(admin);
                    app.MapGroup("/api/platform").MapPlatform().RequireAuthorization(policy => policy.RequireRole(AppRoles.SuperAdmin));

                    var staff = app.MapGroup("/api/staff");
                    staff.RequireAuthorization();
                    staff.MapGet("/bookings", (BookingDbContext db) => db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count());
                    staff.MapGet("/one", (BookingDbContext db) => db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count()).AllowAnonymous();
                }

                private static void MapCompanies(RouteGroupBuilder group)
                {
                    group.MapGet("/bookings", (BookingDbContext db) => db.Appointments.{|#0:IgnoreQueryFilters()|}.Count());
                    group.MapGet("/customers", CountCustomers);
                }

                private static RouteGroupBuilder MapPlatform(this RouteGroupBuilder group)
                {
                    group.MapGet("/bookings", (BookingDbContext db) => db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count());
                    return group;
                }

                private static int CountCustomers(BookingDbContext db) => db.Customers.{|TI0200:IgnoreQueryFilters()|}.Count();
            }
        }
        """,
        expected: Justified(0, "TI0001", "AdminApi.MapCompanies", "RequireAuthorization(\"SuperadminOnly\") on the endpoint mapped in AdminApi.MapCompanies"));

    [Fact]
    public Task A_group_method_also_mapped_on_a_tenant_group_is_not_platform_scope() => VerifyAsync<FilterBypassAnalyzer>("""
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public static class BookingApi
            {
                public static void Map(WebApplication app)
                {
                    MapBookings(app.MapGroup("/admin").RequireAuthorization("SuperAdminOnly"));
                    MapBookings(app.MapGroup("/staff").RequireAuthorization("StaffOnly"));
                }

                private static void MapBookings(IEndpointRouteBuilder group) =>
                    group.MapGet("/bookings", (BookingDbContext db) => db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count());
            }
        }
        """);

    [Fact]
    public Task Role_guards_that_dominate_the_code_are_platform_scope() => VerifyAsync<FilterBypassAnalyzer>(
        Controller("[Authorize]", """
                private bool IsSuperAdmin => User.IsInRole(AppRoles.SuperAdmin);

                [HttpGet("a")]
                public IActionResult A()
                {
                    if (!User.IsInRole("SuperAdmin"))
                    {
                        return Forbid();
                    }

                    return Ok(_db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count());
                }

                [HttpGet("b")]
                public IActionResult B()
                {
                    if (!IsSuperAdmin) return Forbid();
                    return Ok(_db.Appointments.{|#0:IgnoreQueryFilters()|}.Count());
                }

                [HttpGet("c")]
                public IActionResult C()
                {
                    if (User.IsInRole("PlatformAdmin") && User.Identity!.IsAuthenticated)
                    {
                        return Ok(_db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count());
                    }

                    return Ok(_db.Appointments.Count());
                }

                [HttpGet("e")]
                public IActionResult E()
                {
                    if (!User.IsInRole(PlatformRole.SuperAdmin.ToString())) return Forbid();
                    return Ok(_db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count());
                }

                private void EnsureSuperAdmin()
                {
                    if (!User.IsInRole(AppRoles.SuperAdmin))
                    {
                        throw new System.UnauthorizedAccessException();
                    }
                }

                [HttpGet("f")]
                public IActionResult F()
                {
                    EnsureSuperAdmin();
                    return Ok(_db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count());
                }

                [HttpGet("d")]
                public IActionResult D()
                {
                    var isSuperAdmin = User.HasClaim(System.Security.Claims.ClaimTypes.Role, "SuperAdmin");
                    return Ok(isSuperAdmin ? _db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count() : _db.Appointments.Count());
                }
        """),
        expected: Justified(0, "TI0001", "CompanyAdminController.B", "role guard IsSuperAdmin (IsInRole(\"super_admin\")) in CompanyAdminController.B"));

    [Fact]
    public Task Role_checks_that_do_not_dominate_or_admit_a_tenant_role_are_reported() => VerifyAsync<FilterBypassAnalyzer>(
        Controller("[Authorize]", """
                [HttpGet("a")]
                public IActionResult A()
                {
                    if (User.IsInRole("SuperAdmin"))
                    {
                        Response.Headers["X-Platform"] = "1";
                    }

                    return Ok(_db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count());
                }

                [HttpGet("b")]
                public IActionResult B()
                {
                    if (!User.IsInRole("SuperAdmin") && !User.IsInRole("Admin")) return Forbid();
                    return Ok(_db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count());
                }

                [HttpGet("c")]
                public IActionResult C()
                {
                    if (!User.IsInRole("SuperAdmin")) { Response.StatusCode = 403; }
                    return Ok(_db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count());
                }

                [HttpGet("e")]
                public IActionResult E()
                {
                    if (!User.IsInRole(PlatformRole.Support.ToString())) return Forbid();
                    return Ok(_db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count());
                }

                private void LogUnlessSuperAdmin()
                {
                    if (!User.IsInRole(AppRoles.SuperAdmin))
                    {
                        Response.Headers["X-Audit"] = "1";
                        return;
                    }
                }

                [HttpGet("f")]
                public IActionResult F()
                {
                    LogUnlessSuperAdmin();
                    return Ok(_db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count());
                }

                [HttpGet("d")]
                public IActionResult D()
                {
                    var count = _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();
                    if (!User.IsInRole("SuperAdmin")) return Forbid();
                    return Ok(count);
                }
        """));

    [Fact]
    public Task Configured_platform_roles_and_policies_replace_the_defaults() => VerifyAsync<FilterBypassAnalyzer>(
        Controller("", """
                [HttpGet("a")]
                [Authorize(Roles = "Operator")]
                public int A() => _db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count();

                [HttpGet("b")]
                [Authorize(Roles = "SuperAdmin")]
                public int B() => _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();

                [HttpGet("c")]
                [Authorize(Policy = "Backoffice")]
                public int C() => _db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count();

                [HttpGet("d")]
                [Authorize(Policy = "OperatorOnly")]
                public int D() => _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();
        """),
        "tenant_isolation.platform_roles = Operator\ntenant_isolation.platform_policies = Backoffice");

    [Fact]
    public Task Policies_defined_in_source_are_judged_by_their_role_requirements_not_their_names() => VerifyAsync<FilterBypassAnalyzer>("""
        using System.Linq;
        using System.Security.Claims;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        namespace Booking
        {
            public static class AuthorizationSetup
            {
                public static void AddAppAuthorization(this IServiceCollection services)
                {
                    services.AddAuthorization(options =>
                    {
                        options.AddPolicy("AdminOnly", policy => policy.RequireRole(AppRoles.SuperAdmin));
                        options.AddPolicy("SuperAdminPolicy", policy => policy.RequireRole(AppRoles.SuperAdmin, AppRoles.Admin));
                    });
                    services.AddAuthorizationBuilder()
                        .AddPolicy("Backoffice", policy => policy.RequireAuthenticatedUser().RequireClaim(ClaimTypes.Role, "PlatformAdmin"))
                        .AddPolicy("SuperAdminClaim", policy => policy.RequireClaim("permission", "tenants.read"));
                }
            }

            [Route("api/reports")]
            public class ReportsController : ControllerBase
            {
                private readonly BookingDbContext _db;
                public ReportsController(BookingDbContext db) => _db = db;

                [HttpGet("a"), Authorize(Policy = "AdminOnly")]
                public int A() => _db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count();

                [HttpGet("b"), Authorize(Policy = "SuperAdminPolicy")]
                public int B() => _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();

                [HttpGet("c"), Authorize(Policy = "Backoffice")]
                public int C() => _db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count();

                [HttpGet("d"), Authorize(Policy = "SuperAdminClaim")]
                public int D() => _db.Appointments.{|TI0200:IgnoreQueryFilters()|}.Count();
            }
        }
        """);

    [Fact]
    public Task Authorization_on_a_MediatR_request_covers_its_handler() => VerifyAsync<FilterBypassAnalyzer>("""
        using System;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Booking.Application
        {
            [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
            public class AuthorizeAttribute : Attribute
            {
                public string Roles { get; set; } = "";
                public string Policy { get; set; } = "";
            }

            [Authorize(Roles = "SuperAdmin")]
            public record CountAllBookingsQuery;

            public record CountMyBookingsQuery;

            public class CountAllBookingsHandler
            {
                private readonly BookingDbContext _db;
                public CountAllBookingsHandler(BookingDbContext db) => _db = db;

                public Task<int> Handle(CountAllBookingsQuery request, CancellationToken ct) => _db.Appointments.{|TI0200:IgnoreQueryFilters()|}.CountAsync(ct);

                public Task<int> Handle(CountMyBookingsQuery request, CancellationToken ct) => _db.Appointments.{|TI0001:IgnoreQueryFilters()|}.CountAsync(ct);
            }
        }
        """);

    private static string Strip(string source, params string[] markers)
    {
        foreach (var marker in markers)
        {
            var start = source.IndexOf("{|" + marker, StringComparison.Ordinal);
            Assert.True(start >= 0, marker);
            var colon = source.IndexOf(':', start);
            var end = source.IndexOf("|}", colon, StringComparison.Ordinal);
            source = source[..start] + source[(colon + 1)..end] + source[(end + 2)..];
        }

        return source;
    }
}
