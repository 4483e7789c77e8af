using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Auditing;
using BookingApp.Data;
using BookingApp.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BookingApp.Controllers;

public sealed record RoleInput(string Role);

[Route("api/team")]
public sealed class TeamController : CompanyControllerBase
{
    private readonly TeamService _team;

    public TeamController(TeamService team, AccessAudit audit)
        : base(audit)
    {
        _team = team;
    }

    [HttpGet]
    public Task<List<TeamMember>> List(CancellationToken cancellationToken) => _team.ListAsync(cancellationToken);

    [HttpPut("{id:int}/role")]
    [Authorize(Roles = UserRoles.Admin)]
    public async Task<IActionResult> ChangeRole(int id, RoleInput input, CancellationToken cancellationToken) =>
        await _team.ChangeRoleAsync(id, input.Role, cancellationToken) switch
        {
            RoleChangeOutcome.Changed => NoContent(),
            RoleChangeOutcome.RoleNotAssignable => Forbid(),
            _ => NotFound(),
        };
}
