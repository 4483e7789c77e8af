using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TaskFlow.Authorization;
using TaskFlow.Data;
using TaskFlow.Infrastructure;

namespace TaskFlow.Controllers;

[Authorize]
[ApiController]
[Route("api/tasks")]
public class TasksController : ControllerBase
{
    private readonly AppDbContext _db;
    private readonly ICurrentUser _currentUser;

    public TasksController(AppDbContext db, ICurrentUser currentUser)
    {
        _db = db;
        _currentUser = currentUser;
    }

    [HttpGet("all-tenants")]
    public async Task<IActionResult> AllTenants()
    {
        if (!User.IsInRole(AppRoles.SuperAdmin))
        {
            return Forbid();
        }

        return Ok(await _db.Tasks.IgnoreQueryFilters().CountAsync()); // justified: TI0001
    }

    [HttpGet("stats")]
    public async Task<IActionResult> Stats()
    {
        if (!_currentUser.IsSuperAdmin) return Forbid();
        return Ok(await _db.Tasks.IgnoreQueryFilters().GroupBy(t => t.TenantId).Select(g => g.Count()).ToListAsync()); // justified: TI0001
    }

    [HttpGet("overview")]
    public async Task<IActionResult> Overview()
    {
        var open = await _db.Tasks.IgnoreQueryFilters().CountAsync(t => !t.IsDone); // expect: TI0001
        if (User.IsSuperAdmin())
        {
            Response.Headers["X-Platform-View"] = "true";
        }

        return Ok(open);
    }

    [HttpGet("board")]
    public async Task<IActionResult> Board()
    {
        var query = _db.Tasks.IgnoreQueryFilters().Include(t => t.Project).AsQueryable(); // justified: TI0001
        if (!User.IsSuperAdmin())
        {
            query = query.Where(t => t.TenantId == _currentUser.TenantId);
        }

        return Ok(await query.ToListAsync());
    }

    [HttpPost("{id:guid}/comment")]
    public async Task<IActionResult> Comment(Guid id, string text)
    {
        var task = await _db.Tasks.FirstOrDefaultAsync(t => t.Id == id);
        if (task is null)
        {
            return NotFound();
        }

        _db.AuditLogs.Add(new AuditLog { TenantId = task.TenantId, UserId = _currentUser.UserId ?? "", Message = text, ProjectId = task.ProjectId });
        _db.AuditLogs.Add(new AuditLog { UserId = _currentUser.UserId ?? "", Message = "commented" }); // expect: TI0004
        await _db.SaveChangesAsync();
        return NoContent();
    }

    [HttpGet("{id:guid}/history")]
    public async Task<IActionResult> History(Guid id)
    {
        var task = await _db.Tasks.FirstOrDefaultAsync(t => t.Id == id);
        if (task is null)
        {
            return NotFound();
        }

        var lastEntry = await _db.AuditLogs.FirstOrDefaultAsync(a => a.ProjectId == task.ProjectId);
        var project = await _db.AuditLogs.FindAsync(task.ProjectId);
        return Ok(new { lastEntry, project });
    }

    [HttpGet("audit/{auditId:guid}")]
    public async Task<IActionResult> Audit(Guid auditId) => Ok(await _db.AuditLogs.FindAsync(auditId)); // expect: TI0003
}
