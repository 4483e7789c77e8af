using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using TaskFlow.Data;
using TaskFlow.Infrastructure;

namespace TaskFlow.Services;

public class OnboardingService
{
    private readonly AppDbContext _db;
    private readonly ICurrentUser _currentUser;

    public OnboardingService(AppDbContext db, ICurrentUser currentUser)
    {
        _db = db;
        _currentUser = currentUser;
    }

    public async Task<Tenant> CurrentTenantAsync()
    {
        // A user whose tenant was deleted lands in whichever tenant the database lists first.
        return await _db.Tenants.FirstOrDefaultAsync(t => t.Id == _currentUser.TenantId) ?? await _db.Tenants.FirstAsync(); // expect: TI0002
    }

    public async Task<Project> CreateStarterProjectAsync()
    {
        var project = new Project { Id = Guid.NewGuid(), Name = "Getting started", TenantId = _currentUser.TenantId };
        _db.Projects.Add(project);
        _db.Tasks.Add(new TaskItem { Id = Guid.NewGuid(), Project = project, TenantId = project.TenantId, Title = "Invite your team" });
        await _db.SaveChangesAsync();
        return project;
    }
}
