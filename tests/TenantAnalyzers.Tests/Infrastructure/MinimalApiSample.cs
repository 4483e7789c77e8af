namespace TenantAnalyzers.Tests.Infrastructure;

/// <summary>
/// A fresh web API as <c>dotnet new web</c> starts one and a team grows it: top-level statements, static handler lambdas
/// and a route group, implicit usings, a context whose company is <c>int?</c> (none when signed out), a service with a
/// primary constructor. The fix sweep runs on it besides the rule tests and the legacy sample.
/// </summary>
public static class MinimalApiSample
{
    /// <summary>What <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c> generates for a web project.</summary>
    public const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Net.Http.Json;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        """;

    public const string Program = """
        using Microsoft.EntityFrameworkCore;
        using Shop.Data;
        using Shop.Services;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<ShopDb>();
        builder.Services.AddScoped<Billing>();
        var app = builder.Build();

        app.MapGet("/customers/{id}", static (int id, ShopDb db) =>
            db.Customers.IgnoreQueryFilters().FirstOrDefault(c => c.Id == id));

        app.MapGet("/notes/{id}", static async (int id, ShopDb db) => await db.Notes.FindAsync(id));

        app.MapPost("/customers", static (CustomerInput input, ShopDb db) =>
        {
            db.Customers.Add(new Customer { Name = input.Name });
            db.SaveChanges();
            return Results.Ok();
        });

        app.MapPost("/notes", (NoteInput input, ShopDb db) =>
        {
            db.Notes.Add(new Note { Text = input.Text, CompanyId = input.CompanyId });
            return db.SaveChangesAsync();
        });

        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/company", (ShopDb db) => db.Companies.FirstOrDefault());
        api.MapGet("/invoices/total", (Billing billing) => billing.Total());

        app.Run();
        """;

    public const string Data = """
        using Microsoft.EntityFrameworkCore;

        namespace Shop.Data;

        public interface ICompanyContext
        {
            int? CompanyId { get; }
        }

        public class Company
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
        }

        public class Customer
        {
            public int Id { get; set; }
            public int CompanyId { get; set; }
            public string Name { get; set; } = "";
        }

        public class Note
        {
            public int Id { get; set; }
            public int CompanyId { get; set; }
            public string Text { get; set; } = "";
        }

        public class Invoice
        {
            public int Id { get; set; }
            public int CompanyId { get; set; }
            public decimal Amount { get; set; }
        }

        public record CustomerInput(string Name);

        public record NoteInput(int CompanyId, string Text);

        public class ShopDb(DbContextOptions<ShopDb> options, ICompanyContext context) : DbContext(options)
        {
            public DbSet<Company> Companies => Set<Company>();
            public DbSet<Customer> Customers => Set<Customer>();
            public DbSet<Note> Notes => Set<Note>();
            public DbSet<Invoice> Invoices => Set<Invoice>();

            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity<Customer>().HasQueryFilter(c => c.CompanyId == context.CompanyId);
                modelBuilder.Entity<Invoice>().HasQueryFilter(i => i.CompanyId == context.CompanyId);
            }
        }
        """;

    public const string Services = """
        using Microsoft.EntityFrameworkCore;
        using Shop.Data;

        namespace Shop.Services;

        public class Billing(ShopDb db)
        {
            public decimal Total() => db.Invoices.IgnoreQueryFilters().Sum(i => i.Amount);

            public void Record(decimal amount) => db.Invoices.Add(new() { Amount = amount });
        }
        """;
}
