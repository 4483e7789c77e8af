using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

/// <summary>
/// TI0004 and the save hooks that stamp the tenant key: a hook protects the entities it selects, and TI0004 stays on for
/// the others; a selection that cannot be read protects every entity.
/// </summary>
public sealed class TI0004StampingTests
{
    private const string Domain = """
        using System;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Diagnostics;

        namespace Clinic
        {
            public interface ITenantProvider { Guid TenantId { get; } string TenantCode { get; } }
            public interface IMustHaveTenant { Guid TenantId { get; set; } }
            public class Patient : IMustHaveTenant { public int Id { get; set; } public Guid TenantId { get; set; } public string Name { get; set; } = ""; }
            public class Visit : IMustHaveTenant { public int Id { get; set; } public Guid TenantId { get; set; } }
            public class Invoice { public int Id { get; set; } public Guid TenantId { get; set; } }
            public class Note { public int Id { get; set; } public string TenantId { get; set; } = ""; }
        }
        """;

    private const string Usage = """
        namespace Clinic
        {
            public class Intake
            {
                private readonly ClinicDbContext _db;
                public Intake(ClinicDbContext db) => _db = db;

                public async Task Admit(string name)
                {
                    _db.Add(new Patient { Name = name });
                    _db.Add(new Visit());
                    _db.Add({|TI0004:new Invoice()|});
                    _db.Add({|TI0004:new Note()|});
                    await _db.SaveChangesAsync();
                }
            }
        }
        """;

    private static Task VerifyAsync(string context, string usage = Usage) =>
        Verify.AnalyzerAsync<TenantKeyNotForcedAnalyzer>(Domain + "\n" + context + "\n" + usage, prelude: false);

    [Fact]
    public Task Entries_of_a_marker_interface_stamp_only_its_implementations() => VerifyAsync("""
        namespace Clinic
        {
            public class ClinicDbContext : DbContext
            {
                private readonly ITenantProvider _tenant;
                public ClinicDbContext(ITenantProvider tenant) => _tenant = tenant;

                public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
                {
                    foreach (var entry in ChangeTracker.Entries<IMustHaveTenant>().Where(e => e.State == EntityState.Added))
                    {
                        entry.Entity.TenantId = _tenant.TenantId;
                    }

                    return base.SaveChangesAsync(cancellationToken);
                }
            }
        }
        """);

    [Fact]
    public Task Stamping_does_not_protect_a_stub_attached_for_an_existing_row() => VerifyAsync("""
        namespace Clinic
        {
            public class ClinicDbContext : DbContext
            {
                private readonly ITenantProvider _tenant;
                public ClinicDbContext(ITenantProvider tenant) => _tenant = tenant;

                public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
                {
                    foreach (var entry in ChangeTracker.Entries<IMustHaveTenant>().Where(e => e.State == EntityState.Added))
                    {
                        entry.Entity.TenantId = _tenant.TenantId;
                    }

                    return base.SaveChangesAsync(cancellationToken);
                }
            }
        }
        """, """
        namespace Clinic
        {
            public class Intake
            {
                private readonly ClinicDbContext _db;
                public Intake(ClinicDbContext db) => _db = db;

                public async Task Discharge(int id)
                {
                    var stub = {|TI0004:new Patient|} { Id = id };
                    _db.Attach(stub);
                    _db.Remove(stub);
                    await _db.SaveChangesAsync();
                }

                public Task Admit(string name)
                {
                    _db.Add(new Patient { Name = name });
                    return _db.SaveChangesAsync();
                }
            }
        }
        """);

    [Fact]
    public Task Type_pattern_on_the_entry_selects_the_stamped_entities() => VerifyAsync("""
        namespace Clinic
        {
            public class ClinicDbContext : DbContext
            {
                private readonly ITenantProvider _tenant;
                public ClinicDbContext(ITenantProvider tenant) => _tenant = tenant;

                public override int SaveChanges(bool acceptAllChangesOnSuccess)
                {
                    foreach (var entry in ChangeTracker.Entries())
                    {
                        if (entry.State == EntityState.Added && entry.Entity is IMustHaveTenant owned)
                        {
                            owned.TenantId = _tenant.TenantId;
                        }
                    }

                    return base.SaveChanges(acceptAllChangesOnSuccess);
                }
            }
        }
        """);

    [Fact]
    public Task Stamp_by_name_reaches_only_keys_of_the_assigned_type() => VerifyAsync("""
        namespace Clinic
        {
            public class TenantInterceptor : SaveChangesInterceptor
            {
                private readonly ITenantProvider _tenant;
                public TenantInterceptor(ITenantProvider tenant) => _tenant = tenant;

                public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
                    DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
                {
                    if (eventData.Context is not ClinicDbContext context)
                    {
                        return ValueTask.FromResult(result);
                    }

                    foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
                    {
                        if (entry.Metadata.FindProperty("TenantId") is not null)
                        {
                            entry.Property("TenantId").CurrentValue = _tenant.TenantId;
                        }
                    }

                    return ValueTask.FromResult(result);
                }
            }

            public class ClinicDbContext : DbContext
            {
            }
        }
        """, """
        namespace Clinic
        {
            public class Intake
            {
                private readonly ClinicDbContext _db;
                public Intake(ClinicDbContext db) => _db = db;

                public async Task Admit(string name)
                {
                    _db.Add(new Patient { Name = name });
                    _db.Add(new Invoice());
                    _db.Add({|TI0004:new Note()|});
                    await _db.SaveChangesAsync();
                }
            }
        }
        """);

    [Fact]
    public Task Explicit_list_of_types_is_stamped_and_nothing_else() => VerifyAsync("""
        namespace Clinic
        {
            public class ClinicDbContext : DbContext
            {
                private readonly ITenantProvider _tenant;
                public ClinicDbContext(ITenantProvider tenant) => _tenant = tenant;

                public override int SaveChanges(bool acceptAllChangesOnSuccess)
                {
                    foreach (var entry in ChangeTracker.Entries())
                    {
                        switch (entry.Entity)
                        {
                            case Patient:
                            case Note:
                                entry.CurrentValues["TenantId"] = entry.Entity is Note ? _tenant.TenantCode : _tenant.TenantId;
                                break;
                        }
                    }

                    return base.SaveChanges(acceptAllChangesOnSuccess);
                }
            }
        }
        """, """
        namespace Clinic
        {
            public class Intake
            {
                private readonly ClinicDbContext _db;
                public Intake(ClinicDbContext db) => _db = db;

                public void Admit(string name)
                {
                    _db.Add(new Patient { Name = name });
                    _db.Add(new Note());
                    _db.Add({|TI0004:new Visit()|});
                    _db.Add({|TI0004:new Invoice()|});
                }
            }
        }
        """);

    [Fact]
    public Task Or_pattern_selects_each_listed_type() => VerifyAsync("""
        namespace Clinic
        {
            public class ClinicDbContext : DbContext
            {
                private readonly ITenantProvider _tenant;
                public ClinicDbContext(ITenantProvider tenant) => _tenant = tenant;

                public override int SaveChanges(bool acceptAllChangesOnSuccess)
                {
                    foreach (var entry in ChangeTracker.Entries())
                    {
                        if (entry.Entity is Patient or Invoice)
                        {
                            entry.Property(nameof(Patient.TenantId)).CurrentValue = _tenant.TenantId;
                        }
                    }

                    return base.SaveChanges(acceptAllChangesOnSuccess);
                }
            }
        }
        """, """
        namespace Clinic
        {
            public class Intake
            {
                private readonly ClinicDbContext _db;
                public Intake(ClinicDbContext db) => _db = db;

                public void Admit(string name)
                {
                    _db.Add(new Patient { Name = name });
                    _db.Add(new Invoice());
                    _db.Add({|TI0004:new Visit()|});
                }
            }
        }
        """);

    [Fact]
    public Task Stamp_that_cannot_be_read_counts_for_every_entity() => VerifyAsync("""
        namespace Clinic
        {
            public class ClinicDbContext : DbContext
            {
                private readonly ITenantProvider _tenant;
                public ClinicDbContext(ITenantProvider tenant) => _tenant = tenant;

                public override int SaveChanges(bool acceptAllChangesOnSuccess)
                {
                    foreach (var entry in ChangeTracker.Entries())
                    {
                        Stamp(entry.Property("TenantId"));
                    }

                    return base.SaveChanges(acceptAllChangesOnSuccess);
                }

                private void Stamp(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry property) => property.CurrentValue ??= _tenant.TenantId;
            }
        }
        """, """
        namespace Clinic
        {
            public class Intake
            {
                private readonly ClinicDbContext _db;
                public Intake(ClinicDbContext db) => _db = db;

                public void Admit(string name)
                {
                    _db.Add(new Patient { Name = name });
                    _db.Add(new Invoice());
                    _db.Add(new Note());
                }
            }
        }
        """);
}
