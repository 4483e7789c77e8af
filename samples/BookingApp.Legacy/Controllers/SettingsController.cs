using System.Threading;
using System.Threading.Tasks;
using BookingApp.Legacy.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BookingApp.Legacy.Controllers;

public sealed record CalendarSettingsInput(string Provider, string EventTypeId, string ApiKey);

[ApiController]
[Authorize]
[Route("api/settings/integrations")]
public sealed class SettingsController : ControllerBase
{
    private readonly CalendarBookingService _calendar;

    public SettingsController(CalendarBookingService calendar)
    {
        _calendar = calendar;
    }

    [HttpGet]
    public async Task<ActionResult<CalendarSettings>> Get(CancellationToken cancellationToken) =>
        await _calendar.GetSettingsAsync(cancellationToken) is { } settings ? settings : NotFound();

    [HttpPut]
    public Task<CalendarSettings> Save(CalendarSettingsInput input, CancellationToken cancellationToken) =>
        _calendar.SaveSettingsAsync(input.Provider, input.EventTypeId, input.ApiKey, cancellationToken);
}
