using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TaskFlow.Authorization;
using TaskFlow.Data;
using TaskFlow.Infrastructure;

namespace TaskFlow.Areas.Admin.Controllers;

/// <summary>
/// Support tools. The roles are OR-ed: a tenant's administrator gets in too, so none of this is platform-only.
/// </summary>
[Area("Admin")]
[Authorize(Roles = AppRoles.SuperAdmin + "," + AppRoles.TenantAdmin)]
[Route("admin/support")]
public class SupportController : Controller
{
    private readonly AppDbContext _db;

    public SupportController(AppDbContext db) => _db = db;

    [HttpGet("tasks")]
    public async Task<IActionResult> OpenTasks() =>
        View(await _db.Tasks.IgnoreQueryFilters().Where(t => !t.IsDone).ToListAsync()); // expect: TI0001

    [HttpGet("users/{id}")]
    public async Task<IActionResult> UserDetails(string id) => View(await _db.Users.FindAsync(id)); // expect: TI0003

    [HttpGet("audit")]
    public async Task<IActionResult> Audit()
    {
        // Scoped to the caller's own tenant: fine for a tenant admin and a super admin alike.
        var tenantId = HttpContext.User.GetTenantId();
        var entries = await _db.AuditLogs.Where(a => a.TenantId == tenantId).OrderByDescending(a => a.Id).Take(100).ToListAsync();
        return View(entries);
    }
}
