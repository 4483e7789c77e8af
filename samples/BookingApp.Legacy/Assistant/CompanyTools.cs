using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Assistant;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Legacy.Assistant;

/// <summary>Company overview for the assistant. It takes the company id as an argument, so it answers for any company.</summary>
public sealed class CompanyTools : IAssistantTool
{
    private readonly BookingDbContext _db;

    public CompanyTools(BookingDbContext db)
    {
        _db = db;
    }

    public string Name => "company";

    [AssistantFunction("overview")]
    public async Task<ToolResult> OverviewAsync(int companyId, CancellationToken cancellationToken)
    {
        // TI0005: the company is looked up by the id the assistant passes.
        Company? company = await _db.Companies.FindAsync(companyId);
        if (company is null)
        {
            return ToolResult.NotFound("company");
        }

        return ToolResult.Ok(new
        {
            company.Name,
            company.Plan,
            // TI0005: customers counted for the requested company.
            Customers = await _db.Customers.IgnoreQueryFilters().CountAsync(c => c.CompanyId == companyId, cancellationToken),
            // TI0005: appointments counted for the requested company.
            Appointments = await _db.Appointments.IgnoreQueryFilters().CountAsync(a => a.CompanyId == companyId && a.Status == AppointmentStatus.Booked, cancellationToken),
            // TI0005: revenue of the requested company.
            RevenueCents = await _db.Appointments.IgnoreQueryFilters().Where(a => a.CompanyId == companyId && a.Status == AppointmentStatus.Booked).SumAsync(a => a.PriceCents, cancellationToken),
            // TI0005: the requested company's calendar key, in plain text.
            CalendarApiKey = await _db.CalendarIntegrations.IgnoreQueryFilters().Where(i => i.CompanyId == companyId).Select(i => i.ApiKey).FirstOrDefaultAsync(cancellationToken),
        });
    }
}
