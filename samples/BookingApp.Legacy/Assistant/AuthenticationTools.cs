using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Assistant;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Legacy.Assistant;

public sealed class AuthenticationTools : IAssistantTool
{
    private readonly BookingDbContext _db;
    private readonly Authentication.AccessTickets _tickets;

    public AuthenticationTools(BookingDbContext db, Authentication.AccessTickets tickets)
    {
        _db = db;
        _tickets = tickets;
    }

    public string Name => "authentication";

    [AssistantFunction("sign_in")]
    public async Task<ToolResult> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        // TI0001: users of every company can sign in through this company's assistant.
        User? user = await _db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is null || !Data.Security.PasswordHashing.Verify(password, user.PasswordHash))
        {
            return ToolResult.NotFound("user");
        }

        return ToolResult.Ok(new { user.Name, user.Role, user.CompanyId, Token = _tickets.Issue(user) });
    }
}
