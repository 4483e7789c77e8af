using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TenantAnalyzers.CodeFixes.Fixes;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Fixes;

/// <summary>
/// Fixes import what they start using — <c>System.Linq</c> for <c>.Where</c>, <c>Microsoft.EntityFrameworkCore</c> for
/// async LINQ, the context's namespace, <c>System</c> for the exceptions — and nothing that is in scope already, by a
/// using of the file or a global using (what <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c> generates).
/// </summary>
public sealed class ImportFixTests
{
    /// <summary>What ImplicitUsings generates for a web project, plus the app's own global usings.</summary>
    private const string GlobalUsings = """
        global using System;
        global using System.Linq;
        global using System.Threading.Tasks;
        global using Microsoft.EntityFrameworkCore;
        global using Booking;
        """;

    [Fact]
    public Task Scope_imports_linq_and_the_context_namespace_where_they_are_missing() => FixAsync<FilterBypassAnalyzer, FilterBypassCodeFixProvider>("""
        namespace Booking.Reports
        {
            public class DeletedCustomers
            {
                private readonly BookingDbContext _db;

                public DeletedCustomers(BookingDbContext db) => _db = db;

                public object Query() => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.{|TI0001:IgnoreQueryFilters(_db.Customers)|};
            }
        }
        """, """
        using System.Linq;

        namespace Booking.Reports
        {
            public class DeletedCustomers
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public DeletedCustomers(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

                public object Query() => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(_db.Customers).Where(c => c.CompanyId == _companyContext.CompanyId);
            }
        }
        """, FilterBypassCodeFixProvider.ScopeByTenantKey, globalUsings: false);

    [Fact]
    public Task Scope_imports_nothing_that_global_usings_bring() => FixAsync<FilterBypassAnalyzer, FilterBypassCodeFixProvider>("""
        namespace Shop.Reports
        {
            public class DeletedCustomers
            {
                private readonly BookingDbContext _db;

                public DeletedCustomers(BookingDbContext db) => _db = db;

                public int Count() => _db.Customers.{|TI0001:IgnoreQueryFilters()|}.Count(c => c.IsDeleted);
            }
        }
        """, """
        namespace Shop.Reports
        {
            public class DeletedCustomers
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public DeletedCustomers(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

                public int Count() => _db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == _companyContext.CompanyId).Count(c => c.IsDeleted);
            }
        }
        """, FilterBypassCodeFixProvider.ScopeByTenantKey, globalUsings: true);

    [Fact]
    public Task Async_scope_and_the_ownership_exception_import_nothing_that_global_usings_bring() => FixAsync<MissingOwnershipCheckAnalyzer, MissingOwnershipCheckCodeFixProvider>("""
        namespace Shop.Audit
        {
            public class AuditReader
            {
                private readonly BookingDbContext _db;

                public AuditReader(BookingDbContext db) => _db = db;

                public async Task<AuditEntry?> Get(int id) => await _db.AuditEntries.{|TI0003:FindAsync(id)|};
            }
        }
        """, """
        namespace Shop.Audit
        {
            public class AuditReader
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public AuditReader(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

                public async Task<AuditEntry?> Get(int id) => await _db.AuditEntries.FirstOrDefaultAsync(a => a.Id == id && a.CompanyId == _companyContext.CompanyId);
            }
        }
        """, MissingOwnershipCheckCodeFixProvider.ScopeKey, globalUsings: true);

    [Fact]
    public Task Thrown_exception_imports_nothing_that_global_usings_bring() => FixAsync<ArbitraryTenantFallbackAnalyzer, ArbitraryTenantFallbackCodeFixProvider>("""
        namespace Shop.Calendar
        {
            public class CompanyResolver
            {
                private readonly BookingDbContext _db;

                public CompanyResolver(BookingDbContext db) => _db = db;

                public Company Resolve(Company? signedIn) => {|TI0002:signedIn ?? _db.Companies.First()|};
            }
        }
        """, """
        namespace Shop.Calendar
        {
            public class CompanyResolver
            {
                private readonly BookingDbContext _db;

                public CompanyResolver(BookingDbContext db) => _db = db;

                public Company Resolve(Company? signedIn) => signedIn ?? throw new InvalidOperationException("No company context: refusing to fall back to an arbitrary company.");
            }
        }
        """, ArbitraryTenantFallbackCodeFixProvider.ThrowKey, globalUsings: true);

    private static Task FixAsync<TAnalyzer, TFix>(string source, string fixedSource, string key, bool globalUsings)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.EfCore10,
            CodeActionEquivalenceKey = key,
        };
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add(("/0/Test0.cs", state == test.TestState ? source : fixedSource));
            state.Sources.Add((Prelude.FileName, Prelude.Domain));
            if (globalUsings)
            {
                state.Sources.Add(("/0/GlobalUsings.g.cs", GlobalUsings));
            }
        }

        return test.RunAsync();
    }
}
