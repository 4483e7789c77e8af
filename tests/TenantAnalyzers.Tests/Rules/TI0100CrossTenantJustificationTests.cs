using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

public sealed class TI0100CrossTenantJustificationTests
{
    private static Task VerifyAsync(string members, string? options = null) => Verify.AnalyzerAsync<CrossTenantJustificationAnalyzer>($$"""
        using System;

        namespace Booking
        {
            public class PlatformReports
            {
        {{members}}
            }
        }
        """, options);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("TODO: justify")]
    [InlineData("todo")]
    [InlineData("TBD")]
    [InlineData("n/a")]
    [InlineData("FIXME later")]
    [InlineData("admin report")]
    public Task Missing_or_placeholder_justification_is_reported(string justification) => VerifyAsync($$"""
                [{|TI0100:CrossTenant("{{justification}}")|}]
                public void Report() { }
        """);

    [Fact]
    public Task Real_justification_is_not_reported() => VerifyAsync("""
                [CrossTenant("Platform operator billing: counts bookings of every company")]
                public void Report() { }

                [CrossTenantAttribute("Nightly export for the data warehouse, runs without a user")]
                public int Export { get; set; }
        """);

    [Fact]
    public Task Placement_on_a_type_and_fully_qualified_names_are_reported() => Verify.AnalyzerAsync<CrossTenantJustificationAnalyzer>("""
        namespace Booking
        {
            [{|TI0100:Booking.CrossTenant("TODO")|}]
            public class Export { }
        }
        """);

    [Fact]
    public Task Message_names_the_member_and_the_problem() => Verify.AnalyzerAsync<CrossTenantJustificationAnalyzer>("""
        namespace Booking
        {
            public class Export
            {
                [{|#0:CrossTenant("")|}]
                public void Run() { }
            }
        }
        """, expected: new Microsoft.CodeAnalysis.Testing.DiagnosticResult("TI0100", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments("CrossTenant", "Export.Run", "an empty justification"));

    [Fact]
    public Task Justification_as_a_named_argument_is_read() => Verify.AnalyzerAsync<CrossTenantJustificationAnalyzer>("""
        using System;

        namespace Shop
        {
            public sealed class AllTenantsAttribute : Attribute
            {
                public string? Justification { get; set; }
            }

            public class Jobs
            {
                [AllTenants(Justification = "Purges expired sessions of every tenant every night")]
                public void Purge() { }

                [{|TI0100:AllTenants|}]
                public void Other() { }
            }
        }
        """, "tenant_isolation.bypass_attribute = AllTenants", prelude: false);

    [Fact]
    public Task Attributes_with_the_same_name_from_elsewhere_are_ignored_when_another_bypass_attribute_is_configured() => VerifyAsync("""
                [CrossTenant("")]
                public void Report() { }
        """, "tenant_isolation.bypass_attribute = AllTenants");
}
