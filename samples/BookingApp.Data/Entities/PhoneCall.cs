using System;

namespace BookingApp.Data.Entities;

/// <summary>A call handled by the phone assistant on a branch's line.</summary>
public class PhoneCall
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public int BranchId { get; set; }
    public int? CustomerId { get; set; }
    public string FromNumber { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public int DurationSeconds { get; set; }
    public string Summary { get; set; } = "";
}
