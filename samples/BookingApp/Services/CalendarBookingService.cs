using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Services;

/// <summary>What the portal may know about the calendar integration: never the key itself.</summary>
public sealed record CalendarSettings(string Provider, string EventTypeId, bool ApiKeyConfigured);

/// <summary>
/// The company's calendar integration. The provider API key is encrypted at rest with Data
/// Protection, decrypted only to call the provider, and never sent to a client.
/// </summary>
public sealed class CalendarBookingService
{
    public const string ApiKeyPurpose = "BookingApp.CalendarIntegration.ApiKey.v1";

    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;
    private readonly IDataProtector _apiKeyProtector;

    public CalendarBookingService(BookingDbContext db, ICompanyContext companyContext, IDataProtectionProvider dataProtection)
    {
        _db = db;
        _companyContext = companyContext;
        _apiKeyProtector = dataProtection.CreateProtector(ApiKeyPurpose);
    }

    public async Task<CalendarSettings?> GetSettingsAsync(CancellationToken cancellationToken)
    {
        CalendarIntegration? integration = await FindIntegrationAsync(cancellationToken);
        return integration is null ? null : ToSettings(integration);
    }

    public async Task<CalendarSettings> SaveSettingsAsync(string provider, string eventTypeId, string apiKey, CancellationToken cancellationToken)
    {
        CalendarIntegration? integration = await FindIntegrationAsync(cancellationToken);
        if (integration is null)
        {
            integration = new CalendarIntegration { CompanyId = _companyContext.CompanyId };
            _db.CalendarIntegrations.Add(integration);
        }

        integration.Provider = provider;
        integration.EventTypeId = eventTypeId;
        integration.ApiKey = _apiKeyProtector.Protect(apiKey);
        await _db.SaveChangesAsync(cancellationToken);
        return ToSettings(integration);
    }

    /// <summary>
    /// Applies a cancellation the calendar provider reports. The caller is authenticated like any
    /// other client, so the appointment must be one of its company's.
    /// </summary>
    public async Task<Appointment?> ApplyCancellationAsync(int appointmentId, CancellationToken cancellationToken)
    {
        Appointment? appointment = await _db.Appointments
            .SingleOrDefaultAsync(a => a.Id == appointmentId && a.CompanyId == _companyContext.CompanyId, cancellationToken);
        if (appointment is not null)
        {
            appointment.Status = AppointmentStatus.Cancelled;
            await _db.SaveChangesAsync(cancellationToken);
        }

        return appointment;
    }

    private Task<CalendarIntegration?> FindIntegrationAsync(CancellationToken cancellationToken) =>
        _db.CalendarIntegrations.SingleOrDefaultAsync(i => i.CompanyId == _companyContext.CompanyId, cancellationToken);

    private static CalendarSettings ToSettings(CalendarIntegration integration) =>
        new(integration.Provider, integration.EventTypeId, ApiKeyConfigured: integration.ApiKey.Length > 0);
}
