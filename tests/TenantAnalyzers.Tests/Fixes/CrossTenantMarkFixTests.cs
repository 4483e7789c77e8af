using TenantAnalyzers.CodeFixes.Fixes;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Fixes;

/// <summary>
/// "Mark as cross-tenant" where a member already carries the attribute, and where the attribute cannot go on the member:
/// it never adds a second attribute (CS0579) nor one where <c>[AttributeUsage]</c> forbids it (CS0592).
/// </summary>
public sealed class CrossTenantMarkFixTests
{
    [Fact]
    public Task Empty_justification_is_filled_in_instead_of_adding_a_second_attribute() =>
        Verify.FixAsync<FilterBypassCodeFixProvider>([new FilterBypassAnalyzer(), new CrossTenantJustificationAnalyzer()], """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class PlatformReports
            {
                [{|TI0100:CrossTenant("")|}]
                public int Bookings(BookingDbContext db) => db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();
            }
        }
        """, """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class PlatformReports
            {
                [{|TI0100:CrossTenant("TODO: justify")|}]
                public int Bookings(BookingDbContext db) => db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();
            }
        }
        """, FilterBypassCodeFixProvider.MarkCrossTenantKey);

    [Fact]
    public Task Placeholder_is_left_for_a_person() => Verify.NoFixAsync<FilterBypassAnalyzer, FilterBypassCodeFixProvider>("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class PlatformReports
            {
                [CrossTenant("TODO: justify")]
                public int Bookings(BookingDbContext db) => db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();
            }
        }
        """, FilterBypassCodeFixProvider.MarkCrossTenantKey);

    [Fact]
    public Task Attribute_not_valid_on_constructors_goes_on_the_class() =>
        Verify.FixAsync<MissingOwnershipCheckCodeFixProvider>([new MissingOwnershipCheckAnalyzer(), new CrossTenantJustificationAnalyzer()], """
        using System;

        namespace Booking
        {
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
            public sealed class PlatformWideAttribute : Attribute
            {
                public PlatformWideAttribute(string reason) => Reason = reason;

                public string Reason { get; }
            }

            public class AuditExport
            {
                private readonly AuditEntry? _first;

                public AuditExport(BookingDbContext db, int id) => _first = db.AuditEntries.{|TI0003:Find(id)|};
            }
        }
        """, """
        using System;

        namespace Booking
        {
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
            public sealed class PlatformWideAttribute : Attribute
            {
                public PlatformWideAttribute(string reason) => Reason = reason;

                public string Reason { get; }
            }

            [{|TI0100:PlatformWide("TODO: justify")|}]
            public class AuditExport
            {
                private readonly AuditEntry? _first;

                public AuditExport(BookingDbContext db, int id) => _first = db.AuditEntries.{|TI0003:Find(id)|};
            }
        }
        """, MissingOwnershipCheckCodeFixProvider.MarkCrossTenantKey, options: "tenant_isolation.bypass_attribute = PlatformWide");
}
