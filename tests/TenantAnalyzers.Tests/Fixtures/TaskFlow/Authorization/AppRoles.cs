using Microsoft.AspNetCore.Authorization;

namespace TaskFlow.Authorization;

public static class AppRoles
{
    /// <summary>Platform operators: TaskFlow's own staff.</summary>
    public const string SuperAdmin = "SuperAdmin";

    /// <summary>A tenant's administrator.</summary>
    public const string TenantAdmin = "TenantAdmin";

    public const string Member = "Member";
}

public static class Policies
{
    public const string SuperAdminOnly = "SuperAdminOnly";
    public const string TenantAdmins = "TenantAdmins";
}

/// <summary>Platform operators only: TaskFlow's staff, never a tenant's user.</summary>
public sealed class AuthorizeSuperAdminAttribute : AuthorizeAttribute
{
    public AuthorizeSuperAdminAttribute()
    {
        Roles = AppRoles.SuperAdmin;
    }
}
