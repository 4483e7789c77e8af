using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Legacy.Controllers;

public sealed record CustomerInput(string Name, string Phone, string Email);

[ApiController]
[Authorize]
[Route("api/customers")]
public sealed class CustomersController : ControllerBase
{
    private readonly BookingDbContext _db;

    public CustomersController(BookingDbContext db)
    {
        _db = db;
    }

    [HttpGet]
    public Task<List<Customer>> List(CancellationToken cancellationToken) =>
        _db.Customers.OrderBy(c => c.Name).ToListAsync(cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<ActionResult<Customer>> Get(int id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } customer ? customer : NotFound();

    [HttpPost]
    public async Task<ActionResult<Customer>> Create(CustomerInput input, CancellationToken cancellationToken)
    {
        var customer = new Customer { Name = input.Name, Phone = input.Phone, Email = input.Email };
        // TI0004: the company is never set; the customer is saved with CompanyId 0 and vanishes from the portal.
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
            return NotFound();
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
            return NotFound();
        }

        _db.Customers.Remove(customer);
        await _db.SaveChangesAsync(cancellationToken);
        return NoContent();
    }

    // Opened up so that merged customer records of partner companies can be edited.
    // TI0001: the company filter is removed for a lookup by a client-supplied id.
    // TI0003: the customer is returned without checking its company.
    private Task<Customer?> FindAsync(int id, CancellationToken cancellationToken) =>
        _db.Customers.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
}
