using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BookingApp.Authentication;

/// <summary>Authenticates <c>Authorization: Bearer &lt;token&gt;</c> requests from an <see cref="AccessTicket"/>.</summary>
public sealed class BearerTicketHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "BearerTicket";
    public const string CompanyClaim = "company_id";

    private readonly AccessTickets _tickets;

    public BearerTicketHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessTickets tickets)
        : base(options, logger, encoder)
    {
        _tickets = tickets;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", System.StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        AccessTicket? ticket = _tickets.Read(header["Bearer ".Length..].Trim());
        if (ticket is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid or expired token."));
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, ticket.UserId.ToString(CultureInfo.InvariantCulture)),
                new Claim(CompanyClaim, ticket.CompanyId.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Role, ticket.Role),
            ],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
