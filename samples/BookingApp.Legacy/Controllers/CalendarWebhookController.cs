using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data.Entities;
using BookingApp.Legacy.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BookingApp.Legacy.Controllers;

public sealed record CalendarCancellation(int AppointmentId);

/// <summary>Calendar provider callbacks: anonymous, the provider cannot sign in.</summary>
[ApiController]
[AllowAnonymous]
[Route("api/webhooks/calendar")]
public sealed class CalendarWebhookController : ControllerBase
{
    private readonly CalendarBookingService _calendar;

    public CalendarWebhookController(CalendarBookingService calendar)
    {
        _calendar = calendar;
    }

    [HttpPost("booking-cancelled")]
    public async Task<ActionResult<Appointment>> BookingCancelled(CalendarCancellation notification, CancellationToken cancellationToken) =>
        await _calendar.ApplyCancellationAsync(notification.AppointmentId, cancellationToken) is { } appointment ? appointment : NotFound();
}
