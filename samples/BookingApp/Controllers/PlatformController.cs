using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BookingApp.Controllers;

/// <summary>The platform operator's endpoints; company users (staff, admin) get 403.</summary>
[ApiController]
[Route("api/platform")]
[Authorize(Roles = UserRoles.SuperAdmin)]
public sealed class PlatformController : ControllerBase
{
    private readonly PlatformReportService _reports;

    public PlatformController(PlatformReportService reports)
    {
        _reports = reports;
    }

    [HttpGet("usage")]
    public Task<IReadOnlyList<CompanyUsage>> Usage(CancellationToken cancellationToken) => _reports.GetUsageAsync(cancellationToken);
}
