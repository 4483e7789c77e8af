using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Assistant;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Assistant;

/// <summary>
/// The calling company's own overview. It takes no company id: there is no way to ask about
/// another company, and company creation is not offered to the assistant at all.
/// </summary>
public sealed class CompanyTools : IAssistantTool
{
    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;

    public CompanyTools(BookingDbContext db, ICompanyContext companyContext)
    {
        _db = db;
        _companyContext = companyContext;
    }

    public string Name => "company";

    [AssistantFunction("overview")]
    public async Task<ToolResult> OverviewAsync(CancellationToken cancellationToken)
    {
        int companyId = _companyContext.CompanyId;
        Company company = await _db.Companies.SingleAsync(c => c.Id == companyId, cancellationToken);
        return ToolResult.Ok(new
        {
            company.Name,
            company.Plan,
            Customers = await _db.Customers.CountAsync(c => c.CompanyId == companyId, cancellationToken),
            Appointments = await _db.Appointments.CountAsync(a => a.CompanyId == companyId && a.Status == AppointmentStatus.Booked, cancellationToken),
            RevenueCents = await _db.Appointments.Where(a => a.CompanyId == companyId && a.Status == AppointmentStatus.Booked).SumAsync(a => a.PriceCents, cancellationToken),
            CalendarConnected = await _db.CalendarIntegrations.AnyAsync(i => i.CompanyId == companyId, cancellationToken),
        });
    }
}
