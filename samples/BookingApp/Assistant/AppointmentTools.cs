using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Auditing;
using BookingApp.Data;
using BookingApp.Data.Assistant;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Assistant;

/// <summary>
/// Lets a caller review and cancel their appointments on the phone. The caller is identified by
/// phone number within the company whose line they called, never across companies.
/// </summary>
public sealed class AppointmentTools : IAssistantTool
{
    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;
    private readonly AccessAudit _audit;

    public AppointmentTools(BookingDbContext db, ICompanyContext companyContext, AccessAudit audit)
    {
        _db = db;
        _companyContext = companyContext;
        _audit = audit;
    }

    public string Name => "appointments";

    [AssistantFunction("find_for_caller")]
    public async Task<ToolResult> FindForCallerAsync(string phone, CancellationToken cancellationToken)
    {
        int companyId = _companyContext.CompanyId;
        Customer? caller = await _db.Customers.FirstOrDefaultAsync(c => c.Phone == phone && c.CompanyId == companyId, cancellationToken);
        if (caller is null)
        {
            return ToolResult.NotFound("caller");
        }

        return ToolResult.Ok(await _db.Appointments
            .Where(a => a.CustomerId == caller.Id && a.CompanyId == companyId)
            .OrderBy(a => a.StartsAt)
            .ToListAsync(cancellationToken));
    }

    [AssistantFunction("cancel")]
    public async Task<ToolResult> CancelAsync(int appointmentId, string phone, CancellationToken cancellationToken)
    {
        int companyId = _companyContext.CompanyId;
        Appointment? appointment = await _db.Appointments
            .SingleOrDefaultAsync(a => a.Id == appointmentId && a.CompanyId == companyId, cancellationToken);
        bool callerOwnsIt = appointment is not null
            && await _db.Customers.AnyAsync(c => c.Id == appointment.CustomerId && c.Phone == phone && c.CompanyId == companyId, cancellationToken);
        if (appointment is null || !callerOwnsIt)
        {
            await _audit.RecordDenialAsync($"appointment {appointmentId}", cancellationToken);
            return ToolResult.NotFound("appointment");
        }

        appointment.Status = AppointmentStatus.Cancelled;
        await _db.SaveChangesAsync(cancellationToken);
        return ToolResult.Ok(appointment);
    }
}
