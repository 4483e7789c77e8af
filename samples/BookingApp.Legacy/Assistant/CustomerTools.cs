using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Assistant;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Legacy.Assistant;

public sealed class CustomerTools : IAssistantTool
{
    private readonly BookingDbContext _db;

    public CustomerTools(BookingDbContext db)
    {
        _db = db;
    }

    public string Name => "customers";

    [AssistantFunction("find_by_phone")]
    public async Task<ToolResult> FindByPhoneAsync(string phone, CancellationToken cancellationToken)
    {
        // TI0001: the caller's number is matched against every company's customers.
        Customer? customer = await _db.Customers.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Phone == phone, cancellationToken);
        return customer is null ? ToolResult.NotFound("customer") : ToolResult.Ok(customer);
    }

    [AssistantFunction("get")]
    public async Task<ToolResult> GetAsync(int customerId, CancellationToken cancellationToken)
    {
        // TI0001: the company filter is removed for a lookup by the assistant's id.
        // TI0003: the customer is returned without checking its company.
        Customer? customer = await _db.Customers.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        return customer is null ? ToolResult.NotFound("customer") : ToolResult.Ok(customer);
    }
}
