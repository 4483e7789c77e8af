namespace TenantAnalyzers.EditorTests.Consumer;

/// <summary>
/// The consumer app's C#: a tenant-filtered entity (Invoice), a tenant-owned entity without a filter (AuditEntry),
/// and a service with three violations (two filter bypasses, TI0001, and an unchecked load by id, TI0003) next to
/// code that is fine: a bypass justified with the package's [CrossTenant] attribute (which the package adds to the
/// project, so the editor must see it too) and a Find on the filtered type.
/// </summary>
internal static class ShopSources
{
    public const string ModelFileName = "Model.cs";
    public const string ServiceFileName = "InvoiceService.cs";

    /// <summary>The method whose bypass the editor test deletes with an unsaved edit.</summary>
    public const string EditedMember = "TotalOfAllInvoices";
    public const string EditedText = ".IgnoreQueryFilters()";

    public const string Model = """
        using Microsoft.EntityFrameworkCore;

        namespace Shop;

        public class Invoice
        {
            public int Id { get; set; }
            public int CompanyId { get; set; }
            public decimal Total { get; set; }
        }

        public class AuditEntry
        {
            public int Id { get; set; }
            public int CompanyId { get; set; }
            public string Action { get; set; } = "";
        }

        public interface ICompanyContext
        {
            int CompanyId { get; }
        }

        public class ShopDb : DbContext
        {
            private readonly ICompanyContext _company;

            public ShopDb(DbContextOptions<ShopDb> options, ICompanyContext company) : base(options) => _company = company;

            public DbSet<Invoice> Invoices => Set<Invoice>();
            public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<Invoice>().HasQueryFilter(i => i.CompanyId == _company.CompanyId);
        }

        """;

    public const string Service = """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Shop;

        public class InvoiceService
        {
            private readonly ShopDb _db;

            public InvoiceService(ShopDb db) => _db = db;

            public decimal TotalOfAllInvoices() => _db.Invoices.IgnoreQueryFilters().Sum(i => i.Total);

            public int CountAllInvoices() => _db.Invoices.IgnoreQueryFilters().Count();

            [TenantAnalyzers.CrossTenant("Platform operator report: the number of invoices of every company")]
            public int CountInvoicesOfEveryCompany() => _db.Invoices.IgnoreQueryFilters().Count();

            public Invoice? Get(int id) => _db.Invoices.Find(id);

            public AuditEntry? Audit(int id) => _db.AuditEntries.Find(id);
        }

        """;
}
