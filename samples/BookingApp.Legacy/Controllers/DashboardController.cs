using System;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Legacy.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BookingApp.Legacy.Controllers;

[ApiController]
[Authorize]
[Route("api/dashboard")]
public sealed class DashboardController : ControllerBase
{
    private readonly DashboardMetricsService _metrics;

    public DashboardController(DashboardMetricsService metrics)
    {
        _metrics = metrics;
    }

    [HttpGet]
    public Task<DashboardMetrics> Get([FromQuery] int? branchId, CancellationToken cancellationToken) =>
        _metrics.GetMetricsAsync(branchId, DateTime.UtcNow, cancellationToken);
}
