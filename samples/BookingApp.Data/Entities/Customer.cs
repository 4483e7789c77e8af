namespace BookingApp.Data.Entities;

/// <summary>A customer of a company, identified on the phone by their number.</summary>
public class Customer
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
}
