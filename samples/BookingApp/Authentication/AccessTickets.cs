using System;
using System.Globalization;
using BookingApp.Data.Entities;
using Microsoft.AspNetCore.DataProtection;

namespace BookingApp.Authentication;

/// <summary>What a bearer token proves: who signed in, for which company, with which role.</summary>
public sealed record AccessTicket(int UserId, int CompanyId, string Role);

/// <summary>
/// Issues and reads bearer tokens: the ticket protected (encrypted and signed) with ASP.NET Core Data
/// Protection and time-limited, so a client can neither read nor forge the company in it.
/// </summary>
public sealed class AccessTickets
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
    private readonly ITimeLimitedDataProtector _protector;

    public AccessTickets(IDataProtectionProvider dataProtection)
    {
        _protector = dataProtection.CreateProtector("BookingApp.AccessTicket.v1").ToTimeLimitedDataProtector();
    }

    public string Issue(User user) =>
        _protector.Protect(string.Join('|', user.Id.ToString(CultureInfo.InvariantCulture), user.CompanyId.ToString(CultureInfo.InvariantCulture), user.Role), Lifetime);

    public AccessTicket? Read(string token)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        string[] parts = payload.Split('|');
        return new AccessTicket(
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            int.Parse(parts[1], CultureInfo.InvariantCulture),
            parts[2]);
    }
}
