namespace BookingApp.Data.Entities;

/// <summary>A person who signs in to the business portal. Emails are unique across the platform.</summary>
public class User
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public string Role { get; set; } = UserRoles.Staff;
}
