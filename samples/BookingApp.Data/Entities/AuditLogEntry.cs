using System;

namespace BookingApp.Data.Entities;

/// <summary>A security-relevant event, e.g. a denied attempt to reach another company's record.</summary>
public class AuditLogEntry
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public int? UserId { get; set; }
    public string Action { get; set; } = "";
    public string Detail { get; set; } = "";
    public DateTime OccurredAt { get; set; }
}
