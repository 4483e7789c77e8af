using TenantAnalyzers.CodeFixes.Fixes;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Fixes;

public sealed class TI0005TenantIdFromInputFixTests
{
    private const string Request = """

        namespace Booking
        {
            public class CreateCustomerRequest
            {
                public int CompanyId { get; set; }
                public string Name { get; set; } = "";
            }
        }
        """;

    private static Task FixAsync(string source, string fixedSource) =>
        Verify.FixAsync<TenantIdFromInputAnalyzer, TenantIdFromInputCodeFixProvider>(
            source + Request, fixedSource + Request, TenantIdFromInputCodeFixProvider.UseContextKey, references: TestReferences.AspNetCore10);

    [Fact]
    public Task Controller_gets_the_context_injected_once() => FixAsync("""
        using System.Linq;
        using Microsoft.AspNetCore.Mvc;

        namespace Booking
        {
            [ApiController]
            public class CustomersApi : ControllerBase
            {
                private readonly BookingDbContext _db;

                public CustomersApi(BookingDbContext db) => _db = db;

                [HttpPost]
                public void Create(CreateCustomerRequest request) =>
                    _db.Customers.Add(new Customer { Name = request.Name, CompanyId = {|TI0005:request.CompanyId|} });

                [HttpGet("/companies/{companyId}")]
                public object? Company(int companyId) => _db.Companies.FirstOrDefault(c => c.Id == {|TI0005:companyId|});
            }
        }
        """, """
        using System.Linq;
        using Microsoft.AspNetCore.Mvc;

        namespace Booking
        {
            [ApiController]
            public class CustomersApi : ControllerBase
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public CustomersApi(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

                [HttpPost]
                public void Create(CreateCustomerRequest request) =>
                    _db.Customers.Add(new Customer { Name = request.Name, CompanyId = _companyContext.CompanyId });

                [HttpGet("/companies/{companyId}")]
                public object? Company(int companyId) => _db.Companies.FirstOrDefault(c => c.Id == _companyContext.CompanyId);
            }
        }
        """);

    [Fact]
    public Task Minimal_api_lambda_gets_a_context_parameter() => FixAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        namespace Booking
        {
            public static class CustomerEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapPost("/companies/{companyId}/customers", (int companyId, CreateCustomerRequest request, BookingDbContext db) =>
                    {
                        db.Customers.Add(new Customer { Name = request.Name, CompanyId = {|TI0005:companyId|} });
                        db.AuditEntries.Add(new AuditEntry { Message = request.Name, CompanyId = {|TI0005:request.CompanyId|} });
                        return Results.Ok();
                    });
                }
            }
        }
        """, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        namespace Booking
        {
            public static class CustomerEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapPost("/companies/{companyId}/customers", (int companyId, CreateCustomerRequest request, BookingDbContext db, ICompanyContext companyContext) =>
                    {
                        db.Customers.Add(new Customer { Name = request.Name, CompanyId = companyContext.CompanyId });
                        db.AuditEntries.Add(new AuditEntry { Message = request.Name, CompanyId = companyContext.CompanyId });
                        return Results.Ok();
                    });
                }
            }
        }
        """);

    [Fact]
    public Task Not_offered_when_the_key_type_does_not_match_the_context() => Verify.NoFixAsync<TenantIdFromInputAnalyzer, TenantIdFromInputCodeFixProvider>("""
        using System;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class Document
            {
                public int Id { get; set; }
                public Guid TenantId { get; set; }
            }

            public class DocumentsController
            {
                private readonly DbContext _db = null!;

                public void Upload(Guid tenantId) => _db.Add(new Document { TenantId = {|TI0005:tenantId|} });
            }
        }
        """, TenantIdFromInputCodeFixProvider.UseContextKey);
}
