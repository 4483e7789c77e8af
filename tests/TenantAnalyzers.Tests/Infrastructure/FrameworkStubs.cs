namespace TenantAnalyzers.Tests.Infrastructure;

/// <summary>
/// Source copies of the public API of the multi-tenancy frameworks the tenant model knows, for tests: neither is served
/// by the package source here. Namespaces, type and member names and signatures follow the frameworks' own sources
/// (Finbuckle.MultiTenant 10: <c>Finbuckle.MultiTenant.Abstractions</c>, <c>Finbuckle.MultiTenant.EntityFrameworkCore</c>;
/// ABP 9: <c>Volo.Abp.*</c>); bodies are placeholders. The analyzers find these types by metadata name, as they find the
/// real assemblies.
/// </summary>
public static class FrameworkStubs
{
    public const string FinbuckleFileName = "/0/Finbuckle.MultiTenant.cs";

    public const string AbpFileName = "/0/Volo.Abp.cs";

    public const string Finbuckle = """
        namespace Finbuckle.MultiTenant.Abstractions
        {
            using System;

            public interface ITenantInfo
            {
                string? Id { get; set; }
                string? Identifier { get; set; }
                string? Name { get; set; }
            }

            public class TenantInfo : ITenantInfo
            {
                public string? Id { get; set; }
                public string? Identifier { get; set; }
                public string? Name { get; set; }
            }

            public interface IMultiTenantContext
            {
                ITenantInfo? TenantInfo { get; }
                bool IsResolved { get; }
            }

            public interface IMultiTenantContext<TTenantInfo> : IMultiTenantContext
                where TTenantInfo : class, ITenantInfo, new()
            {
                new TTenantInfo? TenantInfo { get; }
            }

            public interface IMultiTenantContextAccessor
            {
                IMultiTenantContext MultiTenantContext { get; }
            }

            public interface IMultiTenantContextAccessor<TTenantInfo> : IMultiTenantContextAccessor
                where TTenantInfo : class, ITenantInfo, new()
            {
                new IMultiTenantContext<TTenantInfo> MultiTenantContext { get; }
            }

            [AttributeUsage(AttributeTargets.Class, Inherited = false)]
            public class MultiTenantAttribute : Attribute
            {
            }
        }

        namespace Finbuckle.MultiTenant.EntityFrameworkCore
        {
            using System.Threading;
            using System.Threading.Tasks;
            using Finbuckle.MultiTenant.Abstractions;
            using Finbuckle.MultiTenant.EntityFrameworkCore.Extensions;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Metadata.Builders;

            public enum TenantMismatchMode { Throw, Ignore, Overwrite }

            public enum TenantNotSetMode { Throw, Overwrite }

            public interface IMultiTenantDbContext
            {
                ITenantInfo? TenantInfo { get; }
                TenantMismatchMode TenantMismatchMode { get; }
                TenantNotSetMode TenantNotSetMode { get; }
            }

            public class MultiTenantEntityTypeBuilder
            {
                public MultiTenantEntityTypeBuilder(EntityTypeBuilder builder) => Builder = builder;

                public EntityTypeBuilder Builder { get; }

                public MultiTenantEntityTypeBuilder AdjustUniqueIndexes() => this;
            }

            public abstract class MultiTenantDbContext : DbContext, IMultiTenantDbContext
            {
                protected MultiTenantDbContext(IMultiTenantContextAccessor multiTenantContextAccessor) =>
                    TenantInfo = multiTenantContextAccessor.MultiTenantContext.TenantInfo;

                protected MultiTenantDbContext(IMultiTenantContextAccessor multiTenantContextAccessor, DbContextOptions options)
                    : base(options) => TenantInfo = multiTenantContextAccessor.MultiTenantContext.TenantInfo;

                public ITenantInfo? TenantInfo { get; }

                public TenantMismatchMode TenantMismatchMode { get; set; } = TenantMismatchMode.Throw;

                public TenantNotSetMode TenantNotSetMode { get; set; } = TenantNotSetMode.Throw;

                protected override void OnModelCreating(ModelBuilder builder) => builder.ConfigureMultiTenant();

                public override int SaveChanges(bool acceptAllChangesOnSuccess)
                {
                    this.EnforceMultiTenant();
                    return base.SaveChanges(acceptAllChangesOnSuccess);
                }

                public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
                {
                    this.EnforceMultiTenant();
                    return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                }
            }
        }

        namespace Finbuckle.MultiTenant.EntityFrameworkCore.Extensions
        {
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Metadata.Builders;

            public static class EntityTypeBuilderExtensions
            {
                public static MultiTenantEntityTypeBuilder IsMultiTenant(this EntityTypeBuilder builder) => new(builder);

                public static EntityTypeBuilder IsNotMultiTenant(this EntityTypeBuilder builder) => builder;
            }

            public static class ModelBuilderExtensions
            {
                public static ModelBuilder ConfigureMultiTenant(this ModelBuilder modelBuilder) => modelBuilder;
            }

            public static class MultiTenantDbContextExtensions
            {
                public static void EnforceMultiTenant<TContext>(this TContext context)
                    where TContext : DbContext, IMultiTenantDbContext
                {
                }
            }
        }
        """;

    public const string Abp = """
        namespace Volo.Abp.MultiTenancy
        {
            using System;

            public interface IMultiTenant
            {
                Guid? TenantId { get; }
            }

            public interface ICurrentTenant
            {
                bool IsAvailable { get; }
                Guid? Id { get; }
                string? Name { get; }
                IDisposable Change(Guid? id, string? name = null);
            }
        }

        namespace Volo.Abp.Data
        {
            using System;
            using System.Threading.Tasks;

            public interface IDataFilter
            {
                IDisposable Enable<TFilter>() where TFilter : class;
                IDisposable Disable<TFilter>() where TFilter : class;
                bool IsEnabled<TFilter>() where TFilter : class;
            }

            public interface IDataFilter<TFilter> where TFilter : class
            {
                IDisposable Enable();
                IDisposable Disable();
                bool IsEnabled { get; }
            }

            public interface ISoftDelete
            {
                bool IsDeleted { get; }
            }

            public class DataSeedContext
            {
                public Guid? TenantId { get; set; }
            }

            public interface IDataSeedContributor
            {
                Task SeedAsync(DataSeedContext context);
            }
        }

        namespace Volo.Abp.Domain.Entities
        {
            public interface IEntity
            {
                object[] GetKeys();
            }

            public interface IEntity<TKey> : IEntity
            {
                TKey Id { get; }
            }

            public static class EntityHelper
            {
                public static void TrySetTenantId(IEntity entity)
                {
                }
            }

            public abstract class Entity : IEntity
            {
                protected Entity() => EntityHelper.TrySetTenantId(this);

                public abstract object[] GetKeys();
            }

            public abstract class Entity<TKey> : Entity, IEntity<TKey>
            {
                protected Entity()
                {
                }

                protected Entity(TKey id) => Id = id;

                public virtual TKey Id { get; protected set; } = default!;

                public override object[] GetKeys() => new object[] { Id! };
            }

            public abstract class AggregateRoot<TKey> : Entity<TKey>
            {
                protected AggregateRoot()
                {
                }

                protected AggregateRoot(TKey id)
                    : base(id)
                {
                }
            }
        }

        namespace Volo.Abp.Domain.Repositories
        {
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Linq.Expressions;
            using System.Threading;
            using System.Threading.Tasks;
            using Volo.Abp.Domain.Entities;

            public interface IRepository
            {
                bool IsChangeTrackingEnabled { get; }
            }

            public interface IReadOnlyBasicRepository<TEntity> : IRepository
                where TEntity : class, IEntity
            {
                Task<List<TEntity>> GetListAsync(bool includeDetails = false, CancellationToken cancellationToken = default);
                Task<List<TEntity>> GetListAsync(Expression<Func<TEntity, bool>> predicate, bool includeDetails = false, CancellationToken cancellationToken = default);
                Task<long> GetCountAsync(CancellationToken cancellationToken = default);
            }

            public interface IReadOnlyBasicRepository<TEntity, TKey> : IReadOnlyBasicRepository<TEntity>
                where TEntity : class, IEntity<TKey>
            {
                Task<TEntity> GetAsync(TKey id, bool includeDetails = true, CancellationToken cancellationToken = default);
                Task<TEntity?> FindAsync(TKey id, bool includeDetails = true, CancellationToken cancellationToken = default);
            }

            public interface IReadOnlyRepository<TEntity> : IReadOnlyBasicRepository<TEntity>
                where TEntity : class, IEntity
            {
                Task<IQueryable<TEntity>> GetQueryableAsync();
            }

            public interface IBasicRepository<TEntity> : IReadOnlyBasicRepository<TEntity>
                where TEntity : class, IEntity
            {
                Task<TEntity> InsertAsync(TEntity entity, bool autoSave = false, CancellationToken cancellationToken = default);
                Task<TEntity> UpdateAsync(TEntity entity, bool autoSave = false, CancellationToken cancellationToken = default);
                Task DeleteAsync(TEntity entity, bool autoSave = false, CancellationToken cancellationToken = default);
            }

            public interface IBasicRepository<TEntity, TKey> : IBasicRepository<TEntity>, IReadOnlyBasicRepository<TEntity, TKey>
                where TEntity : class, IEntity<TKey>
            {
                Task DeleteAsync(TKey id, bool autoSave = false, CancellationToken cancellationToken = default);
            }

            public interface IRepository<TEntity> : IReadOnlyRepository<TEntity>, IBasicRepository<TEntity>
                where TEntity : class, IEntity
            {
                Task<TEntity?> FindAsync(Expression<Func<TEntity, bool>> predicate, bool includeDetails = true, CancellationToken cancellationToken = default);
                Task<TEntity> GetAsync(Expression<Func<TEntity, bool>> predicate, bool includeDetails = true, CancellationToken cancellationToken = default);
            }

            public interface IRepository<TEntity, TKey> : IRepository<TEntity>, IBasicRepository<TEntity, TKey>
                where TEntity : class, IEntity<TKey>
            {
            }
        }

        namespace Volo.Abp.Application.Services
        {
            using Volo.Abp.Data;
            using Volo.Abp.MultiTenancy;

            public abstract class ApplicationService
            {
                public ICurrentTenant CurrentTenant { get; set; } = null!;

                public IDataFilter DataFilter { get; set; } = null!;
            }
        }

        namespace Volo.Abp.EntityFrameworkCore
        {
            using Microsoft.EntityFrameworkCore;
            using Volo.Abp.Data;
            using Volo.Abp.MultiTenancy;

            public abstract class AbpDbContext<TDbContext> : DbContext
                where TDbContext : DbContext
            {
                protected AbpDbContext(DbContextOptions<TDbContext> options)
                    : base(options)
                {
                }

                public ICurrentTenant CurrentTenant { get; set; } = null!;

                public IDataFilter DataFilter { get; set; } = null!;
            }
        }
        """;
}
