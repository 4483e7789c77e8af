using System;
using System.Linq;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TaskFlow.Data;
using TaskFlow.Infrastructure;

namespace TaskFlow.Endpoints;

public static class InvoiceEndpoints
{
    public static void MapInvoiceEndpoints(this IEndpointRouteBuilder app)
    {
        var invoices = app.MapGroup("/api/invoices").RequireAuthorization();

        invoices.MapGet("/{id:guid}", async (Guid id, AppDbContext db) =>
            await db.Invoices.FindAsync(id) is { } invoice ? Results.Ok(invoice) : Results.NotFound());

        invoices.MapGet("/by-number/{number}", async (string number, AppDbContext db) =>
            Results.Ok(await db.Invoices.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Number == number))); // expect: TI0001

        invoices.MapGet("/by-number/{number}/checked", async (string number, AppDbContext db, ClaimsPrincipal user) =>
        {
            var invoice = await db.Invoices.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Number == number);
            if (invoice is null || invoice.TenantId != user.GetTenantId())
            {
                return Results.NotFound();
            }

            return Results.Ok(invoice);
        });

        invoices.MapGet("/tenant/{tenantId:guid}", async (Guid tenantId, AppDbContext db) =>
            Results.Ok(await db.Invoices.IgnoreQueryFilters().Where(i => i.TenantId == tenantId).ToListAsync())); // expect: TI0005

        invoices.MapPost("/", async (CreateInvoiceRequest request, AppDbContext db, ClaimsPrincipal user) =>
        {
            var invoice = new Invoice { Id = Guid.NewGuid(), Number = request.Number, Amount = request.Amount, TenantId = user.GetTenantId() };
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
            return Results.Created($"/api/invoices/{invoice.Id}", invoice);
        });

        invoices.MapPost("/import", async (HttpContext http, AppDbContext db) =>
        {
            var tenantId = Guid.Parse(http.Request.Headers["X-Tenant-Id"].ToString());
            db.Invoices.Add(new Invoice { Id = Guid.NewGuid(), Number = "IMPORTED", TenantId = tenantId }); // expect: TI0005
            await db.SaveChangesAsync();
            return Results.Accepted();
        });
    }
}

public record CreateInvoiceRequest(string Number, decimal Amount);
