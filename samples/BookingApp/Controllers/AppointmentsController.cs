using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Auditing;
using BookingApp.Data;
using BookingApp.Data.Entities;
using BookingApp.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Controllers;

[Route("api/appointments")]
public sealed class AppointmentsController : CompanyControllerBase
{
    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;
    private readonly AppointmentBookingService _booking;
    private readonly AccessAudit _audit;

    public AppointmentsController(BookingDbContext db, ICompanyContext companyContext, AppointmentBookingService booking, AccessAudit audit)
        : base(audit)
    {
        _db = db;
        _companyContext = companyContext;
        _booking = booking;
        _audit = audit;
    }

    [HttpGet]
    public Task<List<Appointment>> List(CancellationToken cancellationToken) =>
        _db.Appointments.Where(a => a.CompanyId == _companyContext.CompanyId).OrderBy(a => a.StartsAt).ToListAsync(cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<ActionResult<Appointment>> Get(int id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } appointment ? appointment : await DeniedAsync("appointment", id, cancellationToken);

    [HttpPost]
    public async Task<ActionResult<Appointment>> Book(BookingRequest request, CancellationToken cancellationToken)
    {
        BookingResult result = await _booking.BookAsync(request, cancellationToken);
        if (result.Appointment is null)
        {
            await _audit.RecordDenialAsync(result.MissingReference!, cancellationToken);
            return NotFound();
        }

        return CreatedAtAction(nameof(Get), new { id = result.Appointment.Id }, result.Appointment);
    }

    [HttpPost("{id:int}/cancel")]
    public async Task<ActionResult<Appointment>> Cancel(int id, CancellationToken cancellationToken)
    {
        Appointment? appointment = await FindAsync(id, cancellationToken);
        if (appointment is null)
        {
            return await DeniedAsync("appointment", id, cancellationToken);
        }

        appointment.Status = AppointmentStatus.Cancelled;
        await _db.SaveChangesAsync(cancellationToken);
        return appointment;
    }

    private Task<Appointment?> FindAsync(int id, CancellationToken cancellationToken) =>
        _db.Appointments.SingleOrDefaultAsync(a => a.Id == id && a.CompanyId == _companyContext.CompanyId, cancellationToken);
}
