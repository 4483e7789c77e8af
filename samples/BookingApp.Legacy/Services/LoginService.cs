using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Entities;
using BookingApp.Data.Security;
using BookingApp.Legacy.Authentication;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Legacy.Services;

public sealed class LoginService
{
    private readonly BookingDbContext _db;
    private readonly AccessTickets _tickets;

    public LoginService(BookingDbContext db, AccessTickets tickets)
    {
        _db = db;
        _tickets = tickets;
    }

    public async Task<string?> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        // TI0001: sign-in has to see every company's users, but the bypass carries no [CrossTenant] justification.
        User? user = await _db.Users.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        return user is not null && PasswordHashing.Verify(password, user.PasswordHash) ? _tickets.Issue(user) : null;
    }
}
