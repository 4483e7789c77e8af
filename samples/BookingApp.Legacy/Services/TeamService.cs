using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Legacy.Services;

public sealed class TeamService
{
    private readonly BookingDbContext _db;

    public TeamService(BookingDbContext db)
    {
        _db = db;
    }

    public Task<List<User>> ListAsync(CancellationToken cancellationToken) =>
        _db.Users.OrderBy(u => u.Name).ToListAsync(cancellationToken);

    public async Task<bool> ChangeRoleAsync(int userId, string role, CancellationToken cancellationToken)
    {
        // Support used to fix roles for customers over the phone, so the lookup was opened up to every company.
        // TI0001: the company filter is removed for a lookup by a client-supplied id.
        // TI0003: nothing checks that the user belongs to the caller's company.
        User? user = await _db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return false;
        }

        // Privilege escalation (no TI rule): any role is accepted, super_admin included.
        user.Role = role;
        await _db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
