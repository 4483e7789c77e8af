using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Services;

/// <summary>The portal dashboard's figures, for the whole company or one of its branches.</summary>
public sealed record DashboardMetrics(
    int AppointmentsToday,
    int AppointmentsThisWeek,
    int UpcomingAppointments,
    int NoShowsThisWeek,
    int RevenueCentsThisWeek,
    int CallsLast24Hours,
    int CallSecondsLast24Hours,
    int ActiveStaff,
    int Customers,
    string? TopService);

/// <summary>
/// Dashboard figures. Every query starts from a filtered set and is scoped to the authenticated
/// company explicitly as well; a branch asked for must belong to that company.
/// </summary>
public sealed class DashboardMetricsService
{
    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;

    public DashboardMetricsService(BookingDbContext db, ICompanyContext companyContext)
    {
        _db = db;
        _companyContext = companyContext;
    }

    /// <returns>The figures, or null when <paramref name="branchId"/> is not a branch of the company.</returns>
    public async Task<DashboardMetrics?> GetMetricsAsync(int? branchId, DateTime now, CancellationToken cancellationToken)
    {
        int companyId = _companyContext.CompanyId;
        if (branchId is int id && !await _db.Branches.AnyAsync(b => b.Id == id && b.CompanyId == companyId, cancellationToken))
        {
            return null;
        }

        DateTime today = now.Date;
        DateTime weekStart = today.AddDays(-6);
        IQueryable<Appointment> appointments = _db.Appointments
            .Where(a => a.CompanyId == companyId && (branchId == null || a.BranchId == branchId));
        IQueryable<PhoneCall> recentCalls = _db.PhoneCalls
            .Where(c => c.CompanyId == companyId && (branchId == null || c.BranchId == branchId) && c.StartedAt >= now.AddHours(-24));
        IQueryable<Appointment> thisWeek = appointments.Where(a => a.StartsAt >= weekStart && a.StartsAt < today.AddDays(1));

        int? topServiceId = await thisWeek
            .GroupBy(a => a.ServiceId).OrderByDescending(g => g.Count()).Select(g => (int?)g.Key)
            .FirstOrDefaultAsync(cancellationToken);

        return new DashboardMetrics(
            AppointmentsToday: await appointments.CountAsync(a => a.StartsAt >= today && a.StartsAt < today.AddDays(1), cancellationToken),
            AppointmentsThisWeek: await thisWeek.CountAsync(cancellationToken),
            UpcomingAppointments: await appointments.CountAsync(a => a.StartsAt >= now && a.Status == AppointmentStatus.Booked, cancellationToken),
            NoShowsThisWeek: await thisWeek.CountAsync(a => a.Status == AppointmentStatus.NoShow, cancellationToken),
            RevenueCentsThisWeek: await thisWeek.Where(a => a.Status == AppointmentStatus.Booked).SumAsync(a => a.PriceCents, cancellationToken),
            CallsLast24Hours: await recentCalls.CountAsync(cancellationToken),
            CallSecondsLast24Hours: await recentCalls.SumAsync(c => c.DurationSeconds, cancellationToken),
            ActiveStaff: await _db.Staff.CountAsync(s => s.CompanyId == companyId && s.Active && (branchId == null || s.BranchId == branchId), cancellationToken),
            Customers: await _db.Customers.CountAsync(c => c.CompanyId == companyId, cancellationToken),
            TopService: topServiceId is int serviceId
                ? await _db.Services.Where(s => s.Id == serviceId && s.CompanyId == companyId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken)
                : null);
    }
}
