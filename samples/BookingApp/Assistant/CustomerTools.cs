using System.Threading;
using System.Threading.Tasks;
using BookingApp.Auditing;
using BookingApp.Data;
using BookingApp.Data.Assistant;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Assistant;

/// <summary>Customer look-ups for the assistant, within the calling company only.</summary>
public sealed class CustomerTools : IAssistantTool
{
    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;
    private readonly AccessAudit _audit;

    public CustomerTools(BookingDbContext db, ICompanyContext companyContext, AccessAudit audit)
    {
        _db = db;
        _companyContext = companyContext;
        _audit = audit;
    }

    public string Name => "customers";

    [AssistantFunction("find_by_phone")]
    public async Task<ToolResult> FindByPhoneAsync(string phone, CancellationToken cancellationToken)
    {
        Customer? customer = await _db.Customers
            .FirstOrDefaultAsync(c => c.Phone == phone && c.CompanyId == _companyContext.CompanyId, cancellationToken);
        return customer is null ? ToolResult.NotFound("customer") : ToolResult.Ok(customer);
    }

    [AssistantFunction("get")]
    public async Task<ToolResult> GetAsync(int customerId, CancellationToken cancellationToken)
    {
        Customer? customer = await _db.Customers
            .SingleOrDefaultAsync(c => c.Id == customerId && c.CompanyId == _companyContext.CompanyId, cancellationToken);
        if (customer is null)
        {
            await _audit.RecordDenialAsync($"customer {customerId}", cancellationToken);
            return ToolResult.NotFound("customer");
        }

        return ToolResult.Ok(customer);
    }
}
