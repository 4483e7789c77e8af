namespace BookingApp.Data.Entities;

/// <summary>A person who performs services at a branch.</summary>
public class Staff
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public int BranchId { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public bool Active { get; set; } = true;
}
