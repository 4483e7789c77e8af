using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data.Entities;
using BookingApp.Legacy.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BookingApp.Legacy.Controllers;

public sealed record RoleInput(string Role);

[ApiController]
[Authorize]
[Route("api/team")]
public sealed class TeamController : ControllerBase
{
    private readonly TeamService _team;

    public TeamController(TeamService team)
    {
        _team = team;
    }

    [HttpGet]
    public Task<List<User>> List(CancellationToken cancellationToken) => _team.ListAsync(cancellationToken);

    [HttpPut("{id:int}/role")]
    public async Task<IActionResult> ChangeRole(int id, RoleInput input, CancellationToken cancellationToken) =>
        await _team.ChangeRoleAsync(id, input.Role, cancellationToken) ? NoContent() : NotFound();
}
