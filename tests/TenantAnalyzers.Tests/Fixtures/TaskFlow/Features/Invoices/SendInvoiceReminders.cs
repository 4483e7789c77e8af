using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using TaskFlow.Data;

namespace TaskFlow.Features.Invoices;

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CrossTenantAttribute : Attribute
{
    public CrossTenantAttribute(string justification) => Justification = justification;

    public string Justification { get; }
}

public class SendReminderCommand : IRequest<int>
{
    public Guid TenantId { get; set; }
    public Guid InvoiceId { get; set; }
}

/// <summary>The nightly job: every tenant's overdue invoices, one reminder command per invoice.</summary>
public class InvoiceReminderJob
{
    private readonly AppDbContext _db;
    private readonly ISender _sender;

    public InvoiceReminderJob(AppDbContext db, ISender sender)
    {
        _db = db;
        _sender = sender;
    }

    [CrossTenant("Nightly reminder job: runs without a user and visits every tenant's overdue invoices")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var overdue = await _db.Invoices.IgnoreQueryFilters() // justified: TI0001
            .Where(i => !i.IsPaid && i.DueAt < DateTime.UtcNow)
            .ToListAsync(cancellationToken);
        foreach (var invoice in overdue)
        {
            await _sender.Send(new SendReminderCommand { TenantId = invoice.TenantId, InvoiceId = invoice.Id }, cancellationToken);
        }
    }
}

public class SendReminderHandler : IRequestHandler<SendReminderCommand, int>
{
    private readonly AppDbContext _db;

    public SendReminderHandler(AppDbContext db) => _db = db;

    public async Task<int> Handle(SendReminderCommand request, CancellationToken cancellationToken)
    {
        // The command is built by the job from an invoice, never bound from a request: its tenant is the invoice's.
        var tenant = await _db.Tenants.FirstOrDefaultAsync(t => t.Id == request.TenantId, cancellationToken);
        _db.AuditLogs.Add(new AuditLog { TenantId = request.TenantId, Message = $"reminder for {request.InvoiceId} sent to {tenant?.Name}" });
        return await _db.SaveChangesAsync(cancellationToken);
    }
}
