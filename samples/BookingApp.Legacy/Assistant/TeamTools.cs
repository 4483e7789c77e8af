using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Assistant;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Legacy.Assistant;

public sealed class TeamTools : IAssistantTool
{
    private readonly Services.TeamService _team;

    public TeamTools(Services.TeamService team)
    {
        _team = team;
    }

    public string Name => "team";

    [AssistantFunction("list")]
    public async Task<ToolResult> ListAsync(CancellationToken cancellationToken) => ToolResult.Ok(await _team.ListAsync(cancellationToken));

    [AssistantFunction("set_role")]
    public async Task<ToolResult> SetRoleAsync(int userId, string role, CancellationToken cancellationToken) =>
        await _team.ChangeRoleAsync(userId, role, cancellationToken) ? ToolResult.Ok(new { userId, role }) : ToolResult.NotFound("user");
}
