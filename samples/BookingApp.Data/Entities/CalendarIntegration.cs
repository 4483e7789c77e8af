namespace BookingApp.Data.Entities;

/// <summary>A company's connection to its external calendar provider.</summary>
public class CalendarIntegration
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public string Provider { get; set; } = "";
    /// <summary>The provider API key as stored: plain text in the legacy app, Data Protection ciphertext in the secured app.</summary>
    public string ApiKey { get; set; } = "";
    public string EventTypeId { get; set; } = "";
}
