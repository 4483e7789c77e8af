using System.Threading;
using System.Threading.Tasks;
using BookingApp.Auditing;
using BookingApp.Authentication;
using BookingApp.Data;
using BookingApp.Data.Assistant;
using BookingApp.Data.Entities;
using BookingApp.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Assistant;

/// <summary>
/// Hands a conversation over to a team member who proves who they are. Only members of the company
/// the assistant runs for can sign in here; the look-up is scoped before the password is checked.
/// </summary>
public sealed class AuthenticationTools : IAssistantTool
{
    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;
    private readonly AccessTickets _tickets;
    private readonly AccessAudit _audit;

    public AuthenticationTools(BookingDbContext db, ICompanyContext companyContext, AccessTickets tickets, AccessAudit audit)
    {
        _db = db;
        _companyContext = companyContext;
        _tickets = tickets;
        _audit = audit;
    }

    public string Name => "authentication";

    [AssistantFunction("sign_in")]
    public async Task<ToolResult> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        User? user = await _db.Users
            .SingleOrDefaultAsync(u => u.Email == email && u.CompanyId == _companyContext.CompanyId, cancellationToken);
        if (user is null || !PasswordHashing.Verify(password, user.PasswordHash))
        {
            await _audit.RecordDenialAsync($"assistant sign-in as '{email}'", cancellationToken);
            return ToolResult.NotFound("user");
        }

        return ToolResult.Ok(new { user.Name, user.Role, Token = _tickets.Issue(user) });
    }
}
