using System.Threading;
using System.Threading.Tasks;
using BookingApp.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BookingApp.Controllers;

/// <summary>
/// Portal API controllers: authenticated only, so a request without a company never reaches them (401).
/// A record that is not the company's is answered 404, exactly like one that does not exist, and audited.
/// </summary>
[ApiController]
[Authorize]
public abstract class CompanyControllerBase : ControllerBase
{
    private readonly AccessAudit _audit;

    protected CompanyControllerBase(AccessAudit audit)
    {
        _audit = audit;
    }

    protected async Task<NotFoundResult> DeniedAsync(string entity, int id, CancellationToken cancellationToken)
    {
        await _audit.RecordDenialAsync($"{entity} {id}", cancellationToken);
        return NotFound();
    }
}
