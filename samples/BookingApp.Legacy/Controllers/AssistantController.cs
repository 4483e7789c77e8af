using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data.Assistant;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BookingApp.Legacy.Controllers;

/// <summary>Where the phone/chat assistant calls its tools, with the signed-in company's token.</summary>
[ApiController]
[Authorize]
[Route("api/assistant")]
public sealed class AssistantController : ControllerBase
{
    private readonly AssistantToolInvoker _invoker;

    public AssistantController(AssistantToolInvoker invoker)
    {
        _invoker = invoker;
    }

    [HttpPost("{tool}/{function}")]
    public async Task<IActionResult> Invoke(string tool, string function, [FromBody] JsonElement arguments, CancellationToken cancellationToken)
    {
        ToolResult result = await _invoker.InvokeAsync(tool, function, arguments, cancellationToken);
        return result.Outcome switch
        {
            ToolOutcome.Ok => Ok(result.Value),
            ToolOutcome.InvalidArguments => BadRequest(new { error = result.Error }),
            ToolOutcome.Forbidden => StatusCode(403, new { error = result.Error }),
            _ => NotFound(new { error = result.Error }),
        };
    }
}
