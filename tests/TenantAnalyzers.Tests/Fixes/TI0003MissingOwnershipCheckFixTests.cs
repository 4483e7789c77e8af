using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TenantAnalyzers.CodeFixes.Fixes;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Fixes;

public sealed class TI0003MissingOwnershipCheckFixTests
{
    private static Task FixAsync(string source, string fixedSource, string key, string? options = null) =>
        Verify.FixAsync<MissingOwnershipCheckAnalyzer, MissingOwnershipCheckCodeFixProvider>(source, fixedSource, key, options);

    [Fact]
    public Task Scope_rewrites_every_find_and_injects_the_context_once() => FixAsync("""
        using System.Threading;
        using System.Threading.Tasks;

        namespace Booking
        {
            public class AuditService
            {
                private readonly BookingDbContext _db;

                public AuditService(BookingDbContext db) => _db = db;

                public AuditEntry? Get(int id) => _db.AuditEntries.{|TI0003:Find(id)|};

                public async Task<AuditEntry?> GetAsync(int id, CancellationToken ct) =>
                    await _db.AuditEntries.{|TI0003:FindAsync(new object[] { id }, ct)|};

                public AuditEntry? Generic(int id) => _db.{|TI0003:Find<AuditEntry>(id)|};
            }
        }
        """, """
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class AuditService
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public AuditService(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

                public AuditEntry? Get(int id) => _db.AuditEntries.FirstOrDefault(a => a.Id == id && a.CompanyId == _companyContext.CompanyId);

                public async Task<AuditEntry?> GetAsync(int id, CancellationToken ct) =>
                    await _db.AuditEntries.FirstOrDefaultAsync(a => a.Id == id && a.CompanyId == _companyContext.CompanyId, ct);

                public AuditEntry? Generic(int id) => _db.Set<AuditEntry>().FirstOrDefault(a => a.Id == id && a.CompanyId == _companyContext.CompanyId);
            }
        }
        """, MissingOwnershipCheckCodeFixProvider.ScopeKey);

    [Fact]
    public Task Scope_appends_the_tenant_condition_to_a_key_only_predicate() => FixAsync("""
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class BranchAdmin
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _context;

                public BranchAdmin(BookingDbContext db, ICompanyContext context)
                {
                    _db = db;
                    _context = context;
                }

                public Task<Branch?> Get(int id) => _db.Branches.IgnoreQueryFilters().{|TI0003:FirstOrDefaultAsync(b => b.Id == id)|};

                public AuditEntry? Entry(int id) => _db.AuditEntries.Where(x => x.Id == id).{|TI0003:SingleOrDefault()|};
            }
        }
        """, """
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class BranchAdmin
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _context;

                public BranchAdmin(BookingDbContext db, ICompanyContext context)
                {
                    _db = db;
                    _context = context;
                }

                public Task<Branch?> Get(int id) => _db.Branches.IgnoreQueryFilters().FirstOrDefaultAsync(b => b.Id == id && b.CompanyId == _context.CompanyId);

                public AuditEntry? Entry(int id) => _db.AuditEntries.Where(x => x.Id == id && x.CompanyId == _context.CompanyId).SingleOrDefault();
            }
        }
        """, MissingOwnershipCheckCodeFixProvider.ScopeKey);

    [Fact]
    public Task Scope_is_not_offered_for_a_find_async_that_is_not_awaited() => Verify.NoFixAsync<MissingOwnershipCheckAnalyzer, MissingOwnershipCheckCodeFixProvider>("""
        using System.Threading.Tasks;

        namespace Booking
        {
            public class AuditService
            {
                private readonly ICompanyContext _context;
                public AuditService(ICompanyContext context) => _context = context;
                public ValueTask<AuditEntry?> Get(BookingDbContext db, int id) => db.AuditEntries.{|TI0003:FindAsync(id)|};
            }
        }
        """, MissingOwnershipCheckCodeFixProvider.ScopeKey);

    [Fact]
    public Task Scope_is_not_offered_for_an_object_typed_key() => Verify.NoFixAsync<MissingOwnershipCheckAnalyzer, MissingOwnershipCheckCodeFixProvider>("""
        namespace Booking
        {
            public class AuditService
            {
                private readonly ICompanyContext _context;
                public AuditService(ICompanyContext context) => _context = context;
                public AuditEntry? Get(BookingDbContext db, object id) => db.AuditEntries.{|TI0003:Find(id)|};
            }
        }
        """, MissingOwnershipCheckCodeFixProvider.ScopeKey);

    [Fact]
    public Task Guard_is_inserted_after_each_load_in_the_document() => FixAsync("""
        using System.Linq;
        using System.Threading.Tasks;

        namespace Booking
        {
            public class AuditService
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public AuditService(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

                public async Task<string?> Message(int id, int otherId)
                {
                    var entry = await _db.AuditEntries.{|TI0003:FindAsync(id)|};
                    var other = _db.AuditEntries.{|TI0003:First(a => a.Id == otherId)|};
                    return entry?.Message + other.Message;
                }
            }
        }
        """, """
        using System;
        using System.Linq;
        using System.Threading.Tasks;

        namespace Booking
        {
            public class AuditService
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public AuditService(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

                public async Task<string?> Message(int id, int otherId)
                {
                    var entry = await _db.AuditEntries.FindAsync(id);
                    if (entry is not null && entry.CompanyId != _companyContext.CompanyId)
                    {
                        throw new UnauthorizedAccessException("The AuditEntry does not belong to the current company.");
                    }

                    var other = _db.AuditEntries.First(a => a.Id == otherId);
                    if (other.CompanyId != _companyContext.CompanyId)
                    {
                        throw new UnauthorizedAccessException("The AuditEntry does not belong to the current company.");
                    }

                    return entry?.Message + other.Message;
                }
            }
        }
        """, MissingOwnershipCheckCodeFixProvider.GuardKey);

    [Fact]
    public Task Guard_is_not_offered_when_the_load_is_returned() => Verify.NoFixAsync<MissingOwnershipCheckAnalyzer, MissingOwnershipCheckCodeFixProvider>("""
        namespace Booking
        {
            public class AuditService
            {
                private readonly ICompanyContext _context;
                public AuditService(ICompanyContext context) => _context = context;
                public AuditEntry? Get(BookingDbContext db, int id) => db.AuditEntries.{|TI0003:Find(id)|};
            }
        }
        """, MissingOwnershipCheckCodeFixProvider.GuardKey);

    [Fact]
    public Task Mark_cross_tenant_adds_the_attribute_and_the_finding_stays_until_justified() =>
        Verify.FixAsync<MissingOwnershipCheckCodeFixProvider>([new MissingOwnershipCheckAnalyzer(), new CrossTenantJustificationAnalyzer()], """
        namespace Booking
        {
            public class SupportDesk
            {
                public AuditEntry? Get(BookingDbContext db, int id) => db.AuditEntries.{|TI0003:Find(id)|};
            }
        }
        """, """
        namespace Booking
        {
            public class SupportDesk
            {
                [{|TI0100:CrossTenant("TODO: justify")|}]
                public AuditEntry? Get(BookingDbContext db, int id) => db.AuditEntries.{|TI0003:Find(id)|};
            }
        }
        """, MissingOwnershipCheckCodeFixProvider.MarkCrossTenantKey);

    [Fact]
    public async Task Fix_all_in_the_project_fixes_every_document()
    {
        var test = new CSharpCodeFixTest<MissingOwnershipCheckAnalyzer, MissingOwnershipCheckCodeFixProvider, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.EfCore10,
            CodeActionEquivalenceKey = MissingOwnershipCheckCodeFixProvider.ScopeKey,
        };
        const string first = "using System.Linq; namespace Booking { public class A { public AuditEntry? M(BookingDbContext db, ICompanyContext ctx, int id) => db.AuditEntries.{|TI0003:Find(id)|}; } }";
        const string second = "using System.Linq; namespace Booking { public class B { public AuditEntry? M(BookingDbContext db, ICompanyContext ctx, int id) => db.AuditEntries.{|TI0003:Find(id)|}; } }";
        const string scoped = "db.AuditEntries.FirstOrDefault(a => a.Id == id && a.CompanyId == ctx.CompanyId)";
        test.TestState.Sources.Add(("/0/A.cs", first));
        test.TestState.Sources.Add(("/0/B.cs", second));
        test.TestState.Sources.Add((Prelude.FileName, Prelude.Domain));
        test.FixedState.Sources.Add(("/0/A.cs", first.Replace("db.AuditEntries.{|TI0003:Find(id)|}", scoped)));
        test.FixedState.Sources.Add(("/0/B.cs", second.Replace("db.AuditEntries.{|TI0003:Find(id)|}", scoped)));
        test.FixedState.Sources.Add((Prelude.FileName, Prelude.Domain));
        await test.RunAsync();
    }
}
