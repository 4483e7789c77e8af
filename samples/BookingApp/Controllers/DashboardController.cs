using System;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Auditing;
using BookingApp.Services;
using Microsoft.AspNetCore.Mvc;

namespace BookingApp.Controllers;

[Route("api/dashboard")]
public sealed class DashboardController : CompanyControllerBase
{
    private readonly DashboardMetricsService _metrics;

    public DashboardController(DashboardMetricsService metrics, AccessAudit audit)
        : base(audit)
    {
        _metrics = metrics;
    }

    [HttpGet]
    public async Task<ActionResult<DashboardMetrics>> Get([FromQuery] int? branchId, CancellationToken cancellationToken) =>
        await _metrics.GetMetricsAsync(branchId, DateTime.UtcNow, cancellationToken) is { } metrics
            ? metrics
            : await DeniedAsync("branch", branchId.GetValueOrDefault(), cancellationToken);
}
