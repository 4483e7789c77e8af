using System;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Authentication;
using BookingApp.Data;
using BookingApp.Data.Entities;

namespace BookingApp.Auditing;

/// <summary>
/// Writes refused attempts to the company's audit log, so that probing for other companies' ids
/// shows up for the company whose user did it.
/// </summary>
public sealed class AccessAudit
{
    public const string AccessDenied = "access_denied";
    public const string PrivilegeEscalationDenied = "privilege_escalation_denied";

    private readonly BookingDbContext _db;
    private readonly HttpCompanyContext _companyContext;

    public AccessAudit(BookingDbContext db, HttpCompanyContext companyContext)
    {
        _db = db;
        _companyContext = companyContext;
    }

    public Task RecordDenialAsync(string what, CancellationToken cancellationToken) =>
        RecordAsync(AccessDenied, what, cancellationToken);

    public async Task RecordAsync(string action, string detail, CancellationToken cancellationToken)
    {
        _db.AuditLog.Add(new AuditLogEntry
        {
            CompanyId = _companyContext.CompanyId,
            UserId = _companyContext.UserId,
            Action = action,
            Detail = detail,
            OccurredAt = DateTime.UtcNow,
        });
        await _db.SaveChangesAsync(cancellationToken);
    }
}
