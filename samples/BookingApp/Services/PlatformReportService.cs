using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Services;

/// <summary>One line per company of the platform operator's usage report.</summary>
public sealed record CompanyUsage(int CompanyId, string Company, string Plan, int Customers, int AppointmentsBooked, int Calls);

/// <summary>The platform operator's view across all companies. Only counts, never a company's rows.</summary>
public sealed class PlatformReportService
{
    private readonly BookingDbContext _db;

    public PlatformReportService(BookingDbContext db)
    {
        _db = db;
    }

    [CrossTenant("Platform operator usage report for billing: reachable only with the super_admin role, which no company user can be granted, and it returns per-company counts, never customer or appointment rows.")]
    public async Task<IReadOnlyList<CompanyUsage>> GetUsageAsync(CancellationToken cancellationToken)
    {
        var companies = await _db.Companies.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var customers = await _db.Customers.IgnoreQueryFilters()
            .GroupBy(c => c.CompanyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var appointments = await _db.Appointments.IgnoreQueryFilters()
            .Where(a => a.Status != Data.Entities.AppointmentStatus.Cancelled)
            .GroupBy(a => a.CompanyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var calls = await _db.PhoneCalls.IgnoreQueryFilters()
            .GroupBy(c => c.CompanyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        return companies
            .Select(c => new CompanyUsage(c.Id, c.Name, c.Plan,
                customers.GetValueOrDefault(c.Id), appointments.GetValueOrDefault(c.Id), calls.GetValueOrDefault(c.Id)))
            .ToList();
    }
}
