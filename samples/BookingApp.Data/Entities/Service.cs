namespace BookingApp.Data.Entities;

/// <summary>Something a company sells, e.g. a haircut or a physiotherapy session.</summary>
public class Service
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public string Name { get; set; } = "";
    public int DurationMinutes { get; set; }
    public int PriceCents { get; set; }
}
