using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Data;

/// <summary>
/// One database for every company. Tenant-owned rows are kept apart by global query filters on
/// <c>CompanyId</c>, driven by the request's <see cref="ICompanyContext"/>.
/// </summary>
public class BookingDbContext : DbContext
{
    private readonly ICompanyContext _companyContext;

    public BookingDbContext(DbContextOptions<BookingDbContext> options, ICompanyContext companyContext)
        : base(options)
    {
        _companyContext = companyContext;
    }

    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Branch> Branches => Set<Branch>();
    public DbSet<Staff> Staff => Set<Staff>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<PhoneCall> PhoneCalls => Set<PhoneCall>();
    public DbSet<User> Users => Set<User>();
    public DbSet<CalendarIntegration> CalendarIntegrations => Set<CalendarIntegration>();
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();

    /// <summary>
    /// The filters compare with this nullable id. Without an authenticated company it is null, and
    /// <c>CompanyId == null</c> matches no row: a missing context reads nothing instead of everything.
    /// EF Core evaluates it per query, on this context instance.
    /// </summary>
    private int? CurrentCompanyId => _companyContext.HasCompany ? _companyContext.CompanyId : null;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Branch>().HasQueryFilter(e => e.CompanyId == CurrentCompanyId);
        modelBuilder.Entity<Staff>().HasQueryFilter(e => e.CompanyId == CurrentCompanyId);
        modelBuilder.Entity<Service>().HasQueryFilter(e => e.CompanyId == CurrentCompanyId);
        modelBuilder.Entity<Customer>().HasQueryFilter(e => e.CompanyId == CurrentCompanyId);
        modelBuilder.Entity<Appointment>().HasQueryFilter(e => e.CompanyId == CurrentCompanyId);
        modelBuilder.Entity<PhoneCall>().HasQueryFilter(e => e.CompanyId == CurrentCompanyId);
        modelBuilder.Entity<User>().HasQueryFilter(e => e.CompanyId == CurrentCompanyId);
        modelBuilder.Entity<CalendarIntegration>().HasQueryFilter(e => e.CompanyId == CurrentCompanyId);
        modelBuilder.Entity<AuditLogEntry>().HasQueryFilter(e => e.CompanyId == CurrentCompanyId);

        modelBuilder.Entity<Company>().HasIndex(c => c.Slug).IsUnique();
        modelBuilder.Entity<User>().HasIndex(u => u.Email).IsUnique();
        modelBuilder.Entity<Customer>().HasIndex(c => new { c.CompanyId, c.Phone });
    }
}
