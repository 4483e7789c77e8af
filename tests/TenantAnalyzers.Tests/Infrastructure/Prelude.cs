namespace TenantAnalyzers.Tests.Infrastructure;

/// <summary>
/// The booking domain every rule test compiles against, so that each test shows only the code it probes.
/// Branch, Customer and Appointment carry a tenant query filter; AuditEntry is tenant-owned but unfiltered;
/// Country is not tenant-related; Company is the tenant root.
/// </summary>
public static class Prelude
{
    public const string FileName = "/0/Prelude.cs";

    public const string Domain = """
        using System;
        using System.Collections.Generic;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public interface ICompanyContext
            {
                int CompanyId { get; }
            }

            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Constructor)]
            public sealed class CrossTenantAttribute : Attribute
            {
                public CrossTenantAttribute(string justification) => Justification = justification;

                public string Justification { get; }
            }

            public class Company
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
                public List<Branch> Branches { get; set; } = new();
            }

            public class Branch
            {
                public int Id { get; set; }
                public int CompanyId { get; set; }
                public string Name { get; set; } = "";
                public Company Company { get; set; } = null!;
                public List<Appointment> Appointments { get; set; } = new();
            }

            public class Customer
            {
                public int Id { get; set; }
                public int CompanyId { get; set; }
                public string Name { get; set; } = "";
                public string Phone { get; set; } = "";
                public bool IsDeleted { get; set; }
            }

            public class Appointment
            {
                public int Id { get; set; }
                public int CompanyId { get; set; }
                public int BranchId { get; set; }
                public Branch Branch { get; set; } = null!;
                public int CustomerId { get; set; }
                public Customer Customer { get; set; } = null!;
                public DateTime StartsAt { get; set; }
            }

            public class AuditEntry
            {
                public int Id { get; set; }
                public int CompanyId { get; set; }
                public string Message { get; set; } = "";
            }

            public class Country
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
            }

            public class BookingDbContext : DbContext
            {
                private readonly ICompanyContext _companyContext;

                public BookingDbContext(DbContextOptions<BookingDbContext> options, ICompanyContext companyContext)
                    : base(options) => _companyContext = companyContext;

                public DbSet<Company> Companies => Set<Company>();
                public DbSet<Branch> Branches => Set<Branch>();
                public DbSet<Customer> Customers => Set<Customer>();
                public DbSet<Appointment> Appointments => Set<Appointment>();
                public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
                public DbSet<Country> Countries => Set<Country>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Branch>().HasQueryFilter(b => b.CompanyId == _companyContext.CompanyId);
                    modelBuilder.Entity<Customer>().HasQueryFilter(c => c.CompanyId == _companyContext.CompanyId && !c.IsDeleted);
                    modelBuilder.Entity<Appointment>().HasQueryFilter(a => a.CompanyId == _companyContext.CompanyId);
                }
            }
        }
        """;
}
