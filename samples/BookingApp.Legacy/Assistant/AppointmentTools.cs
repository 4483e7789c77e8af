using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Assistant;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Legacy.Assistant;

/// <summary>Lets a caller review and cancel appointments on the phone, identified by their number.</summary>
public sealed class AppointmentTools : IAssistantTool
{
    private readonly BookingDbContext _db;

    public AppointmentTools(BookingDbContext db)
    {
        _db = db;
    }

    public string Name => "appointments";

    [AssistantFunction("find_for_caller")]
    public async Task<ToolResult> FindForCallerAsync(string phone, CancellationToken cancellationToken)
    {
        // TI0001: the caller is matched against every company's customers.
        Customer? caller = await _db.Customers.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Phone == phone, cancellationToken);
        if (caller is null)
        {
            return ToolResult.NotFound("caller");
        }

        // TI0001: and their appointments are read with the filters off as well.
        return ToolResult.Ok(await _db.Appointments.IgnoreQueryFilters()
            .Where(a => a.CustomerId == caller.Id)
            .OrderBy(a => a.StartsAt)
            .ToListAsync(cancellationToken));
    }

    [AssistantFunction("cancel")]
    public async Task<ToolResult> CancelAsync(int appointmentId, string phone, CancellationToken cancellationToken)
    {
        // TI0001: the appointment is looked up in every company.
        // TI0003: only the caller's phone number, never the company, is checked.
        Appointment? appointment = await _db.Appointments.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        // TI0001: the caller is matched against every company's customers.
        Customer? caller = await _db.Customers.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Phone == phone, cancellationToken);
        if (appointment is null || caller is null || appointment.CustomerId != caller.Id)
        {
            return ToolResult.NotFound("appointment");
        }

        appointment.Status = AppointmentStatus.Cancelled;
        await _db.SaveChangesAsync(cancellationToken);
        return ToolResult.Ok(appointment);
    }
}
