using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Auditing;
using BookingApp.Data;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Services;

/// <summary>A portal user as the team page shows it (never the password hash).</summary>
public sealed record TeamMember(int Id, string Email, string Name, string Role);

/// <summary>How a role change ended.</summary>
public enum RoleChangeOutcome
{
    Changed,
    UserNotFound,
    RoleNotAssignable,
}

/// <summary>The company's portal users. Roles a company may hand out are staff and admin, nothing above.</summary>
public sealed class TeamService
{
    private static readonly HashSet<string> AssignableRoles = [UserRoles.Staff, UserRoles.Admin];

    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;
    private readonly AccessAudit _audit;

    public TeamService(BookingDbContext db, ICompanyContext companyContext, AccessAudit audit)
    {
        _db = db;
        _companyContext = companyContext;
        _audit = audit;
    }

    public Task<List<TeamMember>> ListAsync(CancellationToken cancellationToken) =>
        _db.Users.Where(u => u.CompanyId == _companyContext.CompanyId)
            .OrderBy(u => u.Name)
            .Select(u => new TeamMember(u.Id, u.Email, u.Name, u.Role))
            .ToListAsync(cancellationToken);

    public async Task<RoleChangeOutcome> ChangeRoleAsync(int userId, string role, CancellationToken cancellationToken)
    {
        if (!AssignableRoles.Contains(role))
        {
            await _audit.RecordAsync(AccessAudit.PrivilegeEscalationDenied, $"role '{role}' for user {userId}", cancellationToken);
            return RoleChangeOutcome.RoleNotAssignable;
        }

        User? user = await _db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.CompanyId == _companyContext.CompanyId, cancellationToken);
        if (user is null)
        {
            await _audit.RecordDenialAsync($"user {userId}", cancellationToken);
            return RoleChangeOutcome.UserNotFound;
        }

        user.Role = role;
        await _db.SaveChangesAsync(cancellationToken);
        return RoleChangeOutcome.Changed;
    }
}
