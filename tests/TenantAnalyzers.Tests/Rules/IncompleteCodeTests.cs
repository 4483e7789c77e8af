using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

/// <summary>Code as it is typed: half-written members must never make an analyzer throw (AD0001).</summary>
public sealed class IncompleteCodeTests
{
    public static TheoryData<string> HalfTypedMembers => new()
    {
        "public void M() { var x = _db.Appointments.IgnoreQueryFilters(",
        "public void M() { var x = _db.Appointments.IgnoreQueryFilters().Where(a => a.",
        "public void M() { var x = _db.Appointments.IgnoreQueryFilters([",
        "public void M() { var x = _db.Appointments.IgnoreQueryFilters(new[] { \"Tenant\", ",
        "public void M() { var x = from a in _db.Appointments.IgnoreQueryFilters() where",
        "public void M() { var x = _db.Companies.FirstOrDefault(",
        "public void M() { var c = _db.Companies.FirstOrDefault() ?? ",
        "public void M(int id) { var b = _db.Branches.IgnoreQueryFilters().Find(",
        "public void M(int id) { var b = _db.Branches.Find(id); if (b.CompanyId != ",
        "public void M() { _db.Customers.Add(new Customer { CompanyId = ",
        "public void M() { _db.Customers.Add(new Customer { ",
        "public void M(Customer c) { c.CompanyId = ",
        "[CrossTenant(] public void M() { }",
        "[CrossTenant(\"TODO\" public void M() { }",
        "public void M() { _db.IgnoreQueryFilters(); var q = _db.Set<>().IgnoreQueryFilters(); }",
        "public void M() { var q = IgnoreQueryFilters(); }",
        "public void M() { var c = new Customer { Name = \"x\" }; _db.Customers.AddRange(new[] { c, ",
        "public void M() { _db.Customers.AddRange([new Customer { ",
        "public void M() { var list = new System.Collections.Generic.List<Customer>(); list.Add(new Customer(",
        "public void M() { _db.Update(new() { CompanyId",
        "public void M() { _db.AuditEntries.AddRange(new[] { \"a\" }.Select(n => new AuditEntry { Message = ",
        "public override int SaveChanges() { foreach (var e in ChangeTracker.Entries()) e.Property(\"CompanyId\").CurrentValue = ",
        "} public class DraftController { private readonly BookingDbContext _db = null!; public object? M(int companyId) => _db.Companies.Find(companyId, ",
        "} public class DraftController { private readonly BookingDbContext _db = null!; public object M(int companyId) { if (companyId != ",
        "} public class DraftController { private readonly BookingDbContext _db = null!; public object M(Customer c, int companyId) { var cid = companyId; c.CompanyId = cid ?? ",
        "} public class DraftController { private readonly BookingDbContext _db = null!; public object M(int companyId) => _db.AuditEntries.Where(e => e.CompanyId == companyId && e.",
        "public void M(Company? c) { c ??= _db.Companies.OrderBy(x => x.).First",
        "public void M(Company? c) { var x = c != null ? c : _db.Set<>().FirstOrDefault(); }",
        "public async Task M() { var c = await _db.Companies.FirstOrDefaultAsync(",
        "public void M(int id) { var a = _db.AuditEntries.FirstOrDefault(e => e.Id == ",
        "public void M(int id) { var a = _db.Find<AuditEntry>(; }",
        "public void M(int id) { var a = _db.Find(typeof(), id); if (a is { CompanyId: var c } && c == ",
        "public void M(int id) { var a = _db.AuditEntries.Find(id); if (a?.CompanyId == ",
        "public async Task M(int id) { var a = await _db.AuditEntries.FindAsync(new object[] { id, }, ",
    };

    /// <summary>Authorization as it is typed: attributes, role guards, claims, route groups.</summary>
    public static TheoryData<string> HalfTypedAuthorization => new()
    {
        "[Authorize(Roles = ] public int M() => _db.Appointments.IgnoreQueryFilters().Count();",
        "[Authorize(Policy = \"SuperAdminOnly\" public int M() => _db.Appointments.IgnoreQueryFilters().Count();",
        "[Authorize(Roles = \"SuperAdmin,\")] public int M() => _db.Appointments.IgnoreQueryFilters(",
        "public IActionResult M() { if (!User.IsInRole( ) return Forbid(); return Ok(_db.Appointments.IgnoreQueryFilters().Count()); }",
        "public IActionResult M() { if (!User.IsInRole(\"SuperAdmin\")) return Forbid(); return Ok(_db.Appointments.IgnoreQueryFilters(",
        "public IActionResult M() { if (!IsSuperAdmin return Forbid(); return Ok(_db.Appointments.IgnoreQueryFilters().Count()); } private bool IsSuperAdmin => User.IsInRole(",
        "public IActionResult M() { if (!A) return Forbid(); return Ok(_db.Appointments.IgnoreQueryFilters().Count()); } private bool A => B; private bool B => A;",
        "public IActionResult M(int companyId) { if (companyId != int.Parse(User.FindFirstValue(\"company_id\" return Forbid(); return Ok(_db.Companies.Find(companyId)); }",
        "public IActionResult M(int companyId) { if (companyId != User.Claims.First(c => c.Type == ).Value) return Forbid(); return Ok(_db.Companies.Find(companyId)); }",
        "public IActionResult M(int id) { var a = _db.AuditEntries.Find(id); if (a.CompanyId != Tenant()) return Forbid(); return Ok(a); } private int Tenant() => Other(); private int Other() => Tenant();",
        "public IActionResult M(int id) { var a = _db.AuditEntries.Find(User.FindFirstValue(",
        "public static void Map(IEndpointRouteBuilder app) { var g = app.MapGroup(\"/a\").RequireAuthorization(; g.MapGet(\"/\", (BookingDbContext db) => db.Appointments.IgnoreQueryFilters().Count()",
        "public static void Map(RouteGroupBuilder g) { Map(g); g.MapGet(\"/\", (BookingDbContext db) => db.Appointments.IgnoreQueryFilters().Count()); }",
        "public static void Map(IEndpointRouteBuilder app) { app.MapGet(\"/\", Handler).RequireAuthorization(p => p.RequireRole(; } static int Handler(BookingDbContext db) => db.Appointments.IgnoreQueryFilters().Count();",
        "public IActionResult M(bool all) { var q = _db.Appointments.IgnoreQueryFilters(); if (!all) q = q.Where(a => a.CompanyId == ; return Ok(q.ToList()); }",
        "public IActionResult M() { var q = _db.Appointments.IgnoreQueryFilters(); if (!User.IsInRole(\"SuperAdmin\")) q = q.Where(a => a.CompanyId == 1); var r = q.First(",
        "public IActionResult M() { var q = q.Where(a => a.CompanyId == 1); return Ok(q.First(a => a.Id == 1)); }",
    };

    [Theory]
    [MemberData(nameof(HalfTypedAuthorization))]
    public async Task Analyzers_do_not_throw_on_half_typed_authorization(string member)
    {
        var source = $$"""
            using System.Linq;
            using System.Security.Claims;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Routing;
            using Microsoft.EntityFrameworkCore;

            namespace Booking
            {
                public class EditorBufferController : ControllerBase
                {
                    private readonly BookingDbContext _db = null!;
                    {{member}}
            """;

        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (_, exceptions) = await AnalyzerRunner.RunAsync(TestReferences.AspNetCore10, cancellation.Token, source, Prelude.Domain);

        Assert.Empty(exceptions);
    }

    [Theory]
    [MemberData(nameof(HalfTypedMembers))]
    public async Task Analyzers_do_not_throw_on_half_typed_code(string member)
    {
        var source = $$"""
            using System.Linq;
            using Microsoft.EntityFrameworkCore;

            namespace Booking
            {
                public class EditorBuffer
                {
                    private readonly BookingDbContext _db = null!;
                    {{member}}
            """;

        var (_, exceptions) = await AnalyzerRunner.RunAsync(source, Prelude.Domain);

        Assert.Empty(exceptions);
    }

    /// <summary>The model readings of issue 12 on half-typed code: filter loops, stamping, constructors, ABP scopes, Finbuckle.</summary>
    public static TheoryData<string> HalfTypedModelCode => new()
    {
        "public void M(IDataFilter f) { using (f.Disable<IMultiTenant>()) { _db.Customers.Where(",
        "public void M(IDataFilter f) { using (f.Disable<",
        "public void M(IDataFilter f) { using (f.Disable<IMultiTenant>() { var x = _db.Customers.Find(",
        "public void M(IDataFilter f) { using var s = f.Disable<IMultiTenant>(); _db.",
        "public void M(ICurrentTenant t) { using (t.Change(",
        "public void M(ICurrentTenant t) { using (t.Change(null)) { } using (t.Change(default)) _db.Customers.Find(",
        "} public class Loop : Customer { public Loop() : this(1) { } public Loop(int companyId) : this() { } } public class U { void M(BookingDbContext db) { db.Add(new Loop(",
        "} public class Half : Customer { public Half(int companyId) : base( } public class U { void M(BookingDbContext db) => db.Add(new Half(1)); }",
        "} public class Primary(int companyId) : Customer { public int Key => companyId; } public class U { void M(BookingDbContext db) => db.Add(new Primary(",
        "} public class Ctx : DbContext { protected override void OnModelCreating(ModelBuilder b) { foreach (var t in b.Model.GetEntityTypes()) { if (typeof(",
        "} public class Ctx : DbContext { protected override void OnModelCreating(ModelBuilder b) { foreach (var t in b.Model.GetEntityTypes().Where(x => typeof(Customer).IsAssignableFrom(",
        "} public class Ctx : DbContext { protected override void OnModelCreating(ModelBuilder b) { foreach (var t in b.Model.GetEntityTypes()) { if (!typeof(Customer).IsAssignableFrom(t.ClrType)) continue; var p = System.Linq.Expressions.Expression.Parameter(t.ClrType); b.Entity(t.ClrType).HasQueryFilter(System.Linq.Expressions.Expression.Lambda(p",
        "} public class Ctx : DbContext { protected override void OnModelCreating(ModelBuilder b) { b.Entity<Customer>().IsMultiTenant(",
        "} public class Ctx : DbContext { protected override void OnModelCreating(ModelBuilder b) { b.Entity<Customer>().Property<int>(\"CompanyId",
        "} public class Ctx : DbContext { public override int SaveChanges() { foreach (var e in ChangeTracker.Entries()) if (e.Entity is Customer or ) e.Property(\"CompanyId\").CurrentValue = 1;",
        "} public class Ctx : DbContext { public override int SaveChanges() { foreach (var e in ChangeTracker.Entries()) { switch (e.Entity) { case Customer: e.CurrentValues[\"CompanyId\"] = ",
        "public void M(int id) { _db.Attach(new Customer { Id = ",
    };

    [Theory]
    [MemberData(nameof(HalfTypedModelCode))]
    public async Task Model_readings_do_not_throw_on_half_typed_code(string member)
    {
        var source = $$"""
            using System.Linq;
            using Microsoft.EntityFrameworkCore;
            using Finbuckle.MultiTenant.EntityFrameworkCore.Extensions;
            using Volo.Abp.Data;
            using Volo.Abp.MultiTenancy;

            namespace Booking
            {
                public class EditorBuffer
                {
                    private readonly BookingDbContext _db = null!;
                    {{member}}
            """;

        var (_, exceptions) = await AnalyzerRunner.RunAsync(source, Prelude.Domain, FrameworkStubs.Abp, FrameworkStubs.Finbuckle);

        Assert.Empty(exceptions);
    }
}
