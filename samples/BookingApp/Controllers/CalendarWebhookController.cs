using System.Threading;
using System.Threading.Tasks;
using BookingApp.Auditing;
using BookingApp.Data.Entities;
using BookingApp.Services;
using Microsoft.AspNetCore.Mvc;

namespace BookingApp.Controllers;

public sealed record CalendarCancellation(int AppointmentId);

/// <summary>
/// Calendar provider callbacks. They authenticate with a bearer token issued to the integration, like
/// any client: an anonymous callback has no company and is refused, never applied to some company.
/// </summary>
[Route("api/webhooks/calendar")]
public sealed class CalendarWebhookController : CompanyControllerBase
{
    private readonly CalendarBookingService _calendar;

    public CalendarWebhookController(CalendarBookingService calendar, AccessAudit audit)
        : base(audit)
    {
        _calendar = calendar;
    }

    [HttpPost("booking-cancelled")]
    public async Task<ActionResult<Appointment>> BookingCancelled(CalendarCancellation notification, CancellationToken cancellationToken) =>
        await _calendar.ApplyCancellationAsync(notification.AppointmentId, cancellationToken) is { } appointment
            ? appointment
            : await DeniedAsync("appointment", notification.AppointmentId, cancellationToken);
}
