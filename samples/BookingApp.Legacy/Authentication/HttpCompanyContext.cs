using System;
using System.Globalization;
using System.Security.Claims;
using BookingApp.Data;
using Microsoft.AspNetCore.Http;

namespace BookingApp.Legacy.Authentication;

/// <summary>The company of the authenticated user, and nothing else: no header, query or body can change it.</summary>
public sealed class HttpCompanyContext : ICompanyContext
{
    private readonly IHttpContextAccessor _httpContextAccessor;

    public HttpCompanyContext(IHttpContextAccessor httpContextAccessor)
    {
        _httpContextAccessor = httpContextAccessor;
    }

    public bool HasCompany => ReadCompanyId() is not null;

    public int CompanyId => ReadCompanyId() ?? throw new InvalidOperationException("No authenticated company for this request.");

    /// <summary>The signed-in user's id, or null outside an authenticated request.</summary>
    public int? UserId => ReadIntClaim(ClaimTypes.NameIdentifier);

    private int? ReadCompanyId() => ReadIntClaim(BearerTicketHandler.CompanyClaim);

    private int? ReadIntClaim(string type)
    {
        ClaimsPrincipal? user = _httpContextAccessor.HttpContext?.User;
        string? value = user?.Identity?.IsAuthenticated == true ? user.FindFirst(type)?.Value : null;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int id) ? id : null;
    }
}
