using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TaskFlow.Data;
using TaskFlow.Infrastructure;

namespace TaskFlow.Pages.Projects;

[Authorize]
public class EditModel : PageModel
{
    private readonly AppDbContext _db;
    private readonly ICurrentUser _currentUser;

    public EditModel(AppDbContext db, ICurrentUser currentUser)
    {
        _db = db;
        _currentUser = currentUser;
    }

    public Project? Project { get; private set; }

    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Project = await _db.Projects.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Id == id);
        if (Project is null || Project.TenantId != _currentUser.TenantId)
        {
            return NotFound();
        }

        Input = new ProjectInput { Name = Project.Name, TenantId = Project.TenantId };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var project = await _db.Projects.FindAsync(id);
        if (project is null)
        {
            return NotFound();
        }

        project.Name = Input.Name;
        project.TenantId = Input.TenantId; // expect: TI0005
        await _db.SaveChangesAsync();
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostDuplicateAsync(Guid id)
    {
        var source = await _db.Projects.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Id == id); // expect: TI0001, TI0003
        var copy = new Project { Id = Guid.NewGuid(), Name = source!.Name + " (copy)", TenantId = _currentUser.TenantId };
        _db.Projects.Add(copy);
        await _db.SaveChangesAsync();
        return RedirectToPage("Edit", new { id = copy.Id });
    }
}

public class ProjectInput
{
    public string Name { get; set; } = "";
    public Guid TenantId { get; set; }
}
