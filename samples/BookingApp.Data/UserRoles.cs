namespace BookingApp.Data;

/// <summary>Role names stored in <see cref="Entities.User.Role"/>.</summary>
public static class UserRoles
{
    public const string Staff = "staff";
    public const string Admin = "admin";

    /// <summary>The platform operator's role. No company user may ever be granted it.</summary>
    public const string SuperAdmin = "super_admin";
}
