using System;

namespace BookingApp.Data.Entities;

/// <summary>A tenant: one business using the booking platform.</summary>
public class Company
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Plan { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
