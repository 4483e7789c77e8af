using Microsoft.EntityFrameworkCore;
using TaskFlow.Infrastructure;

namespace TaskFlow.Data;

public class AppDbContext : DbContext
{
    private readonly ICurrentUser _currentUser;

    public AppDbContext(DbContextOptions<AppDbContext> options, ICurrentUser currentUser)
        : base(options)
    {
        _currentUser = currentUser;
    }

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<ApplicationUser> Users => Set<ApplicationUser>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<TaskItem> Tasks => Set<TaskItem>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<AuditLog> AuditLogs => Set<AuditLog>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Project>().HasQueryFilter(p => p.TenantId == _currentUser.TenantId);
        modelBuilder.Entity<TaskItem>().HasQueryFilter(t => t.TenantId == _currentUser.TenantId);
        modelBuilder.Entity<Invoice>().HasQueryFilter(i => i.TenantId == _currentUser.TenantId);
    }
}
