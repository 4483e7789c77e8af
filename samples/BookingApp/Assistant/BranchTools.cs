using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Auditing;
using BookingApp.Data;
using BookingApp.Data.Assistant;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Assistant;

/// <summary>Branch information for the assistant (opening details, phone), within the calling company only.</summary>
public sealed class BranchTools : IAssistantTool
{
    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;
    private readonly AccessAudit _audit;

    public BranchTools(BookingDbContext db, ICompanyContext companyContext, AccessAudit audit)
    {
        _db = db;
        _companyContext = companyContext;
        _audit = audit;
    }

    public string Name => "branches";

    [AssistantFunction("list")]
    public async Task<ToolResult> ListAsync(CancellationToken cancellationToken) =>
        ToolResult.Ok(await _db.Branches.Where(b => b.CompanyId == _companyContext.CompanyId).OrderBy(b => b.Name).ToListAsync(cancellationToken));

    [AssistantFunction("get")]
    public async Task<ToolResult> GetAsync(int branchId, CancellationToken cancellationToken)
    {
        Branch? branch = await _db.Branches
            .SingleOrDefaultAsync(b => b.Id == branchId && b.CompanyId == _companyContext.CompanyId, cancellationToken);
        if (branch is null)
        {
            await _audit.RecordDenialAsync($"branch {branchId}", cancellationToken);
            return ToolResult.NotFound("branch");
        }

        return ToolResult.Ok(branch);
    }
}
