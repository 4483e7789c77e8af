using System;
using System.Security.Claims;

namespace TaskFlow.Infrastructure;

public static class AppClaims
{
    public const string TenantId = "tenant_id";
}

public static class ClaimsPrincipalExtensions
{
    public static Guid GetTenantId(this ClaimsPrincipal principal) =>
        Guid.Parse(principal.FindFirstValue(AppClaims.TenantId)!);

    public static string GetUserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public static bool IsSuperAdmin(this ClaimsPrincipal principal) =>
        principal.IsInRole(Authorization.AppRoles.SuperAdmin);
}
