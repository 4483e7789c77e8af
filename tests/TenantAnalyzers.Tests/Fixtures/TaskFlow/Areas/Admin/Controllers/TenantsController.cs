using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TaskFlow.Authorization;
using TaskFlow.Data;

namespace TaskFlow.Areas.Admin.Controllers;

/// <summary>The platform operators' console: every tenant, across the filters.</summary>
[Area("Admin")]
[AuthorizeSuperAdmin]
[Route("admin/tenants")]
public class TenantsController : Controller
{
    private readonly AppDbContext _db;

    public TenantsController(AppDbContext db) => _db = db;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var projectCounts = await _db.Projects.IgnoreQueryFilters() // justified: TI0001
            .GroupBy(p => p.TenantId)
            .Select(g => new { TenantId = g.Key, Count = g.Count() })
            .ToListAsync();
        return View(projectCounts);
    }

    [HttpGet("{tenantId:guid}")]
    public async Task<IActionResult> Details(Guid tenantId)
    {
        var tenant = await _db.Tenants.FindAsync(tenantId); // justified: TI0005
        var invoices = await _db.Invoices.IgnoreQueryFilters().Where(i => i.TenantId == tenantId).ToListAsync(); // justified: TI0005
        return View((tenant, invoices));
    }

    [HttpGet("default")]
    public IActionResult Default() => View(_db.Tenants.OrderBy(t => t.Name).FirstOrDefault()); // justified: TI0002

    [HttpGet("audit/{id:guid}")]
    public async Task<IActionResult> Audit(Guid id) => View(await _db.AuditLogs.FindAsync(id)); // justified: TI0003

    [HttpPost("{tenantId:guid}/plan")]
    public async Task<IActionResult> ChangePlan(Guid tenantId, string plan)
    {
        var tenant = await _db.Tenants.FindAsync(tenantId); // justified: TI0005
        if (tenant is null)
        {
            return NotFound();
        }

        tenant.Plan = plan;
        // A platform operator still has to say whose log line this is.
        _db.AuditLogs.Add(new AuditLog { Message = $"plan changed to {plan}" }); // expect: TI0004
        await _db.SaveChangesAsync();
        return RedirectToAction(nameof(Details), new { tenantId });
    }
}
