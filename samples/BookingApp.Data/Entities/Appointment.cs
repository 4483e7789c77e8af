using System;

namespace BookingApp.Data.Entities;

/// <summary>A booked slot: a customer, a service, a staff member, at a branch.</summary>
public class Appointment
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public int BranchId { get; set; }
    public int ServiceId { get; set; }
    public int StaffId { get; set; }
    public int CustomerId { get; set; }
    public DateTime StartsAt { get; set; }
    public string Status { get; set; } = AppointmentStatus.Booked;
    public int PriceCents { get; set; }
}

/// <summary>Values of <see cref="Appointment.Status"/>.</summary>
public static class AppointmentStatus
{
    public const string Booked = "booked";
    public const string Cancelled = "cancelled";
    public const string NoShow = "no_show";
}
