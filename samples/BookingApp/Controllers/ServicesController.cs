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

public sealed record ServiceInput(string Name, int DurationMinutes, int PriceCents);

[Route("api/services")]
public sealed class ServicesController : CompanyControllerBase
{
    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;

    public ServicesController(BookingDbContext db, ICompanyContext companyContext, AccessAudit audit)
        : base(audit)
    {
        _db = db;
        _companyContext = companyContext;
    }

    [HttpGet]
    public Task<List<Service>> List(CancellationToken cancellationToken) =>
        _db.Services.Where(s => s.CompanyId == _companyContext.CompanyId).OrderBy(s => s.Name).ToListAsync(cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<ActionResult<Service>> Get(int id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } service ? service : await DeniedAsync("service", id, cancellationToken);

    [HttpPut("{id:int}")]
    [Authorize(Roles = UserRoles.Admin)]
    public async Task<ActionResult<Service>> Update(int id, ServiceInput input, CancellationToken cancellationToken)
    {
        Service? service = await FindAsync(id, cancellationToken);
        if (service is null)
        {
            return await DeniedAsync("service", id, cancellationToken);
        }

        service.Name = input.Name;
        service.DurationMinutes = input.DurationMinutes;
        service.PriceCents = input.PriceCents;
        await _db.SaveChangesAsync(cancellationToken);
        return service;
    }

    private Task<Service?> FindAsync(int id, CancellationToken cancellationToken) =>
        _db.Services.SingleOrDefaultAsync(s => s.Id == id && s.CompanyId == _companyContext.CompanyId, cancellationToken);
}
