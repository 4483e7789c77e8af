using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Legacy.Services;

public sealed record CalendarSettings(string Provider, string EventTypeId, string ApiKey);

/// <summary>
/// Calendar integration. Calendar webhooks arrive without a signed-in user, so the company is
/// "resolved" with a fallback, and the portal front end calls the calendar API itself, so it is
/// handed the plain-text key.
/// </summary>
public sealed class CalendarBookingService
{
    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;

    public CalendarBookingService(BookingDbContext db, ICompanyContext companyContext)
    {
        _db = db;
        _companyContext = companyContext;
    }

    public async Task<CalendarSettings?> GetSettingsAsync(CancellationToken cancellationToken)
    {
        int companyId = ResolveCompany().Id;
        CalendarIntegration? integration = await _db.CalendarIntegrations.IgnoreQueryFilters()
            .FirstOrDefaultAsync(i => i.CompanyId == companyId, cancellationToken);

        // Secret exposure (no TI rule): the stored key is plain text and goes to the browser as is.
        return integration is null ? null : new CalendarSettings(integration.Provider, integration.EventTypeId, integration.ApiKey);
    }

    public async Task<CalendarSettings> SaveSettingsAsync(string provider, string eventTypeId, string apiKey, CancellationToken cancellationToken)
    {
        CalendarIntegration? integration = await _db.CalendarIntegrations.FirstOrDefaultAsync(cancellationToken);
        if (integration is null)
        {
            integration = new CalendarIntegration { CompanyId = _companyContext.CompanyId };
            _db.CalendarIntegrations.Add(integration);
        }

        integration.Provider = provider;
        integration.EventTypeId = eventTypeId;
        integration.ApiKey = apiKey;
        await _db.SaveChangesAsync(cancellationToken);
        return new CalendarSettings(provider, eventTypeId, apiKey);
    }

    public async Task<Appointment?> ApplyCancellationAsync(int appointmentId, CancellationToken cancellationToken)
    {
        int companyId = ResolveCompany().Id;
        Appointment? appointment = await _db.Appointments.IgnoreQueryFilters()
            .FirstOrDefaultAsync(a => a.Id == appointmentId && a.CompanyId == companyId, cancellationToken);
        if (appointment is not null)
        {
            appointment.Status = AppointmentStatus.Cancelled;
            await _db.SaveChangesAsync(cancellationToken);
        }

        return appointment;
    }

    private Company ResolveCompany()
    {
        Company? company = _companyContext.HasCompany ? _db.Companies.Find(_companyContext.CompanyId) : null;

        // TI0002: without a signed-in user (webhooks) this picks whichever company comes first.
        company ??= _db.Companies.FirstOrDefault();
        return company ?? throw new InvalidOperationException("No company is configured.");
    }
}
