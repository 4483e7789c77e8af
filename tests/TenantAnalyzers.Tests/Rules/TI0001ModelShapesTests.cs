using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

/// <summary>TI0001 against the ways real applications declare their tenant filters, and against EF Core 8.</summary>
public sealed class TI0001ModelShapesTests
{
    private const string Entities = """
        using System;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Metadata.Builders;

        namespace Shop
        {
            public interface ITenantContext { Guid TenantId { get; } }
            public interface ITenantEntity { Guid TenantId { get; set; } }
            public class Order : ITenantEntity { public int Id { get; set; } public Guid TenantId { get; set; } public bool IsDeleted { get; set; } }
            public class Invoice : ITenantEntity { public int Id { get; set; } public Guid TenantId { get; set; } }
            public class Log { public int Id { get; set; } public Guid TenantId { get; set; } }
        }
        """;

    private static Task VerifyAsync(string model, string usage, string? options = null) =>
        Verify.AnalyzerAsync<FilterBypassAnalyzer>(Entities + "\n" + model + "\n" + usage, options, prelude: false);

    private const string Usage = """
        namespace Shop
        {
            public class Reports
            {
                public int Orders(ShopContext db) => db.Set<Order>().{|TI0001:IgnoreQueryFilters()|}.Count();
                public int Logs(ShopContext db) => db.Set<Log>().IgnoreQueryFilters().Count();
            }
        }
        """;

    [Fact]
    public Task Filter_declared_in_an_entity_type_configuration() => VerifyAsync("""
        namespace Shop
        {
            public class ShopContext : DbContext
            {
                private readonly ITenantContext _tenant;
                public ShopContext(ITenantContext tenant) => _tenant = tenant;
                public Guid CurrentTenant => _tenant.TenantId;
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);
            }

            public class OrderConfiguration : IEntityTypeConfiguration<Order>
            {
                public void Configure(EntityTypeBuilder<Order> builder) => builder.HasQueryFilter(o => o.TenantId == Guid.Empty);
            }
        }
        """, Usage);

    [Fact]
    public Task Filter_declared_in_a_loop_over_entity_types_covers_the_types_it_tests_for() => VerifyAsync("""
        namespace Shop
        {
            public class ShopContext : DbContext
            {
                public Guid CurrentTenant { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                    {
                        if (typeof(ITenantEntity).IsAssignableFrom(entityType.ClrType))
                        {
                            var parameter = System.Linq.Expressions.Expression.Parameter(entityType.ClrType, "e");
                            var body = System.Linq.Expressions.Expression.Equal(
                                System.Linq.Expressions.Expression.Property(parameter, nameof(ITenantEntity.TenantId)),
                                System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Constant(this), nameof(CurrentTenant)));
                            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(System.Linq.Expressions.Expression.Lambda(body, parameter));
                        }
                    }
                }
            }
        }
        """, Usage);

    [Fact]
    public Task Filter_declared_by_a_generic_helper_covers_its_constraint() => VerifyAsync("""
        namespace Shop
        {
            public class ShopContext : DbContext
            {
                public Guid CurrentTenant { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    ApplyTenantFilter<Order>(modelBuilder);
                    ApplyTenantFilter<Invoice>(modelBuilder);
                }

                private void ApplyTenantFilter<T>(ModelBuilder modelBuilder) where T : class, ITenantEntity =>
                    modelBuilder.Entity<T>().HasQueryFilter(e => e.TenantId == CurrentTenant);
            }
        }
        """, Usage);

    [Fact]
    public Task Soft_delete_filter_alone_is_not_a_tenant_filter() => VerifyAsync("""
        namespace Shop
        {
            public class ShopContext : DbContext
            {
                protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                    modelBuilder.Entity<Order>().HasQueryFilter(o => !o.IsDeleted);
            }

            public class Reports
            {
                public int Orders(ShopContext db) => db.Set<Order>().IgnoreQueryFilters().Count();
            }
        }
        """, "");

    private const string NamedFilters = """
        namespace Shop
        {
            public class ShopContext : DbContext
            {
                public Guid CurrentTenant { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Order>().HasQueryFilter("Tenant", o => o.TenantId == CurrentTenant);
                    modelBuilder.Entity<Order>().HasQueryFilter("SoftDelete", o => !o.IsDeleted);
                }
            }
        }
        """;

    [Fact]
    public Task Keyed_overload_that_keeps_the_tenant_filter_is_not_reported() => VerifyAsync(NamedFilters, """
        namespace Shop
        {
            public class Reports
            {
                public int Deleted(ShopContext db) => db.Set<Order>().IgnoreQueryFilters(["SoftDelete"]).Count();
                public int Deleted2(ShopContext db) => db.Set<Order>().IgnoreQueryFilters(new[] { "SoftDelete" }).Count();
            }
        }
        """);

    [Fact]
    public Task Keyed_overload_that_drops_the_tenant_filter_is_reported() => VerifyAsync(NamedFilters, """
        namespace Shop
        {
            public class Reports
            {
                public int All(ShopContext db) => db.Set<Order>().{|TI0001:IgnoreQueryFilters(["SoftDelete", "Tenant"])|}.Count();
                public int Unknown(ShopContext db, string[] keys) => db.Set<Order>().{|TI0001:IgnoreQueryFilters(keys)|}.Count();
            }
        }
        """);

    [Fact]
    public Task Tenant_filter_name_option_names_the_tenant_filter() => VerifyAsync("""
        namespace Shop
        {
            public class ShopContext : DbContext
            {
                public Guid CurrentTenant { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Order>().HasQueryFilter("Isolation", o => o.TenantId == CurrentTenant);
                }
            }

            public class Reports
            {
                public int Kept(ShopContext db) => db.Set<Order>().IgnoreQueryFilters(["Tenant"]).Count();
                public int Dropped(ShopContext db) => db.Set<Order>().{|TI0001:IgnoreQueryFilters(["Isolation"])|}.Count();
            }
        }
        """, "", "tenant_isolation.tenant_filter_name = Isolation");

    [Fact]
    public async Task Model_declared_in_a_referenced_project_counts_every_tenant_owned_type_as_filtered()
    {
        var test = new CSharpAnalyzerTest<FilterBypassAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.EfCore10,
            TestState =
            {
                Sources =
                {
                    """
                    using System.Linq;
                    using Microsoft.EntityFrameworkCore;
                    using Shop.Data;

                    namespace Shop.Web
                    {
                        public class Reports
                        {
                            public int Orders(ShopContext db) => db.Orders.{|TI0001:IgnoreQueryFilters()|}.Count();
                            public int Products(ShopContext db) => db.Products.IgnoreQueryFilters().Count();
                        }
                    }
                    """,
                },
                AdditionalProjectReferences = { "Data" },
            },
        };
        test.TestState.AdditionalProjects["Data"].Sources.Add("""
            using Microsoft.EntityFrameworkCore;

            namespace Shop.Data
            {
                public class Order { public int Id { get; set; } public int TenantId { get; set; } }
                public class Product { public int Id { get; set; } }
                public class ShopContext : DbContext
                {
                    public int CurrentTenant { get; set; }
                    public DbSet<Order> Orders => Set<Order>();
                    public DbSet<Product> Products => Set<Product>();
                    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                        modelBuilder.Entity<Order>().HasQueryFilter(o => o.TenantId == CurrentTenant);
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task Filters_configured_by_a_helper_from_another_assembly_count_as_tenant_filters()
    {
        var test = new CSharpAnalyzerTest<FilterBypassAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.EfCore10,
            TestState =
            {
                Sources =
                {
                    """
                    using System.Linq;
                    using Microsoft.EntityFrameworkCore;
                    using Platform.Tenancy;

                    namespace Shop
                    {
                        public class Order { public int Id { get; set; } public int TenantId { get; set; } }
                        public class ShopContext : DbContext
                        {
                            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyTenantFilters();
                        }

                        public class Reports
                        {
                            public int Orders(ShopContext db) => db.Set<Order>().{|TI0001:IgnoreQueryFilters()|}.Count();
                        }
                    }
                    """,
                },
                AdditionalProjectReferences = { "Tenancy" },
            },
        };
        test.TestState.AdditionalProjects["Tenancy"].Sources.Add("""
            using Microsoft.EntityFrameworkCore;

            namespace Platform.Tenancy
            {
                public static class TenantModelBuilderExtensions
                {
                    public static void ApplyTenantFilters(this ModelBuilder modelBuilder) { }
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public Task Shadow_tenant_key_filter_and_rescoping_through_EF_Property() => VerifyAsync("""
        namespace Shop
        {
            public class Coupon { public int Id { get; set; } }

            public class ShopContext : DbContext
            {
                public int CurrentTenant { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Coupon>().Property<int>("TenantId");
                    modelBuilder.Entity<Coupon>().HasQueryFilter(c => EF.Property<int>(c, "TenantId") == CurrentTenant);
                }
            }

            public class Reports
            {
                public int All(ShopContext db) => db.Set<Coupon>().{|TI0001:IgnoreQueryFilters()|}.Count();
                public int Scoped(ShopContext db, int tenantId) => db.Set<Coupon>().IgnoreQueryFilters().Count(c => EF.Property<int>(c, "TenantId") == tenantId);
            }
        }
        """, "");

    [Fact]
    public Task Project_scoping_extension_with_a_tenant_key_parameter_rescopes() => VerifyAsync("""
        namespace Shop
        {
            public static class TenantScoping
            {
                public static IQueryable<T> ForTenant<T>(this IQueryable<T> query, Guid tenantId) where T : ITenantEntity =>
                    query.Where(e => e.TenantId == tenantId);
            }

            public class ShopContext : DbContext
            {
                public Guid CurrentTenant { get; set; }
                protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                    modelBuilder.Entity<Order>().HasQueryFilter(o => o.TenantId == CurrentTenant && !o.IsDeleted);
            }

            public class Reports
            {
                public int Deleted(ShopContext db, Guid tenantId) => db.Set<Order>().IgnoreQueryFilters().ForTenant(tenantId).Count(o => o.IsDeleted);
                public int All(ShopContext db) => db.Set<Order>().{|TI0001:IgnoreQueryFilters()|}.Count(o => o.IsDeleted);
            }
        }
        """, "");

    [Fact]
    public Task Finbuckle_multi_tenant_entities_count_as_tenant_filtered() => VerifyAsync("""
        namespace Finbuckle.MultiTenant
        {
            [AttributeUsage(AttributeTargets.Class)]
            public sealed class MultiTenantAttribute : Attribute { }

            public static class EntityTypeBuilderExtensions
            {
                public static EntityTypeBuilder<T> IsMultiTenant<T>(this EntityTypeBuilder<T> builder) where T : class => builder;
            }
        }

        namespace Shop
        {
            using Finbuckle.MultiTenant;

            [MultiTenant]
            public class Ticket { public int Id { get; set; } }

            public class Voucher { public int Id { get; set; } }

            public class Product { public int Id { get; set; } }

            public class ShopContext : DbContext
            {
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Voucher>().IsMultiTenant();
            }

            public class Reports
            {
                public int Tickets(ShopContext db) => db.Set<Ticket>().{|TI0001:IgnoreQueryFilters()|}.Count();
                public int Vouchers(ShopContext db) => db.Set<Voucher>().{|TI0001:IgnoreQueryFilters()|}.Count();
                public int Products(ShopContext db) => db.Set<Product>().IgnoreQueryFilters().Count();
            }
        }
        """, "");

    private const string LoopDomain = """
        using System;
        using System.Linq;
        using System.Linq.Expressions;
        using System.Reflection;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Metadata;

        namespace Crm
        {
            public interface ITenantEntity { Guid TenantId { get; set; } }
            public abstract class BaseEntity { public Guid Id { get; set; } public bool IsDeleted { get; set; } }
            public class Contact : BaseEntity, ITenantEntity { public Guid TenantId { get; set; } public string Email { get; set; } = ""; }
            public class Deal : BaseEntity, ITenantEntity { public Guid TenantId { get; set; } }
            public class UserRole : BaseEntity { public Guid UserId { get; set; } public Guid RoleId { get; set; } }
            public class RolePermission { public Guid RoleId { get; set; } public string Permission { get; set; } = ""; }
            public class AuditLog : BaseEntity { public Guid TenantId { get; set; } }
        }
        """;

    private const string LoopUsage = """
        namespace Crm
        {
            public class Admin
            {
                public int Contacts(CrmContext db) => db.Set<Contact>().{|TI0001:IgnoreQueryFilters()|}.Count();
                public int UserRoles(CrmContext db) => db.Set<UserRole>().IgnoreQueryFilters().Count();
                public int Permissions(CrmContext db) => db.Set<RolePermission>().IgnoreQueryFilters().Count();
            }
        }
        """;

    private static Task VerifyLoopAsync(string context, string usage = LoopUsage) =>
        Verify.AnalyzerAsync<FilterBypassAnalyzer>(LoopDomain + "\n" + context + "\n" + usage, prelude: false);

    [Fact]
    public Task Loop_branch_that_filters_soft_delete_does_not_make_its_types_tenant_filtered() => VerifyLoopAsync("""
        namespace Crm
        {
            public class CrmContext : DbContext
            {
                public Guid CurrentTenantId { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                    {
                        if (typeof(BaseEntity).IsAssignableFrom(entityType.ClrType))
                        {
                            var parameter = Expression.Parameter(entityType.ClrType, "e");
                            var body = Expression.Not(Expression.Property(parameter, nameof(BaseEntity.IsDeleted)));
                            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(Expression.Lambda(body, parameter));
                        }

                        if (typeof(ITenantEntity).IsAssignableFrom(entityType.ClrType))
                        {
                            var parameter = Expression.Parameter(entityType.ClrType, "e");
                            var body = Expression.Equal(
                                Expression.Property(parameter, nameof(ITenantEntity.TenantId)),
                                Expression.Property(Expression.Constant(this), nameof(CurrentTenantId)));
                            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(Expression.Lambda(body, parameter));
                        }
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Loop_whose_type_test_cannot_be_read_covers_only_tenant_owned_types() => VerifyLoopAsync("""
        namespace Crm
        {
            public class CrmContext : DbContext
            {
                public Guid CurrentTenantId { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                    {
                        if (entityType.FindProperty("TenantId") is not null)
                        {
                            var parameter = Expression.Parameter(entityType.ClrType, "e");
                            var tenantId = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(Guid)], parameter, Expression.Constant("TenantId"));
                            var body = Expression.Equal(tenantId, Expression.Property(Expression.Constant(this), nameof(CurrentTenantId)));
                            entityType.SetQueryFilter(Expression.Lambda(body, parameter));
                        }
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Loop_test_on_a_shared_base_class_covers_only_its_tenant_owned_types() => VerifyLoopAsync("""
        namespace Crm
        {
            public class CrmContext : DbContext
            {
                public Guid CurrentTenantId { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                    {
                        if (typeof(BaseEntity).IsAssignableFrom(entityType.ClrType) && entityType.ClrType.GetProperty("TenantId") != null)
                        {
                            var parameter = Expression.Parameter(entityType.ClrType, "e");
                            var body = Expression.AndAlso(
                                Expression.Not(Expression.Property(parameter, "IsDeleted")),
                                Expression.Equal(Expression.Property(parameter, "TenantId"), Expression.Constant(CurrentTenantId)));
                            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(Expression.Lambda(body, parameter));
                        }
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Continue_guard_and_collection_filter_restrict_the_loop_to_the_tested_interface() => VerifyLoopAsync("""
        namespace Crm
        {
            public class CrmContext : DbContext
            {
                public Guid CurrentTenantId { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => !t.IsOwned()))
                    {
                        if (!typeof(ITenantEntity).IsAssignableFrom(entityType.ClrType))
                        {
                            continue;
                        }

                        var parameter = Expression.Parameter(entityType.ClrType, "e");
                        var body = Expression.Equal(Expression.Property(parameter, "TenantId"), Expression.Constant(CurrentTenantId));
                        modelBuilder.Entity(entityType.ClrType).HasQueryFilter(Expression.Lambda(body, parameter));
                    }
                }
            }
        }
        """, """
        namespace Crm
        {
            public class Admin
            {
                public int Contacts(CrmContext db) => db.Set<Contact>().{|TI0001:IgnoreQueryFilters()|}.Count();
                public int Logs(CrmContext db) => db.Set<AuditLog>().IgnoreQueryFilters().Count();
                public int UserRoles(CrmContext db) => db.Set<UserRole>().IgnoreQueryFilters().Count();
            }
        }
        """);

    [Fact]
    public Task Generic_helper_invoked_through_MakeGenericMethod_covers_its_constraint() => VerifyLoopAsync("""
        namespace Crm
        {
            public class CrmContext : DbContext
            {
                private static readonly MethodInfo SetTenantFilterMethod =
                    typeof(CrmContext).GetMethod(nameof(SetTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

                private static readonly MethodInfo SetSoftDeleteFilterMethod =
                    typeof(CrmContext).GetMethod(nameof(SetSoftDeleteFilter), BindingFlags.NonPublic | BindingFlags.Static)!;

                public Guid CurrentTenantId { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                    {
                        if (typeof(ITenantEntity).IsAssignableFrom(entityType.ClrType))
                        {
                            SetTenantFilterMethod.MakeGenericMethod(entityType.ClrType).Invoke(this, [modelBuilder]);
                        }
                        else if (typeof(BaseEntity).IsAssignableFrom(entityType.ClrType))
                        {
                            SetSoftDeleteFilterMethod.MakeGenericMethod(entityType.ClrType).Invoke(null, [modelBuilder]);
                        }
                    }
                }

                private void SetTenantFilter<T>(ModelBuilder modelBuilder) where T : class, ITenantEntity =>
                    modelBuilder.Entity<T>().HasQueryFilter(e => e.TenantId == CurrentTenantId);

                private static void SetSoftDeleteFilter<T>(ModelBuilder modelBuilder) where T : BaseEntity =>
                    modelBuilder.Entity<T>().HasQueryFilter(e => !e.IsDeleted);
            }
        }
        """);

    [Fact]
    public Task Generic_helper_of_another_class_invoked_through_reflection_covers_its_constraint() => VerifyLoopAsync("""
        namespace Crm
        {
            public static class TenantFilters
            {
                public static void Apply<T>(ModelBuilder modelBuilder, CrmContext context) where T : class, ITenantEntity =>
                    modelBuilder.Entity<T>().HasQueryFilter(e => e.TenantId == context.CurrentTenantId);
            }

            public class CrmContext : DbContext
            {
                public Guid CurrentTenantId { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    var apply = typeof(TenantFilters).GetMethod(nameof(TenantFilters.Apply))!;
                    foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => typeof(ITenantEntity).IsAssignableFrom(t.ClrType)))
                    {
                        apply.MakeGenericMethod(entityType.ClrType).Invoke(null, [modelBuilder, this]);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Filter_built_by_a_helper_from_a_lambda_on_the_tenant_interface() => VerifyLoopAsync("""
        namespace Crm
        {
            public class CrmContext : DbContext
            {
                public Guid CurrentTenantId { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                    {
                        if (entityType.ClrType.IsAssignableTo(typeof(ITenantEntity)))
                        {
                            entityType.SetQueryFilter(ConvertFilterExpression<ITenantEntity>(e => e.TenantId == CurrentTenantId, entityType.ClrType));
                        }
                        else if (entityType.ClrType.IsAssignableTo(typeof(BaseEntity)))
                        {
                            entityType.SetQueryFilter(ConvertFilterExpression<BaseEntity>(e => !e.IsDeleted, entityType.ClrType));
                        }
                    }
                }

                private static LambdaExpression ConvertFilterExpression<TInterface>(Expression<Func<TInterface, bool>> filter, Type entityType)
                {
                    var parameter = Expression.Parameter(entityType);
                    var body = Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(filter.Parameters[0], parameter, filter.Body);
                    return Expression.Lambda(body, parameter);
                }
            }
        }
        """);

    [Fact]
    public Task A_method_that_mentions_the_tenant_key_elsewhere_is_no_evidence_of_a_tenant_filter() => VerifyLoopAsync("""
        namespace Crm
        {
            public class CrmContext : DbContext
            {
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Contact>().HasIndex(c => new { c.TenantId, c.Email }).IsUnique();
                    foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                    {
                        if (typeof(BaseEntity).IsAssignableFrom(entityType.ClrType))
                        {
                            var parameter = Expression.Parameter(entityType.ClrType, "e");
                            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(
                                Expression.Lambda(Expression.Not(Expression.Property(parameter, "IsDeleted")), parameter));
                        }
                    }
                }
            }
        }
        """, """
        namespace Crm
        {
            public class Admin
            {
                public int Contacts(CrmContext db) => db.Set<Contact>().IgnoreQueryFilters().Count();
                public int UserRoles(CrmContext db) => db.Set<UserRole>().IgnoreQueryFilters().Count();
            }
        }
        """);

    [Fact]
    public Task Works_against_EF_Core_8() => Verify.AnalyzerAsync<FilterBypassAnalyzer>("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class Reports
            {
                public int All(BookingDbContext db) => db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();
                public int Scoped(BookingDbContext db, int companyId) => db.Appointments.IgnoreQueryFilters().Count(a => a.CompanyId == companyId);
                public int Countries(BookingDbContext db) => db.Countries.IgnoreQueryFilters().Count();
            }
        }
        """, references: TestReferences.EfCore8);
}
