using TenantAnalyzers.CodeFixes.Fixes;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Fixes;

public sealed class TI0004TenantKeyNotForcedFixTests
{
    private static Task FixAsync(string source, string fixedSource) =>
        Verify.FixAsync<TenantKeyNotForcedAnalyzer, TenantKeyNotForcedCodeFixProvider>(source, fixedSource, TenantKeyNotForcedCodeFixProvider.SetTenantKeyKey);

    [Fact]
    public Task Adds_the_key_to_existing_initializers_in_their_layout() => FixAsync("""
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

                public void Create(string name)
                {
                    _db.Customers.Add({|TI0004:new Customer|} { Name = name });
                    _db.AuditEntries.Add({|TI0004:new AuditEntry|}
                    {
                        Message = "created " + name
                    });
                    _db.AuditEntries.Add({|TI0004:new AuditEntry|}
                    {
                        Message = "welcome",
                    });
                }
            }
        }
        """, """
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

                public void Create(string name)
                {
                    _db.Customers.Add(new Customer { Name = name, CompanyId = _companyContext.CompanyId });
                    _db.AuditEntries.Add(new AuditEntry
                    {
                        Message = "created " + name,
                        CompanyId = _companyContext.CompanyId
                    });
                    _db.AuditEntries.Add(new AuditEntry
                    {
                        Message = "welcome",
                        CompanyId = _companyContext.CompanyId,
                    });
                }
            }
        }
        """);

    [Fact]
    public Task Creates_initializers_and_injects_the_context_once() => FixAsync("""
        namespace Booking
        {
            public class BookingService
            {
                private readonly BookingDbContext _db;

                public BookingService(BookingDbContext db) => _db = db;

                public void Book(int customerId)
                {
                    var appointment = {|TI0004:new Appointment()|};
                    appointment.CustomerId = customerId;
                    _db.Add(appointment);
                    Customer walkIn = {|TI0004:new()|};
                    _db.Customers.Add(walkIn);
                    _db.AuditEntries.Add({|TI0004:new AuditEntry()|});
                }
            }
        }
        """, """
        namespace Booking
        {
            public class BookingService
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public BookingService(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

                public void Book(int customerId)
                {
                    var appointment = new Appointment { CompanyId = _companyContext.CompanyId };
                    appointment.CustomerId = customerId;
                    _db.Add(appointment);
                    Customer walkIn = new() { CompanyId = _companyContext.CompanyId };
                    _db.Customers.Add(walkIn);
                    _db.AuditEntries.Add(new AuditEntry { CompanyId = _companyContext.CompanyId });
                }
            }
        }
        """);

    [Fact]
    public Task Keeps_constructor_arguments() => FixAsync("""
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class Note
            {
                public Note(string text) => Text = text;
                public int Id { get; set; }
                public int CompanyId { get; set; }
                public string Text { get; }
            }

            public class NoteService
            {
                private readonly ICompanyContext _context;
                public NoteService(ICompanyContext context) => _context = context;

                public void Write(DbContext db, string text) => db.Add({|TI0004:new Note(text)|});
            }
        }
        """, """
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class Note
            {
                public Note(string text) => Text = text;
                public int Id { get; set; }
                public int CompanyId { get; set; }
                public string Text { get; }
            }

            public class NoteService
            {
                private readonly ICompanyContext _context;
                public NoteService(ICompanyContext context) => _context = context;

                public void Write(DbContext db, string text) => db.Add(new Note(text) { CompanyId = _context.CompanyId });
            }
        }
        """);

    [Fact]
    public Task Not_offered_when_the_key_type_does_not_match_the_context() => Verify.NoFixAsync<TenantKeyNotForcedAnalyzer, TenantKeyNotForcedCodeFixProvider>("""
        using System;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class Document
            {
                public int Id { get; set; }
                public Guid TenantId { get; set; }
            }

            public class DocumentService
            {
                private readonly ICompanyContext _context = null!;

                public void Upload(DbContext db) => db.Add({|TI0004:new Document|} { Id = 0 });
            }
        }
        """, TenantKeyNotForcedCodeFixProvider.SetTenantKeyKey);

    [Fact]
    public Task Not_offered_for_an_attached_stub_where_the_key_would_protect_nothing() => Verify.NoFixAsync<TenantKeyNotForcedAnalyzer, TenantKeyNotForcedCodeFixProvider>("""
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

                public void Delete(int id)
                {
                    var stub = {|TI0004:new Customer|} { Id = id };
                    _db.Attach(stub);
                    _db.Remove(stub);
                }
            }
        }
        """, TenantKeyNotForcedCodeFixProvider.SetTenantKeyKey);
}
