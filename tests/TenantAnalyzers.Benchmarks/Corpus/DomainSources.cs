using System.Text;

namespace TenantAnalyzers.Benchmarks.Corpus;

/// <summary>
/// The files every generated code base shares: the company context, the cross-tenant attribute, the entities, the
/// request types the controllers bind, and the DbContext with a tenant query filter on every tenant-owned entity.
/// </summary>
public static class DomainSources
{
    public static IEnumerable<SourceFile> Create(IReadOnlyList<EntitySpec> entities)
    {
        yield return new SourceFile("Domain/ICompanyContext.cs", CompanyContext);
        yield return new SourceFile("Domain/CrossTenantAttribute.cs", CrossTenantAttribute);
        yield return new SourceFile("Domain/Company.cs", Company);
        yield return new SourceFile("Web/Requests.cs", Requests);
        foreach (var entity in entities)
        {
            yield return new SourceFile($"Domain/{entity.Name}.cs", Entity(entity));
        }

        yield return new SourceFile("Data/BookingDbContext.cs", DbContext(entities));
    }

    private const string CompanyContext = """
        namespace Booking.Domain
        {
            /// <summary>The authenticated company of the current request.</summary>
            public interface ICompanyContext
            {
                int CompanyId { get; }

                bool HasCompany { get; }
            }
        }
        """;

    private const string CrossTenantAttribute = """
        using System;

        namespace Booking.Domain
        {
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
            public sealed class CrossTenantAttribute : Attribute
            {
                public CrossTenantAttribute(string justification) => Justification = justification;

                public string Justification { get; }
            }
        }
        """;

    private const string Company = """
        using System;
        using System.Collections.Generic;

        namespace Booking.Domain
        {
            public class Company
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
                public bool IsActive { get; set; }
                public DateTime CreatedAt { get; set; }
                public List<Branch> Branches { get; set; } = new();
            }
        }
        """;

    private const string Requests = """
        namespace Booking.Web
        {
            public sealed class NamedRequest
            {
                public int CompanyId { get; set; }
                public string Name { get; set; } = "";
            }

            public sealed record EntitySummary(int Id, string Name);
        }
        """;

    private static string Entity(EntitySpec entity)
    {
        var navigation = entity.Navigation == "Company"
            ? "public List<Staff> StaffMembers { get; set; } = new();"
            : "public int? BranchId { get; set; }\n        public Branch? Branch { get; set; }";
        var configuration = entity.ConfiguredSeparately ? Configuration(entity) : "";
        return $$"""
            using System;
            using System.Collections.Generic;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Metadata.Builders;

            namespace Booking.Domain
            {
                public class {{entity.Name}}
                {
                    public int Id { get; set; }
                    public int CompanyId { get; set; }
                    public Company Company { get; set; } = null!;
                    public string Name { get; set; } = "";
                    public string Email { get; set; } = "";
                    public bool IsActive { get; set; }
                    public bool IsDeleted { get; set; }
                    public DateTime CreatedAt { get; set; }
                    {{navigation}}
                }
            {{configuration}}
            }
            """;
    }

    private static string Configuration(EntitySpec entity) => $$"""

            public sealed class {{entity.Name}}Configuration : IEntityTypeConfiguration<{{entity.Name}}>
            {
                private readonly ICompanyContext _companyContext;

                public {{entity.Name}}Configuration(ICompanyContext companyContext) => _companyContext = companyContext;

                public void Configure(EntityTypeBuilder<{{entity.Name}}> builder)
                {
                    builder.HasKey(e => e.Id);
                    builder.Property(e => e.Name).HasMaxLength(200);
                    builder.HasQueryFilter(e => e.CompanyId == _companyContext.CompanyId && !e.IsDeleted);
                }
            }
        """;

    private static string DbContext(IReadOnlyList<EntitySpec> entities)
    {
        var sets = new StringBuilder();
        var filters = new StringBuilder();
        foreach (var entity in entities)
        {
            sets.Append($"\n        public DbSet<{entity.Name}> {entity.SetName} => Set<{entity.Name}>();");
            filters.Append(entity.ConfiguredSeparately
                ? $"\n            modelBuilder.ApplyConfiguration(new {entity.Name}Configuration(_companyContext));"
                : $"\n            modelBuilder.Entity<{entity.Name}>().HasQueryFilter(e => e.CompanyId == _companyContext.CompanyId && !e.IsDeleted);");
        }

        return $$"""
            using Booking.Domain;
            using Microsoft.EntityFrameworkCore;

            namespace Booking.Data
            {
                public class BookingDbContext : DbContext
                {
                    private readonly ICompanyContext _companyContext;

                    public BookingDbContext(DbContextOptions<BookingDbContext> options, ICompanyContext companyContext)
                        : base(options) => _companyContext = companyContext;

                    public DbSet<Company> Companies => Set<Company>();{{sets}}

                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Company>().HasKey(c => c.Id);{{filters}}
                    }
                }
            }
            """;
    }
}
