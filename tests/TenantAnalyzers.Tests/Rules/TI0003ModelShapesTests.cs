using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

/// <summary>
/// TI0003 against the DbContexts applications declare: a DbContext of this compilation without a tenant filter leaves its
/// tenant-owned types unfiltered; only a DbContext that lives in a referenced project is assumed to filter them.
/// </summary>
public sealed class TI0003ModelShapesTests
{
    private const string Domain = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Rentals
        {
            public class Property { public int Id { get; set; } public int TenantId { get; set; } public string Address { get; set; } = ""; }
            public class Lease { public int Id { get; set; } public int TenantId { get; set; } public int PropertyId { get; set; } }
            public class Country { public int Id { get; set; } public string Name { get; set; } = ""; }
        }
        """;

    private const string Controller = """
        namespace Rentals
        {
            public class PropertiesService
            {
                private readonly RentalsDbContext _db;
                public PropertiesService(RentalsDbContext db) => _db = db;

                public async Task<Property?> Get(int id) => await _db.Properties.{|TI0003:FindAsync(id)|};
                public Task<Lease?> Lease(int id) => _db.Leases.{|TI0003:FirstOrDefaultAsync(l => l.Id == id)|};
                public Task<Country?> Country(int id) => _db.Countries.FirstOrDefaultAsync(c => c.Id == id);
            }
        }
        """;

    private static Task VerifyAsync(string context, string usage = Controller) =>
        Verify.AnalyzerAsync<MissingOwnershipCheckAnalyzer>(Domain + "\n" + context + "\n" + usage, prelude: false);

    [Fact]
    public Task DbContext_declared_here_without_OnModelCreating_leaves_its_types_unfiltered() => VerifyAsync("""
        namespace Rentals
        {
            public class RentalsDbContext : DbContext
            {
                public RentalsDbContext(DbContextOptions<RentalsDbContext> options) : base(options) { }

                public DbSet<Property> Properties => Set<Property>();
                public DbSet<Lease> Leases => Set<Lease>();
                public DbSet<Country> Countries => Set<Country>();
            }
        }
        """);

    [Fact]
    public Task DbContext_whose_OnModelCreating_declares_no_tenant_filter_leaves_its_types_unfiltered() => VerifyAsync("""
        namespace Rentals
        {
            public class RentalsDbContext : DbContext
            {
                public DbSet<Property> Properties => Set<Property>();
                public DbSet<Lease> Leases => Set<Lease>();
                public DbSet<Country> Countries => Set<Country>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Property>().HasIndex(p => new { p.TenantId, p.Address }).IsUnique();
                    modelBuilder.Entity<Lease>().Property(l => l.TenantId).IsRequired();
                }
            }
        }
        """);

    [Fact]
    public Task DbContext_with_a_tenant_filter_keeps_filtered_lookups_quiet() => VerifyAsync("""
        namespace Rentals
        {
            public class RentalsDbContext : DbContext
            {
                public int CurrentTenantId { get; set; }
                public DbSet<Property> Properties => Set<Property>();
                public DbSet<Lease> Leases => Set<Lease>();
                public DbSet<Country> Countries => Set<Country>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Property>().HasQueryFilter(p => p.TenantId == CurrentTenantId);
                }
            }
        }
        """, """
        namespace Rentals
        {
            public class PropertiesService
            {
                private readonly RentalsDbContext _db;
                public PropertiesService(RentalsDbContext db) => _db = db;

                public async Task<Property?> Get(int id) => await _db.Properties.FindAsync(id);
                public Task<Lease?> Lease(int id) => _db.Leases.{|TI0003:FirstOrDefaultAsync(l => l.Id == id)|};
            }
        }
        """);

    [Fact]
    public async Task DbContext_in_a_referenced_project_counts_every_tenant_owned_type_as_filtered()
    {
        var test = new CSharpAnalyzerTest<MissingOwnershipCheckAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.EfCore10,
            TestState =
            {
                Sources =
                {
                    """
                    using System.Threading.Tasks;
                    using Rentals.Data;

                    namespace Rentals.Web
                    {
                        public class PropertiesService
                        {
                            private readonly RentalsDbContext _db;
                            public PropertiesService(RentalsDbContext db) => _db = db;

                            public async Task<Property?> Get(int id) => await _db.Properties.FindAsync(id);
                        }
                    }
                    """,
                },
                AdditionalProjectReferences = { "Data" },
            },
        };
        test.TestState.AdditionalProjects["Data"].Sources.Add("""
            using Microsoft.EntityFrameworkCore;

            namespace Rentals.Data
            {
                public class Property { public int Id { get; set; } public int TenantId { get; set; } }
                public class RentalsDbContext : DbContext
                {
                    public DbSet<Property> Properties => Set<Property>();
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public Task Configurations_applied_from_this_assembly_are_read() => VerifyAsync("""
        namespace Rentals
        {
            public class RentalsDbContext : DbContext
            {
                public DbSet<Property> Properties => Set<Property>();
                public DbSet<Lease> Leases => Set<Lease>();
                public DbSet<Country> Countries => Set<Country>();

                protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                    modelBuilder.ApplyConfigurationsFromAssembly(typeof(RentalsDbContext).Assembly);
            }

            public class PropertyConfiguration : IEntityTypeConfiguration<Property>
            {
                public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Property> builder) =>
                    builder.HasIndex(p => p.Address);
            }
        }
        """);

    [Fact]
    public async Task Configurations_applied_from_a_referenced_project_are_assumed_to_filter()
    {
        var test = new CSharpAnalyzerTest<MissingOwnershipCheckAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.EfCore10,
            TestState =
            {
                Sources =
                {
                    """
                    using System.Threading.Tasks;
                    using Microsoft.EntityFrameworkCore;
                    using Rentals.Domain;

                    namespace Rentals.Web
                    {
                        public class RentalsDbContext : DbContext
                        {
                            public DbSet<Property> Properties => Set<Property>();

                            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                                modelBuilder.ApplyConfigurationsFromAssembly(typeof(PropertyConfiguration).Assembly);
                        }

                        public class PropertiesService
                        {
                            private readonly RentalsDbContext _db;
                            public PropertiesService(RentalsDbContext db) => _db = db;

                            public async Task<Property?> Get(int id) => await _db.Properties.FindAsync(id);
                        }
                    }
                    """,
                },
                AdditionalProjectReferences = { "Domain" },
            },
        };
        test.TestState.AdditionalProjects["Domain"].Sources.Add("""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Metadata.Builders;

            namespace Rentals.Domain
            {
                public class Property { public int Id { get; set; } public int TenantId { get; set; } }
                public class PropertyConfiguration : IEntityTypeConfiguration<Property>
                {
                    public void Configure(EntityTypeBuilder<Property> builder) => builder.HasQueryFilter(p => p.TenantId == 1);
                }
            }
            """);
        await test.RunAsync();
    }
}
