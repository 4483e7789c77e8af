using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Legacy.Services;

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
    int CustomersReachableByEmail);

/// <summary>
/// Dashboard figures. The filters were switched off query by query when the dashboard got a branch
/// selector ("the filter hides the branch's rows for support users"), and scoping was left to the
/// branch ids; the branch id from the query string is never checked.
/// </summary>
public sealed class DashboardMetricsService
{
    private readonly BookingDbContext _db;

    public DashboardMetricsService(BookingDbContext db)
    {
        _db = db;
    }

    public async Task<DashboardMetrics> GetMetricsAsync(int? branchId, DateTime now, CancellationToken cancellationToken)
    {
        List<int> branchIds = branchId is int requested
            ? [requested]
            : await _db.Branches.Select(b => b.Id).ToListAsync(cancellationToken);
        DateTime today = now.Date;
        DateTime tomorrow = today.AddDays(1);
        DateTime weekStart = today.AddDays(-6);
        DateTime dayAgo = now.AddHours(-24);

        // TI0001: today's appointments of any company's branch.
        int appointmentsToday = await _db.Appointments.IgnoreQueryFilters()
            .CountAsync(a => branchIds.Contains(a.BranchId) && a.StartsAt >= today && a.StartsAt < tomorrow, cancellationToken);
        // TI0001: this week's appointments, same bypass.
        int appointmentsThisWeek = await _db.Appointments.IgnoreQueryFilters()
            .CountAsync(a => branchIds.Contains(a.BranchId) && a.StartsAt >= weekStart && a.StartsAt < tomorrow, cancellationToken);
        // TI0001: upcoming appointments.
        int upcoming = await _db.Appointments.IgnoreQueryFilters()
            .CountAsync(a => branchIds.Contains(a.BranchId) && a.StartsAt >= now && a.Status == AppointmentStatus.Booked, cancellationToken);
        // TI0001: no-shows.
        int noShows = await _db.Appointments.IgnoreQueryFilters()
            .CountAsync(a => branchIds.Contains(a.BranchId) && a.StartsAt >= weekStart && a.Status == AppointmentStatus.NoShow, cancellationToken);
        // TI0001: revenue.
        int revenue = await _db.Appointments.IgnoreQueryFilters()
            .Where(a => branchIds.Contains(a.BranchId) && a.StartsAt >= weekStart && a.StartsAt < tomorrow && a.Status == AppointmentStatus.Booked)
            .SumAsync(a => a.PriceCents, cancellationToken);
        // TI0001: calls of the last day; the branch condition was forgotten, so this counts every company's calls.
        int calls = await _db.PhoneCalls.IgnoreQueryFilters()
            .CountAsync(c => c.StartedAt >= dayAgo, cancellationToken);
        // TI0001: call minutes, same forgotten condition.
        int callSeconds = await _db.PhoneCalls.IgnoreQueryFilters()
            .Where(c => c.StartedAt >= dayAgo)
            .SumAsync(c => c.DurationSeconds, cancellationToken);
        // TI0001: staff of the branches.
        int activeStaff = await _db.Staff.IgnoreQueryFilters()
            .CountAsync(s => s.Active && branchIds.Contains(s.BranchId), cancellationToken);
        // TI0001: customers seen at the branches.
        List<int> customerIds = await _db.Appointments.IgnoreQueryFilters()
            .Where(a => branchIds.Contains(a.BranchId))
            .Select(a => a.CustomerId).Distinct()
            .ToListAsync(cancellationToken);
        // TI0001: those of them reachable by email.
        int reachable = await _db.Customers.IgnoreQueryFilters()
            .CountAsync(c => customerIds.Contains(c.Id) && c.Email != "", cancellationToken);

        return new DashboardMetrics(appointmentsToday, appointmentsThisWeek, upcoming, noShows, revenue,
            calls, callSeconds, activeStaff, customerIds.Count, reachable);
    }
}
