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

[ApiController]
[Authorize]
[Route("api/calls")]
public sealed class CallsController : ControllerBase
{
    private readonly BookingDbContext _db;

    public CallsController(BookingDbContext db)
    {
        _db = db;
    }

    [HttpGet]
    public Task<List<PhoneCall>> List(CancellationToken cancellationToken) =>
        _db.PhoneCalls.OrderBy(c => c.StartedAt).ToListAsync(cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<ActionResult<PhoneCall>> Get(int id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } call ? call : NotFound();

    // TI0001: the company filter is removed for a lookup by a client-supplied id.
    // TI0003: the call (with its transcript summary) is returned without checking its company.
    private Task<PhoneCall?> FindAsync(int id, CancellationToken cancellationToken) =>
        _db.PhoneCalls.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
}
