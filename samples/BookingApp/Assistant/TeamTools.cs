using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data.Assistant;
using BookingApp.Services;

namespace BookingApp.Assistant;

/// <summary>Team management through the assistant: the same rules as the portal's team page.</summary>
public sealed class TeamTools : IAssistantTool
{
    private readonly TeamService _team;

    public TeamTools(TeamService team)
    {
        _team = team;
    }

    public string Name => "team";

    [AssistantFunction("list")]
    public async Task<ToolResult> ListAsync(CancellationToken cancellationToken) => ToolResult.Ok(await _team.ListAsync(cancellationToken));

    [AssistantFunction("set_role")]
    public async Task<ToolResult> SetRoleAsync(int userId, string role, CancellationToken cancellationToken) =>
        await _team.ChangeRoleAsync(userId, role, cancellationToken) switch
        {
            RoleChangeOutcome.Changed => ToolResult.Ok(new { userId, role }),
            RoleChangeOutcome.RoleNotAssignable => ToolResult.Forbidden($"role '{role}' cannot be granted by a company"),
            _ => ToolResult.NotFound("user"),
        };
}
