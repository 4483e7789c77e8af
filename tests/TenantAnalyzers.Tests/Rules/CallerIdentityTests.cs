using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

/// <summary>
/// The caller's claims are the context (spec §2, "The context"), loading yourself is not an IDOR, and what the
/// caller's identity does not vouch for stays reported: a non-tenant claim, the caller's user id as a tenant, a request value.
/// </summary>
public sealed class CallerIdentityTests
{
    private const string Identity = """

        namespace Booking
        {
            using System.Security.Claims;

            public class AppUser
            {
                public string Id { get; set; } = "";
                public int CompanyId { get; set; }
                public string DisplayName { get; set; } = "";
            }

            public class UsersDbContext : Microsoft.EntityFrameworkCore.DbContext
            {
                public Microsoft.EntityFrameworkCore.DbSet<AppUser> Users => Set<AppUser>();
                public Microsoft.EntityFrameworkCore.DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
            }

            public static class ClaimsPrincipalExtensions
            {
                public static int GetCompanyId(this System.Security.Claims.ClaimsPrincipal user) =>
                    int.Parse(user.FindFirst("company_id")!.Value);

                public static string? GetClaimValue(this System.Security.Claims.ClaimsPrincipal user, string type) =>
                    user.FindFirst(type)?.Value;

                public static string GetUserId(this System.Security.Claims.ClaimsPrincipal user) =>
                    user.FindFirstValue(System.Security.Claims.ClaimTypes.NameIdentifier)!;
            }

            public interface ICurrentUserService
            {
                string? UserId { get; }
                int TenantId { get; }
            }

            public sealed class CurrentUserService : ICurrentUserService
            {
                private readonly Microsoft.AspNetCore.Http.IHttpContextAccessor _accessor;
                public CurrentUserService(Microsoft.AspNetCore.Http.IHttpContextAccessor accessor) => _accessor = accessor;

                public string? UserId => _accessor.HttpContext?.User.FindFirstValue(System.Security.Claims.ClaimTypes.NameIdentifier);

                public int TenantId => int.Parse(_accessor.HttpContext!.User.FindFirstValue("tenant_id")!);
            }
        }
        """;

    private static string Controller(string members) => $$"""
        using System.Linq;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            [Authorize]
            [ApiController]
            [Route("api/companies")]
            public class CompanySettingsController : ControllerBase
            {
                private readonly BookingDbContext _db;
                private readonly UsersDbContext _users;
                private readonly UserManager<AppUser> _userManager;
                private readonly ICurrentUserService _currentUser;

                public CompanySettingsController(BookingDbContext db, UsersDbContext users, UserManager<AppUser> userManager, ICurrentUserService currentUser)
                {
                    _db = db;
                    _users = users;
                    _userManager = userManager;
                    _currentUser = currentUser;
                }

        {{members}}
            }
        }
        """;

    private static Task VerifyAsync<TAnalyzer>(string source)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new() =>
        Verify.AnalyzerAsync<TAnalyzer>(source + Identity, references: TestReferences.AspNetCore10);

    [Fact]
    public Task Tenant_admin_endpoint_that_compares_the_route_tenant_with_the_claim_first_is_not_reported() => VerifyAsync<TenantIdFromInputAnalyzer>(Controller("""
                [HttpGet("{companyId}/a")]
                public IActionResult A(int companyId)
                {
                    if (companyId != int.Parse(User.FindFirstValue("company_id")!)) return Forbid();
                    return Ok(_db.Companies.Find(companyId));
                }

                [HttpGet("{companyId}/b")]
                public IActionResult B(int companyId)
                {
                    var claim = User.FindFirst("CompanyId")?.Value;
                    if (claim is null || int.Parse(claim) != companyId) return Forbid();
                    return Ok(_db.Companies.Where(c => c.Id == companyId).ToList());
                }

                [HttpGet("{companyId}/c")]
                public IActionResult C(int companyId)
                {
                    if (companyId.ToString() != HttpContext.User.Claims.First(c => c.Type == "tenant_id").Value) return Forbid();
                    return Ok(_db.AuditEntries.Where(e => e.CompanyId == companyId).ToList());
                }

                [HttpGet("{companyId}/d")]
                public IActionResult D(int companyId)
                {
                    if (User.GetCompanyId() != companyId) return Forbid();
                    return Ok(_db.Companies.Find(companyId));
                }

                [HttpGet("{companyId}/e")]
                public async Task<IActionResult> E(int companyId)
                {
                    var me = await _userManager.GetUserAsync(User);
                    if (me!.CompanyId != companyId) return Forbid();
                    return Ok(_db.Companies.Find(companyId));
                }

                [HttpGet("{companyId}/f")]
                public IActionResult F(int companyId)
                {
                    if (companyId != _currentUser.TenantId) return Forbid();
                    return Ok(_db.Companies.Find(companyId));
                }

                [HttpGet("{companyId}/h")]
                public IActionResult H(int companyId)
                {
                    if (User.FindFirst(c => c.Type == "tenant_id")?.Value != companyId.ToString()) return Forbid();
                    return Ok(_db.Companies.Find(companyId));
                }

                [HttpGet("{companyId}/i")]
                public IActionResult I(int companyId)
                {
                    if (User.GetClaimValue("company_id") != companyId.ToString()) return Forbid();
                    return Ok(_db.Companies.Find(companyId));
                }

                [HttpGet("{companyId}/g")]
                public IActionResult G(int companyId)
                {
                    if (!int.TryParse(User.FindFirstValue("http://schemas.example.com/claims/company_id"), out var own) || own != companyId) return Forbid();
                    return Ok(_db.Companies.Find(companyId));
                }
        """));

    [Fact]
    public Task A_field_filled_from_the_tenant_claim_in_the_constructor_is_the_context() => VerifyAsync<TenantIdFromInputAnalyzer>("""
        using System.Linq;
        using System.Security.Claims;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Booking
        {
            [ApiController]
            [Route("api/companies/{companyId}/audit")]
            public class AuditController : ControllerBase
            {
                private readonly BookingDbContext _db;
                private readonly int _companyId;
                private readonly string _userName;

                public AuditController(BookingDbContext db, IHttpContextAccessor accessor)
                {
                    _db = db;
                    _companyId = int.Parse(accessor.HttpContext!.User.FindFirstValue("company_id")!);
                    _userName = accessor.HttpContext!.User.Identity!.Name!;
                }

                [HttpGet]
                public IActionResult List(int companyId)
                {
                    if (companyId != _companyId) return Forbid();
                    return Ok(_db.AuditEntries.Where(e => e.CompanyId == companyId).ToList());
                }

                [HttpGet("mine")]
                public IActionResult Mine(int companyId)
                {
                    if (companyId.ToString() != _userName) return Forbid();
                    return Ok(_db.AuditEntries.Where(e => e.CompanyId == {|TI0005:companyId|}).ToList());
                }
            }
        }
        """);

    [Fact]
    public Task A_non_tenant_claim_or_another_request_value_is_no_check_of_the_route_tenant() => VerifyAsync<TenantIdFromInputAnalyzer>(Controller("""
                [HttpGet("{companyId}/a")]
                public IActionResult A(int companyId)
                {
                    if (companyId.ToString() != User.FindFirstValue(ClaimTypes.NameIdentifier)) return Forbid();
                    return Ok(_db.Companies.Find({|TI0005:companyId|}));
                }

                [HttpGet("{companyId}/b")]
                public IActionResult B(int companyId)
                {
                    if (companyId.ToString() != User.FindFirstValue("email")) return Forbid();
                    return Ok(_db.Companies.Find({|TI0005:companyId|}));
                }

                [HttpGet("{companyId}/c")]
                public IActionResult C(int companyId, [FromQuery] int expected)
                {
                    if (companyId != expected) return Forbid();
                    return Ok(_db.Companies.Find({|TI0005:companyId|}));
                }

                [HttpGet("{companyId}/d")]
                public IActionResult D(int companyId)
                {
                    if (companyId != int.Parse(Request.Headers["X-Company"].ToString())) return Forbid();
                    return Ok(_db.Companies.Find({|TI0005:companyId|}));
                }

                [HttpGet("{companyId}/e")]
                public IActionResult E(int companyId)
                {
                    if (User.GetClaimValue("email") != companyId.ToString()) return Forbid();
                    return Ok(_db.Companies.Find({|TI0005:companyId|}));
                }
        """));

    [Fact]
    public Task Route_tenant_that_passed_an_access_check_is_not_reported() => VerifyAsync<TenantIdFromInputAnalyzer>(Controller("""
                private Task<bool> IsMemberAsync(int companyId) => Task.FromResult(User.GetCompanyId() == companyId);

                [HttpGet("{companyId}/audit")]
                public async Task<IActionResult> Audit(int companyId)
                {
                    if (!await IsMemberAsync(companyId))
                    {
                        return Forbid();
                    }

                    return Ok(_db.AuditEntries.Where(e => e.CompanyId == companyId).ToList());
                }

                [HttpGet("{companyId}/members")]
                public async Task<IActionResult> Members(int companyId)
                {
                    var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
                    if (!await _users.Users.AnyAsync(u => u.Id == userId && u.CompanyId == companyId)) return Forbid();
                    return Ok(_db.AuditEntries.Where(e => e.CompanyId == companyId).ToList());
                }

                [HttpGet("{companyId}/either")]
                public IActionResult Either(int companyId)
                {
                    var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
                    return Ok(_users.Users.Where(u => u.Id == userId || u.CompanyId == {|TI0005:companyId|}).ToList());
                }

                [HttpGet("{companyId}/exists")]
                public async Task<IActionResult> Exists(int companyId)
                {
                    if (!await _db.Companies.AnyAsync(c => c.Id == {|TI0005:companyId|})) return NotFound();
                    return Ok(_db.AuditEntries.Where(e => e.CompanyId == {|TI0005:companyId|}).ToList());
                }

                [HttpGet("{companyId}/unchecked")]
                public async Task<IActionResult> Unchecked(int companyId)
                {
                    var member = await IsMemberAsync(companyId);
                    return Ok(_db.AuditEntries.Where(e => e.CompanyId == {|TI0005:companyId|}).ToList());
                }
        """));

    [Fact]
    public Task Loading_yourself_by_your_own_id_is_not_an_IDOR() => VerifyAsync<MissingOwnershipCheckAnalyzer>(Controller("""
                [HttpGet("me/a")]
                public async Task<IActionResult> A() => Ok(await _users.Users.FindAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)));

                [HttpGet("me/b")]
                public IActionResult B()
                {
                    var id = _userManager.GetUserId(User);
                    return Ok(_users.Users.FirstOrDefault(u => u.Id == id));
                }

                [HttpGet("me/c")]
                public IActionResult C() => Ok(_users.Users.Find(_currentUser.UserId));

                [HttpGet("me/d")]
                public IActionResult D() => Ok(_users.Users.SingleOrDefault(u => u.Id == User.GetUserId()));

                [HttpGet("me/e")]
                public async Task<IActionResult> E()
                {
                    var me = await _userManager.GetUserAsync(User);
                    return Ok(await _users.Users.FindAsync(me!.Id));
                }

                [HttpGet("users/{id}")]
                public IActionResult Other(string id) => Ok(_users.Users.{|TI0003:Find(id)|});

                [HttpGet("users/by-email")]
                public IActionResult ByEmailClaim() => Ok(_users.Users.{|TI0003:Find(User.FindFirstValue(ClaimTypes.Email))|});
        """));

    [Fact]
    public Task Ownership_check_against_the_tenant_claim_is_a_check_and_against_other_values_is_not() => VerifyAsync<MissingOwnershipCheckAnalyzer>(Controller("""
                [HttpGet("audit/{id}/a")]
                public IActionResult A(int id)
                {
                    var entry = _users.AuditEntries.Find(id);
                    if (entry is null || entry.CompanyId != User.GetCompanyId()) return NotFound();
                    return Ok(entry);
                }

                [HttpGet("audit/{id}/b")]
                public IActionResult B(int id)
                {
                    var entry = _users.AuditEntries.Find(id);
                    if (entry?.CompanyId != _currentUser.TenantId) return NotFound();
                    return Ok(entry);
                }

                [HttpGet("audit/{id}/c")]
                public IActionResult C(int id)
                {
                    var entry = _users.AuditEntries.{|TI0003:Find(id)|};
                    if (entry!.CompanyId != int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!)) return NotFound();
                    return Ok(entry);
                }

                [HttpGet("audit/{id}/d")]
                public IActionResult D(int id, int companyId)
                {
                    var entry = _users.AuditEntries.{|TI0003:Find(id)|};
                    if (entry!.CompanyId != companyId) return NotFound();
                    return Ok(entry);
                }

                [HttpGet("audit/{id}/e")]
                public IActionResult E(int id, int companyId)
                {
                    if (companyId != User.GetCompanyId()) return Forbid();
                    var entry = _users.AuditEntries.Find(id);
                    if (entry!.CompanyId != companyId) return NotFound();
                    return Ok(entry);
                }
        """));

    [Fact]
    public Task A_row_checked_to_be_the_callers_own_or_passed_to_resource_authorization_is_checked() => VerifyAsync<MissingOwnershipCheckAnalyzer>(Controller("""
                [HttpGet("users/{id}/a")]
                public IActionResult A(string id)
                {
                    var user = _users.Users.Find(id);
                    if (user is null || user.Id != User.GetUserId()) return Forbid();
                    return Ok(user);
                }

                [HttpGet("audit/{id}/b")]
                public async Task<IActionResult> B(int id, [FromServices] IAuthorizationService authorization)
                {
                    var entry = await _users.AuditEntries.FindAsync(id);
                    if (!(await authorization.AuthorizeAsync(User, entry, "CanReadAudit")).Succeeded) return Forbid();
                    return Ok(entry);
                }

                [HttpGet("users/{id}/c")]
                public IActionResult C(string id)
                {
                    var user = _users.Users.{|TI0003:Find(id)|};
                    if (user is null || user.DisplayName != User.FindFirstValue(ClaimTypes.Name)) return Forbid();
                    return Ok(user);
                }
        """));

    [Fact]
    public Task A_load_by_an_id_read_off_a_tenant_scoped_row_is_the_tenants_own_data() => VerifyAsync<MissingOwnershipCheckAnalyzer>(Controller("""
                [HttpGet("appointments/{id}/audit")]
                public async Task<IActionResult> Audit(int id)
                {
                    var appointment = await _db.Appointments.FirstOrDefaultAsync(a => a.Id == id);
                    if (appointment is null) return NotFound();
                    return Ok(await _db.AuditEntries.FindAsync(appointment.CustomerId));
                }

                [HttpGet("appointments/{id}/audit-all")]
                public async Task<IActionResult> AuditAll(int id)
                {
                    var appointment = await _db.Appointments.IgnoreQueryFilters().{|TI0003:FirstOrDefaultAsync(a => a.Id == id)|};
                    return Ok(await _db.AuditEntries.{|TI0003:FindAsync(appointment!.CustomerId)|});
                }
        """));
}
