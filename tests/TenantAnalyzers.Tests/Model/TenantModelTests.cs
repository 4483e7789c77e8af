using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TenantAnalyzers.Model;
using TenantAnalyzers.Queries;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Model;

public sealed class TenantModelTests
{
    private static async Task<(TenantModel Model, Compilation Compilation)> BuildAsync(string source, TenantOptions? options = null)
    {
        var references = await TestReferences.EfCore10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "Model",
            [CSharpSyntaxTree.ParseText(source), CSharpSyntaxTree.ParseText(Prelude.Domain)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return (TenantModel.Create(compilation, options ?? TenantOptions.Default), compilation);
    }

    private static INamedTypeSymbol Type(Compilation compilation, string name) => compilation.GetTypeByMetadataName(name)!;

    [Fact]
    public async Task Classifies_roots_owned_and_unrelated_types()
    {
        var (model, compilation) = await BuildAsync("""
            namespace Booking
            {
                public interface IHasCompany { int CompanyId { get; } }
                public abstract class CompanyEntity { public int CompanyId { get; set; } }
                public class Invoice : CompanyEntity { }
                public class Voucher : IHasCompany { int IHasCompany.CompanyId => 0; }
                public class Tenant { public int Id { get; set; } }
            }
            """);

        Assert.Equal(TenantTypeKind.Root, model.Classify(Type(compilation, "Booking.Company")).Kind);
        Assert.Equal(TenantTypeKind.Root, model.Classify(Type(compilation, "Booking.Tenant")).Kind);
        Assert.Equal(TenantTypeKind.Owned, model.Classify(Type(compilation, "Booking.Branch")).Kind);
        Assert.Equal("CompanyId", model.Classify(Type(compilation, "Booking.Invoice")).TenantKey?.Name);
        Assert.Equal(TenantTypeKind.Owned, model.Classify(Type(compilation, "Booking.Voucher")).Kind);
        Assert.Equal(TenantTypeKind.None, model.Classify(Type(compilation, "Booking.Country")).Kind);
        Assert.Equal(TenantTypeKind.None, model.Classify(compilation.GetSpecialType(SpecialType.System_String)).Kind);
    }

    [Fact]
    public async Task Detects_filtered_entities_from_OnModelCreating()
    {
        var (model, compilation) = await BuildAsync("namespace Booking { }");

        Assert.True(model.IsTenantFiltered(Type(compilation, "Booking.Branch")));
        Assert.True(model.IsTenantFiltered(Type(compilation, "Booking.Customer")));
        Assert.True(model.IsTenantFiltered(Type(compilation, "Booking.Appointment")));
        Assert.False(model.IsTenantFiltered(Type(compilation, "Booking.AuditEntry")));
        Assert.False(model.IsTenantFiltered(Type(compilation, "Booking.Country")));
        Assert.True(model.Filters.DeclaresModelConfiguration);
    }

    [Fact]
    public async Task Tenant_root_and_marker_options_change_the_classification()
    {
        var (model, compilation) = await BuildAsync("""
            namespace Shop
            {
                public interface IMustHaveTenant { }
                public class Organization { public int Id { get; set; } }
                public class Coupon : IMustHaveTenant { public int Id { get; set; } }
            }
            """, Read("tenant_isolation.tenant_root = Shop.Organization\ntenant_isolation.owned_markers = IMustHaveTenant"));

        Assert.True(model.Classify(Type(compilation, "Shop.Organization")).IsRoot);
        Assert.False(model.Classify(Type(compilation, "Booking.Company")).IsRoot);
        Assert.True(model.Classify(Type(compilation, "Shop.Coupon")).IsOwned);
        Assert.Null(model.Classify(Type(compilation, "Shop.Coupon")).TenantKey);
    }

    [Fact]
    public async Task Derived_entities_inherit_the_filter_of_their_base()
    {
        var (model, compilation) = await BuildAsync("""
            namespace Booking
            {
                public class VipCustomer : Customer { }
            }
            """);

        Assert.True(model.IsTenantFiltered(Type(compilation, "Booking.VipCustomer")));
    }

    [Fact]
    public async Task Filter_discovery_is_reused_by_compilations_that_share_the_configuration_and_redone_after_an_edit()
    {
        var (first, compilation) = await BuildAsync("namespace Booking { public class Note { public int CompanyId { get; set; } } }");
        var firstFacts = QueryFilterDiscovery.Run(first, CancellationToken.None);

        // The IDE analyses each document on a copy of the compilation: same trees, new Compilation object.
        var sameTrees = TenantModel.Create(compilation.WithAssemblyName("Copy"), TenantOptions.Default);
        Assert.Same(firstFacts, QueryFilterDiscovery.Run(sameTrees, CancellationToken.None));

        // A new file elsewhere keeps the model configuration's trees: the facts are still reused.
        var copy = TenantModel.Create(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Booking { public class Unrelated { } }")), TenantOptions.Default);
        Assert.Same(firstFacts, QueryFilterDiscovery.Run(copy, CancellationToken.None));

        // An edit of the DbContext's file replaces its tree: the facts are discovered again from the new text.
        var preludeTree = compilation.SyntaxTrees.Single(t => t.ToString().Contains("OnModelCreating", StringComparison.Ordinal));
        var edited = preludeTree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            preludeTree.ToString().Replace("modelBuilder.Entity<Branch>().HasQueryFilter(b => b.CompanyId == _companyContext.CompanyId);", "", StringComparison.Ordinal)));
        var editedModel = TenantModel.Create(compilation.ReplaceSyntaxTree(preludeTree, edited), TenantOptions.Default);

        Assert.NotSame(firstFacts, QueryFilterDiscovery.Run(editedModel, CancellationToken.None));
        Assert.True(first.IsTenantFiltered(Type(compilation, "Booking.Branch")));
        Assert.False(editedModel.IsTenantFiltered(Type(editedModel.Compilation, "Booking.Branch")));
        Assert.True(editedModel.IsTenantFiltered(Type(editedModel.Compilation, "Booking.Customer")));
    }

    private static TenantOptions Read(string globalConfig)
    {
        var tree = CSharpSyntaxTree.ParseText("class C { }");
        var values = globalConfig.Split('\n').Select(l => l.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        return TenantOptions.Read(new DictionaryOptions(values), CSharpCompilation.Create("x", [tree]));
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
    {
        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions { get; } = new Values(values);

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values([]);

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values([]);

        private sealed class Values(Dictionary<string, string> values) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
