using System;
using System.Linq;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TaskFlow.Authorization;
using TaskFlow.Data;

namespace TaskFlow.Endpoints;

public static class AdminEndpoints
{
    public static WebApplication MapAdminEndpoints(this WebApplication app)
    {
        var platform = app.MapGroup("/api/platform")
            .RequireAuthorization(Policies.SuperAdminOnly)
            .WithTags("Platform");
        MapTenantAdministration(platform);

        var reports = app.MapGroup("/api/reports").RequireAuthorization(Policies.TenantAdmins);
        MapReports(reports);
        return app;
    }

    private static void MapTenantAdministration(RouteGroupBuilder group)
    {
        group.MapGet("/tenants", async (AppDbContext db) =>
            Results.Ok(await db.Tenants.OrderBy(t => t.Name).ToListAsync()));

        group.MapGet("/tenants/{tenantId:guid}/invoices", async (Guid tenantId, AppDbContext db) =>
            Results.Ok(await db.Invoices.IgnoreQueryFilters().Where(i => i.TenantId == tenantId).ToListAsync())); // justified: TI0005

        group.MapGet("/overdue", async (AppDbContext db) =>
            Results.Ok(await db.Invoices.IgnoreQueryFilters().CountAsync(i => !i.IsPaid && i.DueAt < DateTime.UtcNow))); // justified: TI0001

        group.MapDelete("/tenants/{tenantId:guid}", DeleteTenant);
    }

    private static async System.Threading.Tasks.Task<IResult> DeleteTenant(Guid tenantId, AppDbContext db)
    {
        var tenant = await db.Tenants.FindAsync(tenantId); // justified: TI0005
        if (tenant is null)
        {
            return Results.NotFound();
        }

        db.Projects.RemoveRange(db.Projects.IgnoreQueryFilters().Where(p => p.TenantId == tenant.Id));
        db.Tenants.Remove(tenant);
        await db.SaveChangesAsync();
        return Results.NoContent();
    }

    /// <summary>Mapped on a group for tenant administrators: their reports must stay in their tenant.</summary>
    private static void MapReports(RouteGroupBuilder group)
    {
        group.MapGet("/open-tasks", async (AppDbContext db) =>
            Results.Ok(await db.Tasks.IgnoreQueryFilters().CountAsync(t => !t.IsDone))); // expect: TI0001

        group.MapGet("/my-open-tasks", async (AppDbContext db, ClaimsPrincipal user) =>
            Results.Ok(await db.Tasks.CountAsync(t => !t.IsDone && t.AssigneeId == user.FindFirstValue(ClaimTypes.NameIdentifier))));
    }
}
