using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Auditing;
using BookingApp.Data;
using BookingApp.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Controllers;

/// <summary>Fields a client may set on a customer. No company: it is the caller's.</summary>
public sealed record CustomerInput(string Name, string Phone, string Email);

[Route("api/customers")]
public sealed class CustomersController : CompanyControllerBase
{
    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;

    public CustomersController(BookingDbContext db, ICompanyContext companyContext, AccessAudit audit)
        : base(audit)
    {
        _db = db;
        _companyContext = companyContext;
    }

    [HttpGet]
    public Task<List<Customer>> List(CancellationToken cancellationToken) =>
        _db.Customers.Where(c => c.CompanyId == _companyContext.CompanyId).OrderBy(c => c.Name).ToListAsync(cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<ActionResult<Customer>> Get(int id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } customer ? customer : await DeniedAsync("customer", id, cancellationToken);

    [HttpPost]
    public async Task<ActionResult<Customer>> Create(CustomerInput input, CancellationToken cancellationToken)
    {
        var customer = new Customer { CompanyId = _companyContext.CompanyId, Name = input.Name, Phone = input.Phone, Email = input.Email };
        _db.Customers.Add(customer);
        await _db.SaveChangesAsync(cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = customer.Id }, customer);
    }

    [HttpPut("{id:int}")]
    public async Task<ActionResult<Customer>> Update(int id, CustomerInput input, CancellationToken cancellationToken)
    {
        Customer? customer = await FindAsync(id, cancellationToken);
        if (customer is null)
        {
            return await DeniedAsync("customer", id, cancellationToken);
        }

        customer.Name = input.Name;
        customer.Phone = input.Phone;
        customer.Email = input.Email;
        await _db.SaveChangesAsync(cancellationToken);
        return customer;
    }

    [HttpDelete("{id:int}")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        Customer? customer = await FindAsync(id, cancellationToken);
        if (customer is null)
        {
            return await DeniedAsync("customer", id, cancellationToken);
        }

        _db.Customers.Remove(customer);
        await _db.SaveChangesAsync(cancellationToken);
        return NoContent();
    }

    private Task<Customer?> FindAsync(int id, CancellationToken cancellationToken) =>
        _db.Customers.SingleOrDefaultAsync(c => c.Id == id && c.CompanyId == _companyContext.CompanyId, cancellationToken);
}
