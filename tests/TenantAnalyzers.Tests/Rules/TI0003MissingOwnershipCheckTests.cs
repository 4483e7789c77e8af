using Microsoft.CodeAnalysis.Testing;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

public sealed class TI0003MissingOwnershipCheckTests
{
    private static Task VerifyAsync(string source, string? options = null) =>
        Verify.AnalyzerAsync<MissingOwnershipCheckAnalyzer>(source, options);

    private static string Service(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class RecordService
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public RecordService(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

        {{members}}
            }
        }
        """;

    [Fact]
    public Task Find_of_an_unfiltered_tenant_owned_entity_is_reported() => VerifyAsync(Service("""
                public AuditEntry? Get(int id) => _db.AuditEntries.{|TI0003:Find(id)|};
                public async Task<AuditEntry?> GetAsync(int id) => await _db.AuditEntries.{|TI0003:FindAsync(id)|};
                public async Task<AuditEntry?> GetAsync(int id, CancellationToken ct) => await _db.AuditEntries.{|TI0003:FindAsync(new object[] { id }, ct)|};
        """));

    [Fact]
    public Task Lookup_on_a_set_of_a_type_no_tenant_owns_is_not_reported() => VerifyAsync(Service("""
                public Task<Company?> Current() => _db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == _companyContext.CompanyId);
                public Country? Get(int id) => _db.Countries.Find(id);
        """));

    // A lookup is skipped unbound only when the receiver's declared type holds an unowned type under that set name.
    [Fact]
    public Task Set_name_of_a_tenant_owned_type_in_another_context_is_still_checked() => VerifyAsync(Service("""
                public Task<AuditEntry?> Get(ArchiveDbContext archive, int id) => archive.Countries.{|TI0003:FirstOrDefaultAsync(a => a.Id == id)|};
        """) + ArchiveContext);

    [Fact]
    public Task Receiver_named_like_the_field_but_declared_closer_is_read_from_its_own_declaration() => VerifyAsync(Service("""
                public Task<AuditEntry?> ByParameter(ArchiveDbContext _db, int id) => _db.Countries.{|TI0003:FirstOrDefaultAsync(a => a.Id == id)|};
                public Task<AuditEntry?> ByLocal(ArchiveDbContext archive, int id)
                {
                    var _db = archive;
                    return _db.Countries.{|TI0003:FirstOrDefaultAsync(a => a.Id == id)|};
                }
                public System.Func<Task<AuditEntry?>> ByLambdaLocal(BookingDbContext db, ArchiveDbContext archive, int id) => () =>
                {
                    var db = archive;
                    return db.Countries.{|TI0003:FirstOrDefaultAsync(a => a.Id == id)|};
                };
                public Task<Country?> ByField(int id) => this._db.Countries.FirstOrDefaultAsync(c => c.Id == id);
        """) + ArchiveContext);

    private const string ArchiveContext = """

        namespace Booking
        {
            public class ArchiveDbContext : DbContext
            {
                public ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : base(options) { }

                public DbSet<AuditEntry> Countries => Set<AuditEntry>();
            }
        }
        """;

    [Fact]
    public Task Message_names_the_method_the_entity_and_the_member() => Verify.AnalyzerAsync<MissingOwnershipCheckAnalyzer>(
        Service("""
                public AuditEntry? Get(int id) => _db.AuditEntries.{|#0:Find(id)|};
        """),
        expected: new DiagnosticResult("TI0003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments("Find", "AuditEntry", "RecordService.Get"));

    [Fact]
    public Task DbContext_find_overloads_are_reported() => VerifyAsync(Service("""
                public AuditEntry? Generic(int id) => _db.{|TI0003:Find<AuditEntry>(id)|};
                public ValueTask<AuditEntry?> GenericAsync(int id) => _db.{|TI0003:FindAsync<AuditEntry>(id)|};
                public object? ByType(int id) => _db.{|TI0003:Find(typeof(AuditEntry), id)|};
        """));

    [Fact]
    public Task Key_only_predicate_on_an_unfiltered_type_is_reported() => VerifyAsync(Service("""
                public AuditEntry? Get(int id) => _db.AuditEntries.{|TI0003:FirstOrDefault(a => a.Id == id)|};
                public Task<AuditEntry> GetAsync(int id) => _db.AuditEntries.AsNoTracking().{|TI0003:SingleAsync(a => id == a.Id)|};
                public AuditEntry? ViaWhere(int id) => _db.AuditEntries.Where(a => a.Id == id).{|TI0003:FirstOrDefault()|};
        """));

    [Fact]
    public Task Key_only_lookup_that_bypasses_the_filter_is_reported() => VerifyAsync(Service("""
                public Task<Branch?> Get(int id) => _db.Branches.IgnoreQueryFilters().{|TI0003:FirstOrDefaultAsync(b => b.Id == id)|};
        """));

    [Fact]
    public Task Use_before_the_check_is_reported() => VerifyAsync(Service("""
                public string Rename(int id, string name)
                {
                    var entry = _db.AuditEntries.{|TI0003:Find(id)|}!;
                    entry.Message = name;
                    if (entry.CompanyId != _companyContext.CompanyId) throw new UnauthorizedAccessException();
                    return entry.Message;
                }
        """));

    [Fact]
    public Task Comparison_with_a_value_of_the_entity_itself_is_no_check() => VerifyAsync(Service("""
                public AuditEntry? Get(int id)
                {
                    var entry = _db.AuditEntries.{|TI0003:Find(id)|};
                    if (entry!.CompanyId != entry.CompanyId) return null;
                    return entry;
                }
        """));

    [Fact]
    public Task Find_of_a_filtered_entity_is_not_reported() => VerifyAsync(Service("""
                public Branch? Get(int id) => _db.Branches.Find(id);
                public async Task<Customer?> GetAsync(int id) => await _db.Customers.FindAsync(id);
                public Task<Appointment?> ByKey(int id) => _db.Appointments.FirstOrDefaultAsync(a => a.Id == id);
        """));

    [Fact]
    public Task Lookup_scoped_by_the_tenant_key_is_not_reported() => VerifyAsync(Service("""
                public AuditEntry? Get(int id) => _db.AuditEntries.FirstOrDefault(a => a.Id == id && a.CompanyId == _companyContext.CompanyId);
                public Branch? Unfiltered(int id) =>
                    _db.Branches.IgnoreQueryFilters().Where(b => b.CompanyId == _companyContext.CompanyId).FirstOrDefault(b => b.Id == id);
        """));

    [Fact]
    public Task Ownership_checks_after_the_load_are_recognised() => VerifyAsync(Service("""
                public AuditEntry Throws(int id)
                {
                    var entry = _db.AuditEntries.Find(id);
                    if (entry == null || entry.CompanyId != _companyContext.CompanyId)
                    {
                        throw new KeyNotFoundException();
                    }

                    return entry;
                }

                public async Task<AuditEntry?> Returns(int id)
                {
                    var entry = await _db.AuditEntries.FindAsync(id);
                    if (entry is null) return null;
                    if (entry.CompanyId != _companyContext.CompanyId) return null;
                    return entry;
                }

                public AuditEntry? Conditional(int id)
                {
                    var entry = _db.AuditEntries.Find(id);
                    return entry?.CompanyId == _companyContext.CompanyId ? entry : null;
                }

                public AuditEntry? Pattern(int id)
                {
                    var entry = _db.AuditEntries.FirstOrDefault(a => a.Id == id);
                    return entry is { CompanyId: var owner } && owner == _companyContext.CompanyId ? entry : null;
                }

                public async Task<AuditEntry> ThrowIfMissing(int id, int companyId)
                {
                    var entry = await _db.AuditEntries.FindAsync(id) ?? throw new KeyNotFoundException();
                    if (companyId != entry.CompanyId) throw new UnauthorizedAccessException();
                    return entry;
                }
        """));

    [Fact]
    public Task Ownership_guard_method_is_recognised_with_the_option() => VerifyAsync("""
        using System;

        namespace Booking
        {
            public static class OwnershipGuard
            {
                public static void EnsureOwned(AuditEntry? entry, ICompanyContext context) { }
            }

            public class Audit
            {
                public AuditEntry? Get(BookingDbContext db, ICompanyContext context, int id)
                {
                    var entry = db.AuditEntries.Find(id);
                    OwnershipGuard.EnsureOwned(entry, context);
                    return entry;
                }

                public AuditEntry? Unchecked(BookingDbContext db, int id)
                {
                    var entry = db.AuditEntries.{|TI0003:Find(id)|};
                    Console.WriteLine(entry);
                    return entry;
                }
            }
        }
        """, "tenant_isolation.ownership_guards = OwnershipGuard.EnsureOwned");

    [Fact]
    public Task Guard_method_is_not_recognised_without_the_option() => VerifyAsync("""
        namespace Booking
        {
            public static class OwnershipGuard
            {
                public static void EnsureOwned(AuditEntry? entry, ICompanyContext context) { }
            }

            public class Audit
            {
                public AuditEntry? Get(BookingDbContext db, ICompanyContext context, int id)
                {
                    var entry = db.AuditEntries.{|TI0003:Find(id)|};
                    OwnershipGuard.EnsureOwned(entry, context);
                    return entry;
                }
            }
        }
        """);

    [Fact]
    public Task Predicates_on_more_than_the_key_are_not_key_lookups() => VerifyAsync(Service("""
                public AuditEntry? Get(int id, string message) => _db.AuditEntries.FirstOrDefault(a => a.Id == id && a.Message == message);
                public AuditEntry? Latest(string message) => _db.AuditEntries.FirstOrDefault(a => a.Message == message);
                public AuditEntry? Scoped(int id, string m) => _db.AuditEntries.Where(a => a.Message == m).FirstOrDefault(a => a.Id == id);
        """));

    [Fact]
    public Task Non_tenant_types_and_in_memory_lists_are_not_reported() => VerifyAsync(Service("""
                public Country? Country(int id) => _db.Countries.Find(id);
                public Company? Company(int id) => _db.Companies.Find(id);
                public AuditEntry? InMemory(List<AuditEntry> entries, int id) => entries.FirstOrDefault(a => a.Id == id);
        """));

    [Fact]
    public Task Justified_and_generic_code_is_not_reported() => VerifyAsync(Service("""
                [CrossTenant("Support staff inspect any company's audit entry by id from the back office")]
                public AuditEntry? Support(int id) => _db.AuditEntries.{|TI0200:Find(id)|};

                public T? Generic<T>(int id) where T : class => _db.Set<T>().Find(id);
        """));

    [Fact]
    public Task Seeding_code_is_not_reported_and_a_service_method_named_Seed_is() => VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class CatalogContextSeed
            {
                public static async Task<string> SeedAsync(BookingDbContext db) => (await db.AuditEntries.FindAsync(1))!.Message;
            }

            public class AuditSeedData
            {
                public static async Task<string> Apply(BookingDbContext db)
                {
                    var first = await db.AuditEntries.FindAsync(1);
                    return first!.Message;
                }
            }

            public static class Program
            {
                public static async Task Main()
                {
                    using var db = new BookingDbContext(new DbContextOptions<BookingDbContext>(), null!);
                    var welcome = await db.AuditEntries.FindAsync(1);
                    Console.WriteLine(welcome!.Message);

                    Func<int, AuditEntry?> handler = id => db.AuditEntries.{|TI0003:Find(id)|};
                    Console.WriteLine(handler(2));
                }
            }

            public class AuditService
            {
                private readonly BookingDbContext _db;
                public AuditService(BookingDbContext db) => _db = db;

                public async Task<string> SeedFromTemplateAsync(int templateId)
                {
                    var template = await _db.AuditEntries.{|TI0003:FindAsync(templateId)|};
                    return template!.Message;
                }
            }
        }
        """);

    [Fact]
    public Task Discarded_load_is_not_reported() => VerifyAsync(Service("""
                public async Task Warm(int id) => await _db.AuditEntries.FindAsync(id);
        """));

    [Fact]
    public Task Query_filters_all_makes_find_of_every_owned_type_safe() => VerifyAsync(Service("""
                public AuditEntry? Get(int id) => _db.AuditEntries.Find(id);
        """), "tenant_isolation.query_filters = all");

    [Fact]
    public Task Query_filters_none_reports_filtered_types_too() => VerifyAsync(Service("""
                public Branch? Get(int id) => _db.Branches.{|TI0003:Find(id)|};
        """), "tenant_isolation.query_filters = none");

    [Fact]
    public Task Tenant_key_option_changes_what_is_tenant_owned() => VerifyAsync("""
        using System.ComponentModel.DataAnnotations;
        using Microsoft.EntityFrameworkCore;

        namespace Shop
        {
            public class Invoice { [Key] public int Number { get; set; } public int OrganizationId { get; set; } }
            public class Note { public int Id { get; set; } public int CompanyId { get; set; } }
            public class ShopContext : DbContext
            {
                public DbSet<Invoice> Invoices => Set<Invoice>();
                public DbSet<Note> Notes => Set<Note>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) { }
            }

            public class Billing
            {
                public Invoice? Find(ShopContext db, int number) => db.Invoices.{|TI0003:Find(number)|};
                public Note? Note(ShopContext db, int id) => db.Notes.Find(id);
            }
        }
        """, "tenant_isolation.tenant_key = OrganizationId");

    [Fact]
    public Task Tenant_root_option_makes_an_entity_a_root() => VerifyAsync(Service("""
                public AuditEntry? Get(int id) => _db.AuditEntries.Find(id);
        """), "tenant_isolation.tenant_root = Company, AuditEntry");

    [Fact]
    public Task Key_by_attribute_and_by_type_name_is_recognised() => Verify.AnalyzerAsync<MissingOwnershipCheckAnalyzer>("""
        using System.ComponentModel.DataAnnotations;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Shop
        {
            public class Invoice { [Key] public int Number { get; set; } public int CompanyId { get; set; } public int Id { get; set; } }
            public class Receipt { public int ReceiptId { get; set; } public int CompanyId { get; set; } }
            public class ShopContext : DbContext
            {
                public DbSet<Invoice> Invoices => Set<Invoice>();
                public DbSet<Receipt> Receipts => Set<Receipt>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) { }
            }

            public class Billing
            {
                public Invoice? ByNumber(ShopContext db, int n) => db.Invoices.{|TI0003:FirstOrDefault(i => i.Number == n)|};
                public Invoice? ByOtherColumn(ShopContext db, int n) => db.Invoices.FirstOrDefault(i => i.Id == n);
                public Receipt? Receipt(ShopContext db, int n) => db.Receipts.{|TI0003:SingleOrDefault(r => r.ReceiptId == n)|};
            }
        }
        """, prelude: false);

    [Fact]
    public Task Works_on_EF_Core_8() => Verify.AnalyzerAsync<MissingOwnershipCheckAnalyzer>(
        Service("""
                public async Task<AuditEntry?> GetAsync(int id) => await _db.AuditEntries.{|TI0003:FindAsync(id)|};
        """),
        references: TestReferences.EfCore8);
}
