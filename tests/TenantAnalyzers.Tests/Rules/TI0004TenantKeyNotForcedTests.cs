using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

public sealed class TI0004TenantKeyNotForcedTests
{
    private static Task VerifyAsync(string source, string? options = null) =>
        Verify.AnalyzerAsync<TenantKeyNotForcedAnalyzer>(source, options);

    private static string Service(string members, string usings = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        {{usings}}

        namespace Booking
        {
            public class CustomerService
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public CustomerService(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

        {{members}}
            }
        }
        """;

    [Fact]
    public Task Message_names_the_entity_the_call_the_member_and_the_key() => Verify.AnalyzerAsync<TenantKeyNotForcedAnalyzer>(
        Service("""
                public void Create(string name) => _db.Customers.Add({|#0:new Customer|} { Name = name });
        """),
        expected: new DiagnosticResult("TI0004", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments("Customer", "Add", "CustomerService.Create", "CompanyId"));

    [Fact]
    public Task Creation_through_a_local_and_async_add_is_reported() => VerifyAsync(Service("""
                public async Task<int> Create(string name)
                {
                    var customer = {|TI0004:new Customer|}
                    {
                        Name = name,
                    };
                    await _db.Customers.AddAsync(customer);
                    await _db.SaveChangesAsync();
                    return customer.Id;
                }
        """));

    [Fact]
    public Task Context_add_update_and_creations_without_initializer_are_reported() => VerifyAsync(Service("""
                public void Book(int customerId, DateTime at)
                {
                    _db.Add({|TI0004:new Appointment()|});
                    Appointment next = {|TI0004:new()|} { CustomerId = customerId, StartsAt = at };
                    _db.Appointments.Add(next);
                }

                public void Rename(int id, string name) => _db.Update({|TI0004:new Customer|} { Id = id, Name = name });
        """));

    [Fact]
    public Task Every_element_of_a_range_is_reported() => VerifyAsync(Service("""
                public void Import(string a, string b)
                {
                    _db.Customers.AddRange(new[] { {|TI0004:new Customer|} { Name = a }, {|TI0004:new Customer|} { Name = b } });
                    _db.AddRange(new List<AuditEntry> { {|TI0004:new AuditEntry|} { Message = "import" } });
                    _db.Customers.AddRange([{|TI0004:new Customer|} { Name = a + b }]);
                    _db.Customers.AddRange({|TI0004:new Customer|} { Name = b + a }, new Customer { Name = "x", CompanyId = _companyContext.CompanyId });
                }
        """));

    [Fact]
    public Task List_filled_in_a_loop_and_a_projection_are_reported() => VerifyAsync(Service("""
                public async Task Import(IEnumerable<string> names)
                {
                    var customers = new List<Customer>();
                    foreach (var name in names)
                    {
                        var customer = {|TI0004:new Customer|} { Name = name };
                        customers.Add(customer);
                    }

                    _db.Customers.AddRange(customers);
                    await _db.AuditEntries.AddRangeAsync(names.Select(n => {|TI0004:new AuditEntry|} { Message = n }).ToList());
                }
        """));

    // A creation handed to a call is skipped unbound only when the call cannot carry it on to a save: a LINQ operator can.
    [Fact]
    public Task Creation_carried_by_a_linq_operator_to_a_save_is_reported_and_one_handed_elsewhere_is_not() => VerifyAsync(Service("""
                public void Import(List<Customer> existing, string name)
                {
                    _db.Customers.AddRange(existing.Append({|TI0004:new Customer|} { Name = name }));
                    Console.WriteLine(new Customer { Name = name });
                }

                public Customer Draft(string name)
                {
                    _db.Customers.Add({|TI0004:new Customer|} { Name = name });
                    return new Customer { Name = name };
                }
        """));

    [Fact]
    public Task Key_from_the_context_is_not_reported() => VerifyAsync(Service("""
                public void Create(string name)
                {
                    _db.Customers.Add(new Customer { Name = name, CompanyId = _companyContext.CompanyId });
                    var audit = new AuditEntry { Message = name };
                    audit.CompanyId = _companyContext.CompanyId;
                    _db.AuditEntries.Add(audit);
                }
        """));

    [Fact]
    public Task Key_assigned_after_the_add_is_not_reported() => VerifyAsync(Service("""
                public void Create(string name)
                {
                    var customer = new Customer { Name = name };
                    _db.Customers.Add(customer);
                    customer.CompanyId = _companyContext.CompanyId;
                    _db.SaveChanges();
                }
        """));

    [Fact]
    public Task Key_from_a_service_parameter_or_a_loaded_entity_is_not_reported() => VerifyAsync(Service("""
                public void Create(int companyId, string name) => _db.Customers.Add(new Customer { CompanyId = companyId, Name = name });

                public async Task Book(int branchId, int customerId)
                {
                    var branch = await _db.Branches.FirstAsync(b => b.Id == branchId);
                    _db.Appointments.Add(new Appointment { BranchId = branch.Id, CompanyId = branch.CompanyId, CustomerId = customerId });
                }
        """));

    [Fact]
    public Task Tenant_root_navigation_and_key_constructor_parameter_set_the_key() => VerifyAsync("""
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class Invoice
            {
                public Invoice(int companyId, decimal amount) { CompanyId = companyId; Amount = amount; }
                public int Id { get; set; }
                public int CompanyId { get; private set; }
                public decimal Amount { get; set; }
            }

            public class Onboarding
            {
                public void Start(BookingDbContext db, Company company, DbSet<Invoice> invoices)
                {
                    db.Add(new Branch { Company = company, Name = "Main" });
                    invoices.Add(new Invoice(company.Id, 0m));
                }
            }
        }
        """);

    [Fact]
    public Task Entity_handed_to_another_method_is_not_reported() => VerifyAsync(Service("""
                public void Create(string name)
                {
                    var customer = new Customer { Name = name };
                    Stamp(customer);
                    _db.Customers.Add(customer);
                }

                private void Stamp(Customer customer) => customer.CompanyId = _companyContext.CompanyId;
        """));

    [Fact]
    public Task Entity_handed_to_platform_methods_after_the_add_is_still_reported() => VerifyAsync(Service("""
                public async Task<string> Create(string name)
                {
                    var customer = {|TI0004:new Customer|} { Name = name };
                    _db.Customers.Add(customer);
                    await _db.SaveChangesAsync();
                    Console.WriteLine(customer);
                    return string.Join(",", customer.Name, customer.Id);
                }
        """));

    [Fact]
    public Task Creations_that_are_not_saved_or_not_tenant_owned_are_not_reported() => VerifyAsync(Service("""
                public Customer Draft(string name) => new Customer { Name = name };

                public void Setup(Company company, string name)
                {
                    company.Branches.Add(new Branch { Name = name });
                    _db.Countries.Add(new Country { Name = name });
                    _db.Companies.Add(new Company { Name = name });
                    var list = new List<Customer> { new Customer { Name = name } };
                }
        """));

    [Fact]
    public Task Attached_stub_built_with_only_an_id_is_reported() => VerifyAsync(Service("""
                public void Delete(int id)
                {
                    var stub = {|TI0004:new Customer|} { Id = id };
                    _db.Attach(stub);
                    _db.Remove(stub);
                }

                public void Rename(int id, string name)
                {
                    var stub = {|TI0004:new Customer|} { Id = id };
                    _db.Customers.Attach(stub).Property(c => c.Name).CurrentValue = name;
                }
        """));

    [Fact]
    public Task Attached_stub_that_carries_the_context_key_or_a_loaded_entity_is_not_reported() => VerifyAsync(Service("""
                public void Delete(int id)
                {
                    var stub = new Customer { Id = id, CompanyId = _companyContext.CompanyId };
                    _db.Attach(stub);
                    _db.Remove(stub);
                }

                public async Task Touch(int id)
                {
                    var customer = await _db.Customers.FirstAsync(c => c.Id == id);
                    _db.Attach(customer);
                }
        """));

    [Fact]
    public Task Identity_user_created_through_the_user_manager_without_a_key_is_reported() => Verify.AnalyzerAsync<TenantKeyNotForcedAnalyzer>("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;

        namespace Booking
        {
            public class ApplicationUser : IdentityUser
            {
                public int CompanyId { get; set; }
            }

            public class AccountService
            {
                private readonly UserManager<ApplicationUser> _userManager;
                private readonly ICompanyContext _companyContext;
                private readonly InvitationService _invitations;

                public AccountService(UserManager<ApplicationUser> userManager, ICompanyContext companyContext, InvitationService invitations)
                {
                    _userManager = userManager;
                    _companyContext = companyContext;
                    _invitations = invitations;
                }

                public async Task Register(string email, string password)
                {
                    var user = {|TI0004:new ApplicationUser|} { UserName = email, Email = email };
                    await _userManager.CreateAsync(user, password);
                }

                public Task Invite(string email) =>
                    _userManager.CreateAsync(new ApplicationUser { UserName = email, CompanyId = _companyContext.CompanyId });

                public Task Queue(string email) => _invitations.CreateAsync(new ApplicationUser { UserName = email });
            }

            public class InvitationService
            {
                public Task CreateAsync(ApplicationUser user) => Task.CompletedTask;
            }
        }
        """, references: TestReferences.AspNetCore10);

    [Fact]
    public Task Seeding_code_is_not_reported_and_a_service_method_named_Seed_is() => VerifyAsync("""
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class DemoDataSeeder
            {
                public void Run(BookingDbContext db) => db.Customers.Add(new Customer { Name = "Demo" });
            }

            public class Startup
            {
                public void SeedCustomers(BookingDbContext db) => db.Customers.Add(new Customer { Name = "Demo" });
            }

            public class CustomerService
            {
                private readonly BookingDbContext _db;
                public CustomerService(BookingDbContext db) => _db = db;

                public Task SeedDefaultsAsync(string name)
                {
                    _db.Customers.Add({|TI0004:new Customer|} { Name = name });
                    return _db.SaveChangesAsync();
                }
            }
        }
        """);

    [Fact]
    public Task Justified_cross_tenant_code_is_reported_only_as_justified() => VerifyAsync(Service("""
                [CrossTenant("Platform seeding of demo data for every company, run by operators only")]
                public void Seed() => _db.Customers.Add({|TI0200:new Customer|} { Name = "Demo" });
        """));

    [Fact]
    public Task SaveChanges_override_that_stamps_the_key_turns_the_rule_off() => VerifyAsync(Service("""
                public void Create(string name) => _db.Customers.Add(new Customer { Name = name });
        """) + """

        namespace Booking
        {
            public class StampingDbContext : DbContext
            {
                private readonly ICompanyContext _companyContext = null!;

                public override int SaveChanges()
                {
                    StampTenant();
                    return base.SaveChanges();
                }

                private void StampTenant()
                {
                    foreach (var entry in ChangeTracker.Entries<Customer>())
                    {
                        if (entry.State == EntityState.Added)
                        {
                            entry.Entity.CompanyId = _companyContext.CompanyId;
                        }
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Save_changes_interceptor_that_stamps_the_key_turns_the_rule_off() => VerifyAsync(Service("""
                public void Create(string name) => _db.Customers.Add(new Customer { Name = name });
        """) + """

        namespace Booking
        {
            public class TenantStampInterceptor : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
            {
                private readonly ICompanyContext _companyContext = null!;

                public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> SavingChanges(
                    Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
                    Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result)
                {
                    foreach (var entry in eventData.Context!.ChangeTracker.Entries())
                    {
                        if (entry.State == EntityState.Added && entry.Metadata.FindProperty("CompanyId") is not null)
                        {
                            entry.Property("CompanyId").CurrentValue = _companyContext.CompanyId;
                        }
                    }

                    return result;
                }
            }
        }
        """);

    [Fact]
    public Task SaveChanges_override_that_stamps_something_else_does_not_turn_the_rule_off() => VerifyAsync(Service("""
                public void Create(string name) => _db.Customers.Add({|TI0004:new Customer|} { Name = name });
        """) + """

        namespace Booking
        {
            public class AuditingDbContext : DbContext
            {
                public override int SaveChanges()
                {
                    foreach (var entry in ChangeTracker.Entries<Customer>())
                    {
                        entry.Entity.Name = entry.Entity.Name.Trim();
                    }

                    return base.SaveChanges();
                }
            }
        }
        """);

    [Fact]
    public Task Configured_tenant_key_is_named_in_the_message() => Verify.AnalyzerAsync<TenantKeyNotForcedAnalyzer>(
        """
        using Microsoft.EntityFrameworkCore;

        namespace Billing
        {
            public class Invoice
            {
                public int Id { get; set; }
                public int OrganizationId { get; set; }
                public int CompanyId { get; set; }
            }

            public class InvoiceService
            {
                public void Create(DbContext db) => db.Add({|#0:new Invoice|} { CompanyId = 7 });
            }
        }
        """,
        options: "tenant_isolation.tenant_key = OrganizationId",
        prelude: false,
        expected: new DiagnosticResult("TI0004", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments("Invoice", "Add", "InvoiceService.Create", "OrganizationId"));

    [Fact]
    public Task Marker_owned_type_without_a_tenant_key_property_is_not_reported() => VerifyAsync("""
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public interface IMustHaveTenant
            {
                int OwnerId { get; set; }
            }

            public class Voucher : IMustHaveTenant
            {
                public int Id { get; set; }
                public int OwnerId { get; set; }
            }

            public class VoucherService
            {
                public void Issue(DbContext db) => db.Add(new Voucher { Id = 1 });
            }
        }
        """, "tenant_isolation.owned_markers = IMustHaveTenant");

    [Fact]
    public Task App_without_tenant_owned_types_gets_no_diagnostics() => Verify.AnalyzerAsync<TenantKeyNotForcedAnalyzer>("""
        using Microsoft.EntityFrameworkCore;

        namespace Shop
        {
            public class Product
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
            }

            public class ShopDbContext : DbContext
            {
                public DbSet<Product> Products => Set<Product>();
            }

            public class Catalog
            {
                public void Add(ShopDbContext db, string name) => db.Products.Add(new Product { Name = name });
            }
        }
        """, prelude: false);

    [Fact]
    public Task Top_level_statements_and_a_type_after_them_report_each_creation_once()
    {
        // The top-level statements' "member" is the file: its walk once went through the type's members too. (A creation
        // directly in the top-level statements is startup seeding; one in a handler lambda there is not.)
        var test = new CSharpAnalyzerTest<TenantKeyNotForcedAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.EfCore10 };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/0/Test0.cs", """
            using Booking;

            var handler = (BookingDbContext db) => db.AuditEntries.Add({|TI0004:new AuditEntry|} { Message = "started" });

            public class Importer
            {
                public void Import(BookingDbContext db) => db.AuditEntries.Add({|TI0004:new AuditEntry|} { Message = "imported" });
            }
            """));
        test.TestState.Sources.Add((Prelude.FileName, Prelude.Domain));
        return test.RunAsync();
    }
}
