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

public sealed record ServiceInput(string Name, int DurationMinutes, int PriceCents);

[ApiController]
[Authorize]
[Route("api/services")]
public sealed class ServicesController : ControllerBase
{
    private readonly BookingDbContext _db;

    public ServicesController(BookingDbContext db)
    {
        _db = db;
    }

    [HttpGet]
    public Task<List<Service>> List(CancellationToken cancellationToken) =>
        _db.Services.OrderBy(s => s.Name).ToListAsync(cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<ActionResult<Service>> Get(int id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } service ? service : NotFound();

    [HttpPut("{id:int}")]
    public async Task<ActionResult<Service>> Update(int id, ServiceInput input, CancellationToken cancellationToken)
    {
        Service? service = await FindAsync(id, cancellationToken);
        if (service is null)
        {
            return NotFound();
        }

        service.Name = input.Name;
        service.DurationMinutes = input.DurationMinutes;
        service.PriceCents = input.PriceCents;
        await _db.SaveChangesAsync(cancellationToken);
        return service;
    }

    // TI0001: the company filter is removed for a lookup by a client-supplied id.
    // TI0003: the service is returned without checking its company.
    private Task<Service?> FindAsync(int id, CancellationToken cancellationToken) =>
        _db.Services.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
}
