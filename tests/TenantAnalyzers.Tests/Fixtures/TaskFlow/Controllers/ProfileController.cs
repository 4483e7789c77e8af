using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TaskFlow.Data;
using TaskFlow.Infrastructure;

namespace TaskFlow.Controllers;

public record UpdateProfileRequest(string DisplayName);

[Authorize]
[ApiController]
[Route("api/profile")]
public class ProfileController : ControllerBase
{
    private readonly AppDbContext _db;
    private readonly UserManager<ApplicationUser> _userManager;
    private readonly ICurrentUser _currentUser;

    public ProfileController(AppDbContext db, UserManager<ApplicationUser> userManager, ICurrentUser currentUser)
    {
        _db = db;
        _userManager = userManager;
        _currentUser = currentUser;
    }

    [HttpGet]
    public async Task<IActionResult> Me() => Ok(await _db.Users.FindAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)));

    [HttpPut]
    public async Task<IActionResult> Update(UpdateProfileRequest request)
    {
        var userId = _userManager.GetUserId(User);
        var user = await _db.Users.FirstOrDefaultAsync(u => u.Id == userId);
        if (user is null)
        {
            return NotFound();
        }

        user.DisplayName = request.DisplayName;
        await _db.SaveChangesAsync();
        return NoContent();
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings()
    {
        var me = await _userManager.GetUserAsync(User);
        var tenant = await _db.Tenants.FindAsync(me!.TenantId);
        return Ok(new { me.DisplayName, tenant?.Name });
    }

    [HttpGet("activity")]
    public async Task<IActionResult> Activity() =>
        Ok(await _db.AuditLogs.Where(a => a.UserId == _currentUser.UserId).ToListAsync());

    [HttpGet("colleagues/{id}")]
    public async Task<IActionResult> Colleague(string id) => Ok(await _db.Users.FindAsync(id)); // expect: TI0003

    [HttpGet("colleagues/{id}/card")]
    public async Task<IActionResult> ColleagueCard(string id)
    {
        var colleague = await _db.Users.FindAsync(id);
        if (colleague is null || colleague.TenantId != _currentUser.TenantId)
        {
            return NotFound();
        }

        return Ok(new { colleague.DisplayName, colleague.Email });
    }
}
