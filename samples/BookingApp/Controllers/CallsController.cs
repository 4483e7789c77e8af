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

[Route("api/calls")]
public sealed class CallsController : CompanyControllerBase
{
    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;

    public CallsController(BookingDbContext db, ICompanyContext companyContext, AccessAudit audit)
        : base(audit)
    {
        _db = db;
        _companyContext = companyContext;
    }

    [HttpGet]
    public Task<List<PhoneCall>> List(CancellationToken cancellationToken) =>
        _db.PhoneCalls.Where(c => c.CompanyId == _companyContext.CompanyId).OrderByDescending(c => c.StartedAt).ToListAsync(cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<ActionResult<PhoneCall>> Get(int id, CancellationToken cancellationToken) =>
        await _db.PhoneCalls.SingleOrDefaultAsync(c => c.Id == id && c.CompanyId == _companyContext.CompanyId, cancellationToken) is { } call
            ? call
            : await DeniedAsync("call", id, cancellationToken);
}
