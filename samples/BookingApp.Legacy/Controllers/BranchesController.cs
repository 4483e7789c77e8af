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

public sealed record BranchInput(string Name, string City, string Phone);

[ApiController]
[Authorize]
[Route("api/branches")]
public sealed class BranchesController : ControllerBase
{
    private readonly BookingDbContext _db;

    public BranchesController(BookingDbContext db)
    {
        _db = db;
    }

    [HttpGet]
    public Task<List<Branch>> List(CancellationToken cancellationToken) =>
        _db.Branches.OrderBy(b => b.Name).ToListAsync(cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<ActionResult<Branch>> Get(int id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } branch ? branch : NotFound();

    [HttpPut("{id:int}")]
    public async Task<ActionResult<Branch>> Update(int id, BranchInput input, CancellationToken cancellationToken)
    {
        Branch? branch = await FindAsync(id, cancellationToken);
        if (branch is null)
        {
            return NotFound();
        }

        branch.Name = input.Name;
        branch.City = input.City;
        branch.Phone = input.Phone;
        await _db.SaveChangesAsync(cancellationToken);
        return branch;
    }

    // TI0001: the company filter is removed for a lookup by a client-supplied id.
    // TI0003: the branch is returned without checking its company.
    private Task<Branch?> FindAsync(int id, CancellationToken cancellationToken) =>
        _db.Branches.IgnoreQueryFilters().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
}
