using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TenantAnalyzers.Flow;
using TenantAnalyzers.Model;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Model;

public sealed class TenantOptionsTests
{
    private static TenantOptions Read(string? global = null, string? perTree = null)
    {
        var tree = CSharpSyntaxTree.ParseText("class C { }", path: "/src/C.cs");
        var compilation = CSharpCompilation.Create("Options", [tree]);
        var provider = new ConfigProvider(Parse(global), perTree is null ? null : Parse(perTree));
        return TenantOptions.Read(provider, compilation);
    }

    [Fact]
    public void Defaults_follow_the_contract()
    {
        var options = Read();

        Assert.Equal<string>(["CompanyId", "TenantId"], options.TenantKeys);
        Assert.Equal<string>(["Company", "Tenant"], options.TenantRoots);
        Assert.Empty(options.OwnedMarkers);
        Assert.Equal<string>(["ICompanyContext", "ITenantContext"], options.ContextTypes);
        Assert.Null(options.ContextMember);
        Assert.Equal("CrossTenant", options.BypassAttribute);
        Assert.Equal(QueryFilterMode.Detect, options.QueryFilters);
        Assert.Empty(options.BypassMethods);
        Assert.Null(options.TenantFilterName);
        Assert.Empty(options.EntryPoints);
        Assert.Empty(options.OwnershipGuards);
        Assert.False(options.IncludeTests);
        Assert.Contains("SuperAdmin", options.PlatformRoles);
        Assert.Contains("PlatformAdmin", options.PlatformRoles);
        Assert.DoesNotContain("Admin", options.PlatformRoles);
        Assert.Null(options.PlatformPolicies);
        Assert.Equal<string>(["CompanyId", "TenantId", "Company", "Tenant"], options.TenantClaims);
        Assert.Empty(options.Invalid);
    }

    [Fact]
    public void Every_option_is_read_from_the_global_config()
    {
        var options = Read("""
            tenant_isolation.tenant_key = OrganizationId , AccountId
            tenant_isolation.tenant_root = Organization, Shop.Account
            tenant_isolation.owned_markers = IMustHaveTenant, Shop.TenantOwnedAttribute
            tenant_isolation.context_type = Shop.ISession
            tenant_isolation.context_member = CurrentOrganizationId
            tenant_isolation.bypass_attribute = AllTenantsAttribute
            tenant_isolation.query_filters = ALL
            tenant_isolation.bypass_methods = IgnoreTenantFilter, Shop.QueryExtensions.Unscoped
            tenant_isolation.tenant_filter_name = TenantFilter
            tenant_isolation.entry_points = IAssistantTool, McpServerToolType
            tenant_isolation.ownership_guards = Guard.EnsureOwned
            tenant_isolation.include_tests = True
            tenant_isolation.platform_roles = Super Admin, platform_operator
            tenant_isolation.platform_policies = Backoffice
            tenant_isolation.tenant_claims = org, http://schemas.example.com/claims/org-id
            """);

        Assert.Equal<string>(["OrganizationId", "AccountId"], options.TenantKeys);
        Assert.Equal<string>(["Organization", "Shop.Account"], options.TenantRoots);
        Assert.Equal<string>(["IMustHaveTenant", "Shop.TenantOwnedAttribute"], options.OwnedMarkers);
        Assert.Equal<string>(["Shop.ISession"], options.ContextTypes);
        Assert.Equal("CurrentOrganizationId", options.ContextMember);
        Assert.Equal("AllTenants", options.BypassAttribute);
        Assert.Equal(QueryFilterMode.All, options.QueryFilters);
        Assert.Equal<string>(["IgnoreTenantFilter", "Shop.QueryExtensions.Unscoped"], options.BypassMethods);
        Assert.Equal<string>(["IgnoreTenantFilter", "Unscoped"], options.BypassMethodNames.OrderBy(n => n));
        Assert.Equal("TenantFilter", options.TenantFilterName);
        Assert.Equal<string>(["IAssistantTool", "McpServerToolType"], options.EntryPoints);
        Assert.Equal<string>(["Guard.EnsureOwned"], options.OwnershipGuards);
        Assert.True(options.IncludeTests);
        Assert.Equal<string>(["Super Admin", "platform_operator"], options.PlatformRoles);
        Assert.Equal<string>(["Backoffice"], options.PlatformPolicies!.Value);
        Assert.Equal<string>(["org", "http://schemas.example.com/claims/org-id"], options.TenantClaims);
        Assert.Empty(options.Invalid);
    }

    [Fact]
    public void Tenant_claims_follow_a_configured_tenant_key_and_root()
    {
        var options = Read("tenant_isolation.tenant_key = OrganizationId\ntenant_isolation.tenant_root = Shop.Organization");

        Assert.Equal<string>(["OrganizationId", "Organization"], options.TenantClaims);
    }

    [Fact]
    public void Empty_platform_and_claim_lists_turn_the_concepts_off()
    {
        var options = Read("tenant_isolation.platform_roles =\ntenant_isolation.platform_policies =\ntenant_isolation.tenant_claims =");

        Assert.Empty(options.PlatformRoles);
        Assert.Empty(options.PlatformPolicies!.Value);
        Assert.Empty(options.TenantClaims);
        Assert.Empty(options.Invalid);
    }

    [Fact]
    public void Editorconfig_values_apply_when_the_global_config_does_not_set_the_key()
    {
        var options = Read(
            global: "tenant_isolation.tenant_key = OrganizationId",
            perTree: "tenant_isolation.tenant_key = Ignored\ntenant_isolation.query_filters = none");

        Assert.Equal<string>(["OrganizationId"], options.TenantKeys);
        Assert.Equal(QueryFilterMode.None, options.QueryFilters);
    }

    [Theory]
    [InlineData("tenant_isolation.tenant_key", "Company-Id")]
    [InlineData("tenant_isolation.tenant_key", " , ")]
    [InlineData("tenant_isolation.tenant_key", "Shop.CompanyId")]
    [InlineData("tenant_isolation.query_filters", "sometimes")]
    [InlineData("tenant_isolation.tenant_root", "Company<int>")]
    [InlineData("tenant_isolation.context_type", "")]
    [InlineData("tenant_isolation.context_member", "Company Id")]
    [InlineData("tenant_isolation.bypass_attribute", "[CrossTenant]")]
    [InlineData("tenant_isolation.bypass_methods", "Ignore()")]
    [InlineData("tenant_isolation.tenant_filter_name", "Tenant, SoftDelete")]
    [InlineData("tenant_isolation.entry_points", "1Tool")]
    [InlineData("tenant_isolation.include_tests", "yes")]
    [InlineData("tenant_isolation.platform_roles", "SuperAdmin; Admin")]
    [InlineData("tenant_isolation.platform_policies", "\"SuperAdminOnly\"")]
    [InlineData("tenant_isolation.tenant_claims", "tenant_id, [company]")]
    public void Invalid_values_fall_back_to_the_default_and_are_recorded(string key, string value)
    {
        var options = Read($"{key} = {value}");

        var invalid = Assert.Single(options.Invalid);
        Assert.Equal(key, invalid.Key);
        Assert.Equal(value.Trim(), invalid.Value.Trim());
        Assert.Equal(TenantOptions.Default.TenantKeys, options.TenantKeys);
        Assert.Equal(TenantOptions.Default.QueryFilters, options.QueryFilters);
        Assert.Equal(TenantOptions.Default.BypassAttribute, options.BypassAttribute);
    }

    [Fact]
    public Task TI9000_names_the_key_and_the_value_once_per_compilation() => Verify.AnalyzerAsync<TenantOptionsAnalyzer>(
        "namespace Booking { public class Empty { } }",
        "tenant_isolation.query_filters = sometimes\ntenant_isolation.tenant_key = Company-Id",
        expected:
        [
            new DiagnosticResult("TI9000", DiagnosticSeverity.Warning).WithArguments("tenant_isolation.tenant_key", "Company-Id", "'Company-Id' is not a property name"),
            new DiagnosticResult("TI9000", DiagnosticSeverity.Warning).WithArguments("tenant_isolation.query_filters", "sometimes", "expected detect, all or none"),
        ]);

    [Fact]
    public Task Valid_options_produce_no_TI9000() => Verify.AnalyzerAsync<TenantOptionsAnalyzer>(
        "namespace Booking { public class Empty { } }",
        "tenant_isolation.query_filters = all\ntenant_isolation.tenant_key = CompanyId");

    [Fact]
    public Task Invalid_option_does_not_stop_the_rules() => Verify.AnalyzerAsync<FilterBypassAnalyzer>("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            public class Reports
            {
                public int All(BookingDbContext db) => db.Appointments.{|TI0001:IgnoreQueryFilters()|}.Count();
            }
        }
        """, "tenant_isolation.query_filters = sometimes");

    private static ImmutableDictionary<string, string> Parse(string? text)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var line in (text ?? "").Split('\n'))
        {
            var equals = line.IndexOf('=');
            if (equals > 0)
            {
                builder[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return builder.ToImmutable();
    }

    private sealed class ConfigProvider(ImmutableDictionary<string, string> global, ImmutableDictionary<string, string>? perTree) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(perTree ?? ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(ImmutableDictionary<string, string>.Empty);

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
