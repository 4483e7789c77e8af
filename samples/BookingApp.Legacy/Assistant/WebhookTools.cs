using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Assistant;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Legacy.Assistant;

/// <summary>Telephony events forwarded by the assistant. The payload names the company the call belongs to.</summary>
public sealed class WebhookTools : IAssistantTool
{
    private readonly BookingDbContext _db;

    public WebhookTools(BookingDbContext db)
    {
        _db = db;
    }

    public string Name => "webhooks";

    [AssistantFunction("call_ended")]
    public async Task<ToolResult> CallEndedAsync(int companyId, int branchId, string fromNumber, int durationSeconds, string summary, CancellationToken cancellationToken)
    {
        // TI0001: the caller is matched against every company's customers.
        Customer? caller = await _db.Customers.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Phone == fromNumber, cancellationToken);
        var call = new PhoneCall
        {
            // TI0005: the call is filed under whatever company the payload names.
            CompanyId = companyId,
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
