using System.Threading;
using System.Threading.Tasks;
using BookingApp.Authentication;
using BookingApp.Data;
using BookingApp.Data.Entities;
using BookingApp.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Services;

/// <summary>Portal sign-in: email and password in, bearer token out.</summary>
public sealed class LoginService
{
    private readonly BookingDbContext _db;
    private readonly AccessTickets _tickets;

    public LoginService(BookingDbContext db, AccessTickets tickets)
    {
        _db = db;
        _tickets = tickets;
    }

    /// <returns>A bearer token, or null when the email is unknown or the password is wrong (the caller cannot tell which).</returns>
    [CrossTenant("Sign-in happens before any company is known: the email is unique across the platform, and nothing about the user is returned unless the password verifies; the token then carries the user's own company.")]
    public async Task<string?> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        User? user = await _db.Users.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        return user is not null && PasswordHashing.Verify(password, user.PasswordHash) ? _tickets.Issue(user) : null;
    }
}
