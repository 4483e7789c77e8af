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

[Route("api/staff")]
public sealed class StaffController : CompanyControllerBase
{
    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;

    public StaffController(BookingDbContext db, ICompanyContext companyContext, AccessAudit audit)
        : base(audit)
    {
        _db = db;
        _companyContext = companyContext;
    }

    [HttpGet]
    public Task<List<Staff>> List(CancellationToken cancellationToken) =>
        _db.Staff.Where(s => s.CompanyId == _companyContext.CompanyId).OrderBy(s => s.Name).ToListAsync(cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<ActionResult<Staff>> Get(int id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } member ? member : await DeniedAsync("staff", id, cancellationToken);

    [HttpDelete("{id:int}")]
    [Authorize(Roles = UserRoles.Admin)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        Staff? member = await FindAsync(id, cancellationToken);
        if (member is null)
        {
            return await DeniedAsync("staff", id, cancellationToken);
        }

        _db.Staff.Remove(member);
        await _db.SaveChangesAsync(cancellationToken);
        return NoContent();
    }

    private Task<Staff?> FindAsync(int id, CancellationToken cancellationToken) =>
        _db.Staff.SingleOrDefaultAsync(s => s.Id == id && s.CompanyId == _companyContext.CompanyId, cancellationToken);
}
