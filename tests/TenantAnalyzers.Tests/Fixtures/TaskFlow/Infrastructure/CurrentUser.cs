using System;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace TaskFlow.Infrastructure;

public interface ICurrentUser
{
    Guid TenantId { get; }

    string? UserId { get; }

    bool IsSuperAdmin { get; }
}

public sealed class HttpCurrentUser : ICurrentUser
{
    private readonly IHttpContextAccessor _accessor;

    public HttpCurrentUser(IHttpContextAccessor accessor) => _accessor = accessor;

    private ClaimsPrincipal? Principal => _accessor.HttpContext?.User;

    public Guid TenantId => Guid.TryParse(Principal?.FindFirst(AppClaims.TenantId)?.Value, out var id) ? id : Guid.Empty;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public bool IsSuperAdmin => Principal?.IsInRole(Authorization.AppRoles.SuperAdmin) == true;
}
