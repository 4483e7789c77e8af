using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

/// <summary>
/// One ownership check for TI0001 and TI0003 (a bypassed load followed by a check of its tenant key), and scoping read
/// through locals and control flow (a re-scope inside an <c>if</c> does not scope the path where the condition is false).
/// </summary>
public sealed class OwnershipAndScopingTests
{
    private static string Controller(string members) => $$"""
        using System.Collections.Generic;
        using System.Linq;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            [Authorize]
            [ApiController]
            [Route("api/customers")]
            public class CustomersController : ControllerBase
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public CustomersController(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

        {{members}}
            }
        }
        """;

    private static Task VerifyAsync<TAnalyzer>(string source)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new() =>
        Verify.AnalyzerAsync<TAnalyzer>(source, references: TestReferences.AspNetCore10);

    private const string BypassThenCheck = """
                [HttpPost("{id}/restore")]
                public async Task<IActionResult> Restore(int id)
                {
                    var customer = await _db.Customers.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Id == id);
                    if (customer == null || customer.CompanyId != _companyContext.CompanyId)
                    {
                        return NotFound();
                    }

                    customer.IsDeleted = false;
                    await _db.SaveChangesAsync();
                    return NoContent();
                }

                [HttpGet("{id}/history")]
                public async Task<IActionResult> History(int id)
                {
                    var allowed = User.FindAll("company_id").Select(c => int.Parse(c.Value)).ToList();
                    var customer = await _db.Customers.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.Id == id);
                    if (customer is null || !allowed.Contains(customer.CompanyId)) return NotFound();
                    return Ok(customer);
                }

                [HttpGet("{id}/used-first")]
                public async Task<IActionResult> UsedFirst(int id)
                {
                    var customer = await _db.Customers.{|TI0001:IgnoreQueryFilters()|}.{|TI0003:FirstOrDefaultAsync(c => c.Id == id)|};
                    var name = customer!.Name;
                    if (customer.CompanyId != _companyContext.CompanyId) return NotFound();
                    return Ok(name);
                }

                [HttpGet("{id}/request-company")]
                public async Task<IActionResult> RequestCompany(int id, [FromQuery] int companyId)
                {
                    var customer = await _db.Customers.{|TI0001:IgnoreQueryFilters()|}.{|TI0003:FirstOrDefaultAsync(c => c.Id == id)|};
                    if (customer is null || customer.CompanyId != companyId) return NotFound();
                    return Ok(customer);
                }

                [HttpGet("{id}/request-set")]
                public async Task<IActionResult> RequestSet(int id, [FromQuery] List<int> companyIds)
                {
                    var customer = await _db.Customers.{|TI0001:IgnoreQueryFilters()|}.{|TI0003:FirstOrDefaultAsync(c => c.Id == id)|};
                    if (customer is null || !companyIds.Contains(customer.CompanyId)) return NotFound();
                    return Ok(customer);
                }
        """;

    [Fact]
    public Task TI0001_accepts_a_bypassed_load_checked_before_use() => VerifyAsync<FilterBypassAnalyzer>(Strip(BypassThenCheck, "TI0003"));

    [Fact]
    public Task TI0003_accepts_the_same_checks() => VerifyAsync<MissingOwnershipCheckAnalyzer>(Strip(BypassThenCheck, "TI0001"));

    [Fact]
    public Task A_load_assigned_to_a_page_property_and_checked_right_after_is_checked() => VerifyAsync<FilterBypassAnalyzer>("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.EntityFrameworkCore;

        namespace Booking.Pages.Customers
        {
            public class RestoreModel : PageModel
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public RestoreModel(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

                public Customer? Customer { get; private set; }

                public async Task<IActionResult> OnGetAsync(int id)
                {
                    Customer = await _db.Customers.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Id == id);
                    if (Customer is null || Customer.CompanyId != _companyContext.CompanyId)
                    {
                        return NotFound();
                    }

                    return Page();
                }

                public async Task<IActionResult> OnPostAsync(int id)
                {
                    Customer = await _db.Customers.{|TI0001:IgnoreQueryFilters()|}.FirstOrDefaultAsync(c => c.Id == id);
                    return Page();
                }
            }
        }
        """);

    [Fact]
    public Task A_query_local_scoped_by_its_initializer_is_scoped() => VerifyAsync<MissingOwnershipCheckAnalyzer>(Controller("""
                [HttpGet("{id}/audit")]
                public IActionResult Audit(int id)
                {
                    var entries = _db.AuditEntries.Where(e => e.CompanyId == _companyContext.CompanyId);
                    return Ok(entries.FirstOrDefault(e => e.Id == id));
                }

                [HttpGet("{id}/deleted")]
                public IActionResult Deleted(int id)
                {
                    var customers = _db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == _companyContext.CompanyId);
                    return Ok(customers.FirstOrDefault(c => c.Id == id));
                }

                [HttpGet("{id}/all")]
                public IActionResult All(int id)
                {
                    var customers = _db.Customers.IgnoreQueryFilters();
                    return Ok(customers.{|TI0003:FirstOrDefault(c => c.Id == id)|});
                }
        """));

    [Fact]
    public Task A_re_scope_inside_an_if_does_not_scope_the_path_where_the_condition_is_false() => VerifyAsync<FilterBypassAnalyzer>(Controller("""
                [HttpGet("conditional")]
                public IActionResult Conditional(string? companyId)
                {
                    var query = _db.Customers.{|TI0001:IgnoreQueryFilters()|}.AsQueryable();
                    if (!string.IsNullOrEmpty(companyId))
                    {
                        query = query.Where(c => c.CompanyId == int.Parse(companyId));
                    }

                    return Ok(query.ToList());
                }

                [HttpGet("after-guard")]
                public IActionResult AfterGuard(string? search)
                {
                    var query = _db.Customers.IgnoreQueryFilters().AsQueryable();
                    if (!string.IsNullOrEmpty(search))
                    {
                        query = query.Where(c => c.Name.Contains(search));
                    }

                    query = query.Where(c => c.CompanyId == _companyContext.CompanyId);
                    return Ok(query.ToList());
                }

                [HttpGet("both-branches")]
                public IActionResult BothBranches(bool archived)
                {
                    var query = _db.Customers.IgnoreQueryFilters();
                    if (archived)
                    {
                        query = query.Where(c => c.CompanyId == _companyContext.CompanyId && c.IsDeleted);
                    }
                    else
                    {
                        query = query.Where(c => c.CompanyId == _companyContext.CompanyId);
                    }

                    return Ok(query.ToList());
                }

                [HttpGet("in-a-loop")]
                public IActionResult InALoop(int[] companyIds)
                {
                    var query = _db.Customers.{|TI0001:IgnoreQueryFilters()|};
                    foreach (var id in companyIds)
                    {
                        query = query.Where(c => c.CompanyId == id);
                    }

                    return Ok(query.ToList());
                }

                [HttpGet("platform-path")]
                public IActionResult PlatformPath()
                {
                    var query = _db.Customers.{|TI0200:IgnoreQueryFilters()|};
                    if (!User.IsInRole("SuperAdmin"))
                    {
                        query = query.Where(c => c.CompanyId == _companyContext.CompanyId);
                    }

                    return Ok(query.ToList());
                }

                [HttpGet("tenant-admin-path")]
                public IActionResult TenantAdminPath()
                {
                    var query = _db.Customers.{|TI0001:IgnoreQueryFilters()|};
                    if (!User.IsInRole("Admin"))
                    {
                        query = query.Where(c => c.CompanyId == _companyContext.CompanyId);
                    }

                    return Ok(query.ToList());
                }
        """));

    private static string Strip(string source, string rule)
    {
        var marker = "{|" + rule + ":";
        for (var start = source.IndexOf(marker, StringComparison.Ordinal); start >= 0; start = source.IndexOf(marker, StringComparison.Ordinal))
        {
            var end = source.IndexOf("|}", start, StringComparison.Ordinal);
            source = source[..start] + source[(start + marker.Length)..end] + source[(end + 2)..];
        }

        return Controller(source);
    }
}
