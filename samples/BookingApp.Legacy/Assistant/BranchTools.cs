using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Assistant;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Legacy.Assistant;

public sealed class BranchTools : IAssistantTool
{
    private readonly BookingDbContext _db;

    public BranchTools(BookingDbContext db)
    {
        _db = db;
    }

    public string Name => "branches";

    [AssistantFunction("list")]
    public async Task<ToolResult> ListAsync(CancellationToken cancellationToken) =>
        ToolResult.Ok(await _db.Branches.OrderBy(b => b.Name).ToListAsync(cancellationToken));

    [AssistantFunction("get")]
    public async Task<ToolResult> GetAsync(int branchId, CancellationToken cancellationToken)
    {
        // TI0001: the company filter is removed for a lookup by the assistant's id.
        // TI0003: the branch is returned without checking its company.
        Branch? branch = await _db.Branches.IgnoreQueryFilters().FirstOrDefaultAsync(b => b.Id == branchId, cancellationToken);
        return branch is null ? ToolResult.NotFound("branch") : ToolResult.Ok(branch);
    }
}
