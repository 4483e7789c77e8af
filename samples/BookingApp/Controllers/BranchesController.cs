using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Auditing;
using BookingApp.Data;
using BookingApp.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Controllers;

public sealed record BranchInput(string Name, string City, string Phone);

[Route("api/branches")]
public sealed class BranchesController : CompanyControllerBase
{
    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;

    public BranchesController(BookingDbContext db, ICompanyContext companyContext, AccessAudit audit)
        : base(audit)
    {
        _db = db;
        _companyContext = companyContext;
    }

    [HttpGet]
    public Task<List<Branch>> List(CancellationToken cancellationToken) =>
        _db.Branches.Where(b => b.CompanyId == _companyContext.CompanyId).OrderBy(b => b.Name).ToListAsync(cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<ActionResult<Branch>> Get(int id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } branch ? branch : await DeniedAsync("branch", id, cancellationToken);

    [HttpPut("{id:int}")]
    [Authorize(Roles = UserRoles.Admin)]
    public async Task<ActionResult<Branch>> Update(int id, BranchInput input, CancellationToken cancellationToken)
    {
        Branch? branch = await FindAsync(id, cancellationToken);
        if (branch is null)
        {
            return await DeniedAsync("branch", id, cancellationToken);
        }

        branch.Name = input.Name;
        branch.City = input.City;
        branch.Phone = input.Phone;
        await _db.SaveChangesAsync(cancellationToken);
        return branch;
    }

    private Task<Branch?> FindAsync(int id, CancellationToken cancellationToken) =>
        _db.Branches.SingleOrDefaultAsync(b => b.Id == id && b.CompanyId == _companyContext.CompanyId, cancellationToken);
}
