using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Entities;
using BookingApp.Legacy.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Legacy.Controllers;

[ApiController]
[Authorize]
[Route("api/appointments")]
public sealed class AppointmentsController : ControllerBase
{
    private readonly BookingDbContext _db;
    private readonly AppointmentBookingService _booking;

    public AppointmentsController(BookingDbContext db, AppointmentBookingService booking)
    {
        _db = db;
        _booking = booking;
    }

    [HttpGet]
    public Task<List<Appointment>> List(CancellationToken cancellationToken) =>
        _db.Appointments.OrderBy(a => a.StartsAt).ToListAsync(cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<ActionResult<Appointment>> Get(int id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } appointment ? appointment : NotFound();

    [HttpPost]
    public async Task<ActionResult<Appointment>> Book(BookingRequest request, CancellationToken cancellationToken) =>
        await _booking.BookAsync(request, cancellationToken) is { } appointment
            ? CreatedAtAction(nameof(Get), new { id = appointment.Id }, appointment)
            : NotFound();

    [HttpPost("{id:int}/cancel")]
    public async Task<ActionResult<Appointment>> Cancel(int id, CancellationToken cancellationToken)
    {
        Appointment? appointment = await FindAsync(id, cancellationToken);
        if (appointment is null)
        {
            return NotFound();
        }

        appointment.Status = AppointmentStatus.Cancelled;
        await _db.SaveChangesAsync(cancellationToken);
        return appointment;
    }

    // TI0001: the company filter is removed for a lookup by a client-supplied id.
    // TI0003: the appointment is returned without checking its company.
    private Task<Appointment?> FindAsync(int id, CancellationToken cancellationToken) =>
        _db.Appointments.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
}
