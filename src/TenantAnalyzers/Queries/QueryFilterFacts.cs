using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Queries;

/// <summary>
/// What the model configuration says about tenant filters, by metadata name rather than by symbol, so that one
/// discovery serves every compilation that shares the configuration's syntax trees. The IDE analyses each document
/// on its own copy of the compilation; without this, every request would bind <c>OnModelCreating</c> again.
/// </summary>
internal sealed class QueryFilterFacts
{
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<QueryFilterFacts?>> Cache = new();

    /// <summary>
    /// The facts last used by a compilation with exactly these trees, keyed by its first tree: the IDE analyses every
    /// document of a snapshot on a new copy of the same compilation, and this answers those copies without even a
    /// name lookup. An edit changes the tree list and falls back to <see cref="FromCache"/>.
    /// </summary>
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<Snapshot?>> Snapshots = new();

    public QueryFilterFacts(string optionsKey, ImmutableArray<SyntaxTree> entryTrees)
    {
        OptionsKey = optionsKey;
        EntryTrees = entryTrees;
    }

    /// <summary>Types filtered by a tenant filter declared for them (or for a base class): metadata names.</summary>
    public HashSet<string> FilteredTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The types a tenant filter covers without naming them: a generic helper's constraints, a loop's type tests
    /// (<see cref="FilterCoverage"/>). A tenant-owned type that derives from or implements every type of one covering is
    /// filtered; an empty covering admits every tenant-owned type.
    /// </summary>
    public List<Covering> Coverings { get; } = new();

    /// <summary>Types the model gives a tenant key the CLR type may not have: a shadow <c>TenantId</c>, Finbuckle's <c>IsMultiTenant()</c>.</summary>
    public HashSet<string> OwnedTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Types configured with Finbuckle's <c>IsMultiTenant()</c>: tenant-owned and tenant-filtered by the library.</summary>
    public HashSet<string> MultiTenantTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Types configured with Finbuckle's <c>IsNotMultiTenant()</c>: the library neither owns nor filters them.</summary>
    public HashSet<string> NotMultiTenantTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Names of EF Core 10 named filters that scope by the tenant key.</summary>
    public HashSet<string> TenantFilterNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>DbSet&lt;T&gt;</c> properties of the configured DbContexts: property name → metadata names of <c>T</c>.</summary>
    public Dictionary<string, List<string>> DbSets { get; } = new(StringComparer.Ordinal);

    /// <summary>Every tenant-owned type is filtered: a loop without a type test, or configuration we cannot see.</summary>
    public bool CoversAllOwned { get; set; }

    /// <summary>
    /// The compilation declares the application's model: an <c>OnModelCreating</c>, an entity type configuration, or a
    /// DbContext of its own. False only when the DbContext lives in a referenced project.
    /// </summary>
    public bool DeclaresModelConfiguration { get; set; }

    /// <summary>The trees of the configuration methods found by name (<c>OnModelCreating</c>, <c>Configure</c>).</summary>
    public ImmutableArray<SyntaxTree> EntryTrees { get; }

    /// <summary>Every tree the discovery read; an edit to any of them invalidates the facts.</summary>
    public List<SyntaxTree> VisitedTrees { get; } = new();

    private string OptionsKey { get; }

    /// <summary>The options that change what discovery concludes: which names are tenant keys.</summary>
    public static string KeyOf(TenantOptions options) => string.Join(",", options.TenantKeys);

    public static QueryFilterFacts? FromCache(Compilation compilation, ImmutableArray<SyntaxTree> entryTrees, string optionsKey)
    {
        if (entryTrees.IsEmpty || !Cache.TryGetValue(entryTrees[0], out var box) || box.Value is not { } cached)
        {
            return null;
        }

        var valid = cached.OptionsKey == optionsKey
            && cached.EntryTrees.SequenceEqual(entryTrees)
            && cached.VisitedTrees.All(compilation.ContainsSyntaxTree);
        return valid ? cached : null;
    }

    public static QueryFilterFacts? FromSnapshot(Compilation compilation, string optionsKey)
    {
        var trees = TreesOf(compilation);
        if (trees.IsEmpty || !Snapshots.TryGetValue(trees[0], out var box) || box.Value is not { } snapshot)
        {
            return null;
        }

        return snapshot.OptionsKey == optionsKey && snapshot.Trees.SequenceEqual(trees) ? snapshot.Facts : null;
    }

    public static void RememberSnapshot(Compilation compilation, string optionsKey, QueryFilterFacts facts)
    {
        var trees = TreesOf(compilation);
        if (!trees.IsEmpty)
        {
            Snapshots.GetValue(trees[0], _ => new StrongBox<Snapshot?>()).Value = new Snapshot(trees, optionsKey, facts);
        }
    }

    private static ImmutableArray<SyntaxTree> TreesOf(Compilation compilation) =>
        compilation is CSharpCompilation csharp ? csharp.SyntaxTrees : compilation.SyntaxTrees.ToImmutableArray();

    public void Store()
    {
        if (!EntryTrees.IsEmpty)
        {
            Cache.GetValue(EntryTrees[0], _ => new StrongBox<QueryFilterFacts?>()).Value = this;
        }
    }

    /// <summary>The name <c>GetTypeByMetadataName</c> takes: <c>Shop.Order</c>, <c>Shop.Outer+Inner</c>, <c>Shop.Box`1</c>.</summary>
    public static string MetadataNameOf(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return type.Name;
        }

        if (named.ContainingType is { } outer)
        {
            return MetadataNameOf(outer) + "+" + named.MetadataName;
        }

        return named.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + named.MetadataName : named.MetadataName;
    }

    /// <summary>One covering of a tenant filter: the types an entity must derive from or implement, all of them.</summary>
    public sealed class Covering
    {
        public Covering(IReadOnlyList<string> allOf, bool owns)
        {
            AllOf = allOf;
            Owns = owns;
        }

        /// <summary>Metadata names of the required base types and interfaces; empty: any tenant-owned type.</summary>
        public IReadOnlyList<string> AllOf { get; }

        /// <summary>True when the covering also makes its types tenant-owned (Finbuckle's <c>IsMultiTenant()</c> adds the key).</summary>
        public bool Owns { get; }
    }

    private sealed class Snapshot
    {
        public Snapshot(ImmutableArray<SyntaxTree> trees, string optionsKey, QueryFilterFacts facts)
        {
            Trees = trees;
            OptionsKey = optionsKey;
            Facts = facts;
        }

        public ImmutableArray<SyntaxTree> Trees { get; }

        public string OptionsKey { get; }

        public QueryFilterFacts Facts { get; }
    }
}
