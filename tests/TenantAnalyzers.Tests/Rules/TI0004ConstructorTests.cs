using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

/// <summary>
/// TI0004 against DDD aggregates that take their tenant key through constructors: the constructor is read in source,
/// through <c>: base(...)</c> and <c>: this(...)</c>, to find the parameter it assigns to the key.
/// </summary>
public sealed class TI0004ConstructorTests
{
    internal const string Domain = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Rentals
        {
            public interface ITenantContext { Guid TenantId { get; } }

            public static class Guard
            {
                public static Guid NotEmpty(Guid value) => value == Guid.Empty ? throw new ArgumentException("empty") : value;
            }

            public abstract class AggregateRoot
            {
                public Guid Id { get; protected set; } = Guid.NewGuid();
            }

            public abstract class TenantAggregate : AggregateRoot
            {
                protected TenantAggregate()
                {
                }

                protected TenantAggregate(Guid tenantId) => TenantId = Guard.NotEmpty(tenantId);

                public Guid TenantId { get; private set; }
            }

            public sealed class Reservation : TenantAggregate
            {
                private Reservation()
                {
                }

                public Reservation(Guid tenantId, Guid unitId, DateOnly from)
                    : base(tenantId)
                {
                    UnitId = unitId;
                    From = from;
                }

                public Reservation(Guid unitId)
                    : this(Guid.Empty, unitId, DateOnly.MinValue)
                {
                }

                public Guid UnitId { get; private set; }
                public DateOnly From { get; private set; }
            }

            public sealed class Unit
            {
                public Unit(Guid owner, string name)
                {
                    TenantId = owner;
                    Name = name;
                }

                public Guid Id { get; set; }
                public Guid TenantId { get; private set; }
                public string Name { get; private set; }
            }

            public sealed class Guest
            {
                public Guest(Guid tenantId, string name) => Name = name;

                public Guid Id { get; set; }
                public Guid TenantId { get; set; }
                public string Name { get; set; }
            }

            public sealed class Payment
            {
                private Guid _tenantId;

                public Payment(Guid tenant, decimal amount)
                {
                    AssignTenant(tenant);
                    Amount = amount;
                }

                public Guid Id { get; set; }
                public Guid TenantId => _tenantId;
                public decimal Amount { get; private set; }

                private void AssignTenant(Guid tenant) => _tenantId = tenant;
            }

            public sealed class Review(Guid tenantId, string text)
            {
                public Guid Id { get; set; }
                public Guid TenantId { get; } = tenantId;
                public string Text { get; } = text;
            }

            public sealed class Coupon(Guid tenantId, string code)
            {
                public Guid Id { get; set; }
                public Guid TenantId => tenantId;
                public string Code => code;
            }

            public sealed record LedgerOpened(Guid TenantId, string Name);

            public sealed class Ledger : AggregateRoot
            {
                public Ledger(Guid tenantId, string name) => Apply(new LedgerOpened(tenantId, name));

                public Guid TenantId { get; private set; }
                public string Name { get; private set; } = "";

                private void Apply(LedgerOpened opened)
                {
                    TenantId = opened.TenantId;
                    Name = opened.Name;
                }
            }

            public sealed record Invoice(Guid TenantId, decimal Amount)
            {
                public Guid Id { get; init; }
            }

            public sealed class Amenity : TenantAggregate
            {
                public Amenity(string name) => Name = name;

                public string Name { get; }
            }

            public class RentalsDbContext : DbContext
            {
            }
        }
        """;

    private static Task VerifyAsync(string usage) =>
        Verify.AnalyzerAsync<TenantKeyNotForcedAnalyzer>(Domain + "\n" + usage, prelude: false);

    [Fact]
    public Task Key_passed_to_a_constructor_that_assigns_it_is_set() => VerifyAsync("""
        namespace Rentals
        {
            public class Bookings
            {
                private readonly RentalsDbContext _db;
                private readonly ITenantContext _tenant;

                public Bookings(RentalsDbContext db, ITenantContext tenant)
                {
                    _db = db;
                    _tenant = tenant;
                }

                public async Task Book(Guid unitId, DateOnly from, string name, decimal amount, string text)
                {
                    _db.Add(new Reservation(_tenant.TenantId, unitId, from));
                    _db.Add(new Unit(_tenant.TenantId, name));
                    _db.Add(new Payment(_tenant.TenantId, amount));
                    _db.Add(new Review(_tenant.TenantId, text));
                    _db.Add(new Invoice(_tenant.TenantId, amount));
                    _db.Add(new Coupon(_tenant.TenantId, text));
                    _db.Add(new Ledger(_tenant.TenantId, name));
                    await _db.SaveChangesAsync();
                }
            }
        }
        """);

    [Fact]
    public Task Constructor_that_never_sets_the_key_or_gets_none_is_reported() => VerifyAsync("""
        namespace Rentals
        {
            public class Bookings
            {
                private readonly RentalsDbContext _db;
                private readonly ITenantContext _tenant;

                public Bookings(RentalsDbContext db, ITenantContext tenant)
                {
                    _db = db;
                    _tenant = tenant;
                }

                public async Task Book(Guid unitId, string name)
                {
                    _db.Add({|TI0004:new Guest(_tenant.TenantId, name)|});
                    _db.Add({|TI0004:new Reservation(default, unitId, DateOnly.MinValue)|});
                    _db.Add({|TI0004:new Amenity(name)|});
                    await _db.SaveChangesAsync();
                }
            }
        }
        """);

    [Fact]
    public Task Chained_constructor_that_passes_an_empty_key_is_reported_and_one_that_copies_a_key_is_not() => VerifyAsync("""
        namespace Rentals
        {
            public class Bookings
            {
                private readonly RentalsDbContext _db;
                public Bookings(RentalsDbContext db) => _db = db;

                public void Hold(Guid unitId) => _db.Add({|TI0004:new Reservation(unitId)|});

                public void Copy(Reservation source) => _db.Add(new Reservation(source.TenantId, source.UnitId, source.From));
            }
        }
        """);

    [Fact]
    public Task Key_argument_from_request_input_is_TI0005() => Verify.AnalyzerAsync<TenantIdFromInputAnalyzer>(Domain + "\n" + """
        namespace Rentals
        {
            public class ReserveRequest
            {
                public Guid TenantId { get; set; }
                public Guid UnitId { get; set; }
            }

            [Microsoft.AspNetCore.Mvc.ApiController]
            public class ReservationsController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                private readonly RentalsDbContext _db;
                private readonly ITenantContext _tenant;

                public ReservationsController(RentalsDbContext db, ITenantContext tenant)
                {
                    _db = db;
                    _tenant = tenant;
                }

                public void FromBody(ReserveRequest request) => _db.Add(new Reservation({|TI0005:request.TenantId|}, request.UnitId, DateOnly.MinValue));

                public void FromRoute(Guid tenantId, string name) => _db.Add(new Unit({|TI0005:tenantId|}, name));

                public void FromContext(ReserveRequest request) => _db.Add(new Reservation(_tenant.TenantId, request.UnitId, DateOnly.MinValue));

                public void Ignored(Guid tenantId, string name) => _db.Add(new Guest(tenantId, name));

                public void NotTheKey(ReserveRequest request, string name) => _db.Add(new Unit(_tenant.TenantId, request.UnitId.ToString()));
            }
        }
        """, prelude: false, references: TestReferences.AspNetCore10);
}
