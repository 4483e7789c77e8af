using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TaskFlow.Data;
using TaskFlow.Infrastructure;

namespace TaskFlow.Controllers;

public record CreateProjectDto(string Name);

public record MoveProjectDto(Guid ProjectId, Guid TenantId);

[Authorize]
[ApiController]
[Route("api/projects")]
public class ProjectsController : ControllerBase
{
    private readonly AppDbContext _db;

    public ProjectsController(AppDbContext db) => _db = db;

    [HttpGet("{id:guid}")]
    public async Task<ActionResult<Project>> Get(Guid id)
    {
        var project = await _db.Projects.Include(p => p.Tasks).FirstOrDefaultAsync(p => p.Id == id);
        return project is null ? NotFound() : project;
    }

    [HttpPost]
    public async Task<ActionResult<Project>> Create(CreateProjectDto dto)
    {
        var project = new Project { Id = Guid.NewGuid(), Name = dto.Name, TenantId = User.GetTenantId() };
        _db.Projects.Add(project);
        _db.AuditLogs.Add(new AuditLog { TenantId = project.TenantId, UserId = User.GetUserId(), Message = "project created" });
        await _db.SaveChangesAsync();
        return CreatedAtAction(nameof(Get), new { id = project.Id }, project);
    }

    /// <summary>Archived projects are hidden by nothing but the UI; deleted ones need the filter off.</summary>
    [HttpPost("{id:guid}/restore")]
    public async Task<IActionResult> Restore(Guid id)
    {
        var project = await _db.Projects.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Id == id);
        if (project is null || project.TenantId != User.GetTenantId())
        {
            return NotFound();
        }

        project.IsArchived = false;
        await _db.SaveChangesAsync();
        return NoContent();
    }

    [HttpPost("{id:guid}/archive")]
    public async Task<IActionResult> Archive(Guid id)
    {
        var project = await _db.Projects.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == id); // expect: TI0001, TI0003
        project!.IsArchived = true;
        await _db.SaveChangesAsync();
        return NoContent();
    }

    [HttpPost("move")]
    public async Task<IActionResult> Move([FromBody] MoveProjectDto dto)
    {
        var project = await _db.Projects.FindAsync(dto.ProjectId);
        if (project is null)
        {
            return NotFound();
        }

        project.TenantId = dto.TenantId; // expect: TI0005
        await _db.SaveChangesAsync();
        return NoContent();
    }

    /// <summary>Tenant administrators address their tenant by its id in the route; it must be theirs.</summary>
    [HttpGet("/api/tenants/{tenantId:guid}/projects")]
    [Authorize(Policy = Authorization.Policies.TenantAdmins)]
    public async Task<IActionResult> ForTenant(Guid tenantId)
    {
        if (tenantId != User.GetTenantId())
        {
            return Forbid();
        }

        var projects = await _db.Projects.IgnoreQueryFilters().Where(p => p.TenantId == tenantId && !p.IsArchived).ToListAsync();
        return Ok(projects);
    }

    [HttpGet("/api/tenants/{tenantId:guid}/archived")]
    public async Task<IActionResult> ArchivedForTenant(Guid tenantId) =>
        Ok(await _db.Projects.IgnoreQueryFilters().Where(p => p.TenantId == tenantId && p.IsArchived).ToListAsync()); // expect: TI0005

    [HttpGet("search")]
    public async Task<IActionResult> Search(string? term, bool includeArchived)
    {
        var query = _db.Projects.IgnoreQueryFilters().AsQueryable(); // expect: TI0001
        if (!includeArchived)
        {
            query = query.Where(p => p.TenantId == User.GetTenantId() && !p.IsArchived);
        }

        if (!string.IsNullOrWhiteSpace(term))
        {
            query = query.Where(p => p.Name.Contains(term));
        }

        return Ok(await query.ToListAsync());
    }

    [HttpGet("deleted")]
    public async Task<IActionResult> Deleted(string? term)
    {
        var query = _db.Projects.IgnoreQueryFilters().Where(p => p.TenantId == User.GetTenantId());
        if (!string.IsNullOrWhiteSpace(term))
        {
            query = query.Where(p => p.Name.Contains(term));
        }

        return Ok(await query.ToListAsync());
    }
}
