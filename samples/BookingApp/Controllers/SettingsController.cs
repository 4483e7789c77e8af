using System.Threading;
using System.Threading.Tasks;
using BookingApp.Auditing;
using BookingApp.Data;
using BookingApp.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BookingApp.Controllers;

public sealed record CalendarSettingsInput(string Provider, string EventTypeId, string ApiKey);

[Route("api/settings/integrations")]
public sealed class SettingsController : CompanyControllerBase
{
    private readonly CalendarBookingService _calendar;

    public SettingsController(CalendarBookingService calendar, AccessAudit audit)
        : base(audit)
    {
        _calendar = calendar;
    }

    [HttpGet]
    public async Task<ActionResult<CalendarSettings>> Get(CancellationToken cancellationToken) =>
        await _calendar.GetSettingsAsync(cancellationToken) is { } settings ? settings : NotFound();

    [HttpPut]
    [Authorize(Roles = UserRoles.Admin)]
    public Task<CalendarSettings> Save(CalendarSettingsInput input, CancellationToken cancellationToken) =>
        _calendar.SaveSettingsAsync(input.Provider, input.EventTypeId, input.ApiKey, cancellationToken);
}
