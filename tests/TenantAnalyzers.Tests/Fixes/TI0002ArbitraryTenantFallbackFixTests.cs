using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TenantAnalyzers.CodeFixes.Fixes;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Fixes;

public sealed class TI0002ArbitraryTenantFallbackFixTests
{
    private static Task FixAsync(string source, string fixedSource, string key, string? options = null) =>
        Verify.FixAsync<ArbitraryTenantFallbackAnalyzer, ArbitraryTenantFallbackCodeFixProvider>(source, fixedSource, key, options);

    [Fact]
    public Task Throw_replaces_every_fallback_in_the_document() => FixAsync("""
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class CompanyResolver
            {
                private readonly BookingDbContext _db;
                public CompanyResolver(BookingDbContext db) => _db = db;

                public Company Resolve(Company? fromRequest) => {|TI0002:fromRequest ?? _db.Companies.First()|};

                public async Task<Company> ResolveAsync(Company? company)
                {
                    {|TI0002:company ??= await _db.Companies.FirstOrDefaultAsync()|};
                    return company!;
                }

                public Company? Value(Company? company) => {|TI0002:company ??= _db.Companies.FirstOrDefault()|};

                public Company? Pick(Company? company) => {|TI0002:company != null ? company : _db.Companies.FirstOrDefault()|};
            }
        }
        """, """
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class CompanyResolver
            {
                private readonly BookingDbContext _db;
                public CompanyResolver(BookingDbContext db) => _db = db;

                public Company Resolve(Company? fromRequest) => fromRequest ?? throw new InvalidOperationException("No company context: refusing to fall back to an arbitrary company.");

                public async Task<Company> ResolveAsync(Company? company)
                {
                    if (company is null)
                    {
                        throw new InvalidOperationException("No company context: refusing to fall back to an arbitrary company.");
                    }
                    return company!;
                }

                public Company? Value(Company? company) => company ?? throw new InvalidOperationException("No company context: refusing to fall back to an arbitrary company.");

                public Company? Pick(Company? company) => company != null ? company : throw new InvalidOperationException("No company context: refusing to fall back to an arbitrary company.");
            }
        }
        """, ArbitraryTenantFallbackCodeFixProvider.ThrowKey);

    [Fact]
    public Task Look_up_injects_the_context_once_and_keeps_async_and_cancellation() => FixAsync("""
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class CompanyResolver
            {
                private readonly BookingDbContext _db;

                public CompanyResolver(BookingDbContext db) => _db = db;

                public Company? Current() => _db.Companies.{|TI0002:FirstOrDefault()|};

                public async Task<Company?> ResolveAsync(Company? company, CancellationToken ct)
                {
                    {|TI0002:company ??= await _db.Companies.AsNoTracking().FirstOrDefaultAsync(ct)|};
                    return company;
                }
            }
        }
        """, """
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class CompanyResolver
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public CompanyResolver(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

                public Company? Current() => _db.Companies.FirstOrDefault(c => c.Id == _companyContext.CompanyId);

                public async Task<Company?> ResolveAsync(Company? company, CancellationToken ct)
                {
                    company ??= await _db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == _companyContext.CompanyId, ct);
                    return company;
                }
            }
        }
        """, ArbitraryTenantFallbackCodeFixProvider.ScopeKey);

    [Fact]
    public Task Look_up_uses_a_context_parameter() => FixAsync("""
        using System.Linq;

        namespace Booking
        {
            public static class Companies
            {
                public static Company Current(BookingDbContext db, ICompanyContext context) => db.Companies.{|TI0002:Single()|};
            }
        }
        """, """
        using System.Linq;

        namespace Booking
        {
            public static class Companies
            {
                public static Company Current(BookingDbContext db, ICompanyContext context) => db.Companies.Single(c => c.Id == context.CompanyId);
            }
        }
        """, ArbitraryTenantFallbackCodeFixProvider.ScopeKey);

    [Fact]
    public Task Look_up_is_not_offered_for_a_projection() => Verify.NoFixAsync<ArbitraryTenantFallbackAnalyzer, ArbitraryTenantFallbackCodeFixProvider>("""
        using System.Linq;

        namespace Booking
        {
            public class Ids
            {
                private readonly ICompanyContext _context;
                public Ids(ICompanyContext context) => _context = context;
                public int Current(BookingDbContext db) => db.Companies.Select(c => c.Id).{|TI0002:First()|};
            }
        }
        """, ArbitraryTenantFallbackCodeFixProvider.ScopeKey);

    [Fact]
    public Task Throw_is_not_offered_without_a_fallback() => Verify.NoFixAsync<ArbitraryTenantFallbackAnalyzer, ArbitraryTenantFallbackCodeFixProvider>("""
        using System.Linq;

        namespace Booking
        {
            public class Companies
            {
                public Company Current(BookingDbContext db) => db.Companies.{|TI0002:First()|};
            }
        }
        """, ArbitraryTenantFallbackCodeFixProvider.ThrowKey);

    [Fact]
    public Task Mark_cross_tenant_adds_the_attribute_and_the_finding_stays_until_justified() =>
        Verify.FixAsync<ArbitraryTenantFallbackCodeFixProvider>([new ArbitraryTenantFallbackAnalyzer(), new CrossTenantJustificationAnalyzer()], """
        using System.Linq;

        namespace Booking
        {
            public class Diagnostics
            {
                public Company? Probe(BookingDbContext db) => db.Companies.{|TI0002:FirstOrDefault()|};
            }
        }
        """, """
        using System.Linq;

        namespace Booking
        {
            public class Diagnostics
            {
                [{|TI0100:CrossTenant("TODO: justify")|}]
                public Company? Probe(BookingDbContext db) => db.Companies.{|TI0002:FirstOrDefault()|};
            }
        }
        """, ArbitraryTenantFallbackCodeFixProvider.MarkCrossTenantKey);

    [Fact]
    public async Task Fix_all_in_the_solution_fixes_every_project()
    {
        var test = new CSharpCodeFixTest<ArbitraryTenantFallbackAnalyzer, ArbitraryTenantFallbackCodeFixProvider, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.EfCore10,
            CodeActionEquivalenceKey = ArbitraryTenantFallbackCodeFixProvider.ThrowKey,
        };
        const string first = "using System; using System.Linq; namespace Booking { public class A { public Company M(BookingDbContext db, Company? c) => {|TI0002:c ?? db.Companies.First()|}; } }";
        const string second = "using System; using System.Linq; namespace Booking { public class B { public Company M(BookingDbContext db, Company? c) => {|TI0002:c ?? db.Companies.First()|}; } }";
        const string fixedFirst = "using System; using System.Linq; namespace Booking { public class A { public Company M(BookingDbContext db, Company? c) => c ?? throw new InvalidOperationException(\"No company context: refusing to fall back to an arbitrary company.\"); } }";
        test.TestState.Sources.Add(("/0/A.cs", first));
        test.TestState.Sources.Add(("/0/B.cs", second));
        test.TestState.Sources.Add((Prelude.FileName, Prelude.Domain));
        test.FixedState.Sources.Add(("/0/A.cs", fixedFirst));
        test.FixedState.Sources.Add(("/0/B.cs", fixedFirst.Replace("class A", "class B")));
        test.FixedState.Sources.Add((Prelude.FileName, Prelude.Domain));
        await test.RunAsync();
    }
}
