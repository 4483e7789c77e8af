using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TaskFlow.Data;
using TaskFlow.Infrastructure;

namespace TaskFlow.Features.Projects;

public record UpdateProjectCommand(Guid Id, string Name, Guid TenantId) : IRequest<bool>;

public class UpdateProjectHandler : IRequestHandler<UpdateProjectCommand, bool>
{
    private readonly AppDbContext _db;
    private readonly ICurrentUser _currentUser;

    public UpdateProjectHandler(AppDbContext db, ICurrentUser currentUser)
    {
        _db = db;
        _currentUser = currentUser;
    }

    public async Task<bool> Handle(UpdateProjectCommand request, CancellationToken cancellationToken)
    {
        var project = await _db.Projects.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken);
        if (project is null || project.TenantId != _currentUser.TenantId)
        {
            return false;
        }

        project.Name = request.Name;
        project.TenantId = request.TenantId; // expect: TI0005
        await _db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

[Authorize]
[ApiController]
[Route("api/project-commands")]
public class ProjectCommandsController : ControllerBase
{
    private readonly ISender _sender;

    public ProjectCommandsController(ISender sender) => _sender = sender;

    [HttpPut]
    public async Task<IActionResult> Update([FromBody] UpdateProjectCommand command, CancellationToken cancellationToken) =>
        await _sender.Send(command, cancellationToken) ? NoContent() : NotFound();
}
