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
[Route("api/staff")]
public sealed class StaffController : ControllerBase
{
    private readonly BookingDbContext _db;

    public StaffController(BookingDbContext db)
    {
        _db = db;
    }

    [HttpGet]
    public Task<List<Staff>> List(CancellationToken cancellationToken) =>
        _db.Staff.OrderBy(s => s.Name).ToListAsync(cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<ActionResult<Staff>> Get(int id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } member ? member : NotFound();

    [HttpDelete("{id:int}")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        Staff? member = await FindAsync(id, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        _db.Staff.Remove(member);
        await _db.SaveChangesAsync(cancellationToken);
        return NoContent();
    }

    // TI0001: the company filter is removed for a lookup by a client-supplied id.
    // TI0003: the staff member is returned without checking its company.
    private Task<Staff?> FindAsync(int id, CancellationToken cancellationToken) =>
        _db.Staff.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
}
