using System;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Auditing;
using BookingApp.Data;
using BookingApp.Data.Assistant;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Assistant;

/// <summary>
/// Telephony events the assistant forwards when a call ends. The call is recorded for the company
/// the assistant runs for, on one of that company's branches.
/// </summary>
public sealed class WebhookTools : IAssistantTool
{
    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;
    private readonly AccessAudit _audit;

    public WebhookTools(BookingDbContext db, ICompanyContext companyContext, AccessAudit audit)
    {
        _db = db;
        _companyContext = companyContext;
        _audit = audit;
    }

    public string Name => "webhooks";

    [AssistantFunction("call_ended")]
    public async Task<ToolResult> CallEndedAsync(int branchId, string fromNumber, int durationSeconds, string summary, CancellationToken cancellationToken)
    {
        int companyId = _companyContext.CompanyId;
        if (!await _db.Branches.AnyAsync(b => b.Id == branchId && b.CompanyId == companyId, cancellationToken))
        {
            await _audit.RecordDenialAsync($"branch {branchId}", cancellationToken);
            return ToolResult.NotFound("branch");
        }

        Customer? caller = await _db.Customers.FirstOrDefaultAsync(c => c.Phone == fromNumber && c.CompanyId == companyId, cancellationToken);
        var call = new PhoneCall
        {
            CompanyId = _companyContext.CompanyId,
            BranchId = branchId,
            CustomerId = caller?.Id,
            FromNumber = fromNumber,
            StartedAt = DateTime.UtcNow.AddSeconds(-durationSeconds),
            DurationSeconds = durationSeconds,
            Summary = summary,
        };
        _db.PhoneCalls.Add(call);
        await _db.SaveChangesAsync(cancellationToken);
        return ToolResult.Ok(call);
    }
}
