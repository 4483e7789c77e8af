namespace BookingApp.Data.Entities;

/// <summary>A location of a company where appointments take place.</summary>
public class Branch
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public string Name { get; set; } = "";
    public string City { get; set; } = "";
    public string Phone { get; set; } = "";
}
