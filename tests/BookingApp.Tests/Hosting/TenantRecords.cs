using System.Text.Json;
using BookingApp.Data;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Tests.Hosting;

/// <summary>The seeded ids of one company, read from the database so tests never hard-code them.</summary>
public sealed record TenantRecords(
    int CompanyId,
    int[] CustomerIds,
    string[] CustomerPhones,
    int[] BranchIds,
    int[] StaffIds,
    int[] ServiceIds,
    int[] AppointmentIds,
    string[] AppointmentCallerPhones,
    int[] CallIds,
    int AdminUserId,
    int StaffUserId)
{
    public static TenantRecords Load(BookingDbContext db, string slug)
    {
        int companyId = db.Companies.Single(c => c.Slug == slug).Id;
        List<Customer> customers = db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == companyId).OrderBy(c => c.Id).ToList();
        List<Appointment> appointments = db.Appointments.IgnoreQueryFilters().Where(a => a.CompanyId == companyId).OrderBy(a => a.Id).ToList();
        List<User> users = db.Users.IgnoreQueryFilters().Where(u => u.CompanyId == companyId).ToList();
        return new TenantRecords(
            companyId,
            customers.Select(c => c.Id).ToArray(),
            customers.Select(c => c.Phone).ToArray(),
            db.Branches.IgnoreQueryFilters().Where(b => b.CompanyId == companyId).OrderBy(b => b.Id).Select(b => b.Id).ToArray(),
            db.Staff.IgnoreQueryFilters().Where(s => s.CompanyId == companyId).OrderBy(s => s.Id).Select(s => s.Id).ToArray(),
            db.Services.IgnoreQueryFilters().Where(s => s.CompanyId == companyId).OrderBy(s => s.Id).Select(s => s.Id).ToArray(),
            appointments.Select(a => a.Id).ToArray(),
            appointments.Select(a => customers.Single(c => c.Id == a.CustomerId).Phone).ToArray(),
            db.PhoneCalls.IgnoreQueryFilters().Where(c => c.CompanyId == companyId).OrderBy(c => c.Id).Select(c => c.Id).ToArray(),
            users.Single(u => u.Role == UserRoles.Admin).Id,
            users.Single(u => u.Role == UserRoles.Staff).Id);
    }

    /// <summary>
    /// Every row the company owns, plus its company row, serialized in a stable order: two snapshots
    /// are equal exactly when nothing of the company was created, changed or deleted.
    /// </summary>
    public static string Snapshot(BookingDbContext db, int companyId) => JsonSerializer.Serialize(new object[]
    {
        db.Companies.AsNoTracking().Single(c => c.Id == companyId),
        db.Branches.IgnoreQueryFilters().AsNoTracking().Where(e => e.CompanyId == companyId).OrderBy(e => e.Id).ToList(),
        db.Staff.IgnoreQueryFilters().AsNoTracking().Where(e => e.CompanyId == companyId).OrderBy(e => e.Id).ToList(),
        db.Services.IgnoreQueryFilters().AsNoTracking().Where(e => e.CompanyId == companyId).OrderBy(e => e.Id).ToList(),
        db.Customers.IgnoreQueryFilters().AsNoTracking().Where(e => e.CompanyId == companyId).OrderBy(e => e.Id).ToList(),
        db.Appointments.IgnoreQueryFilters().AsNoTracking().Where(e => e.CompanyId == companyId).OrderBy(e => e.Id).ToList(),
        db.PhoneCalls.IgnoreQueryFilters().AsNoTracking().Where(e => e.CompanyId == companyId).OrderBy(e => e.Id).ToList(),
        db.Users.IgnoreQueryFilters().AsNoTracking().Where(e => e.CompanyId == companyId).OrderBy(e => e.Id).ToList(),
        db.CalendarIntegrations.IgnoreQueryFilters().AsNoTracking().Where(e => e.CompanyId == companyId).OrderBy(e => e.Id).ToList(),
        db.AuditLog.IgnoreQueryFilters().AsNoTracking().Where(e => e.CompanyId == companyId).OrderBy(e => e.Id).ToList(),
    });
}
