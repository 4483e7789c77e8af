using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TenantAnalyzers.Model;

/// <summary>
/// Everything the rules know about tenancy in one compilation: options, EF Core symbols, which types are tenant
/// roots, tenant-owned and tenant-filtered, and the bypass attribute. Built once per compilation and shared by
/// every analyzer of the package; type facts are computed on first use and cached.
/// </summary>
internal sealed class TenantModel
{
    private static readonly ConditionalWeakTable<Compilation, TenantModel> Cache = new();

    /// <summary>LINQ and EF Core operators whose result holds the same entities as their source.</summary>
    private static readonly HashSet<string> ElementPreservingOperators = new(StringComparer.Ordinal)
    {
        "Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Skip", "Take", "Distinct", "Reverse",
        "AsQueryable", "AsEnumerable", "AsAsyncEnumerable", "AsNoTracking", "AsNoTrackingWithIdentityResolution", "AsTracking",
        "AsSplitQuery", "AsSingleQuery", "Include", "ThenInclude", "TagWith", "TagWithCallSite", "IgnoreQueryFilters",
        "IgnoreAutoIncludes",
    };

    private readonly ConcurrentDictionary<ITypeSymbol, TenantTypeInfo> _types = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, bool> _setsOfUnownedTypes = new(StringComparer.Ordinal);
    private readonly Func<string, bool> _isSetOfUnownedTypes;
    private readonly Lazy<QueryFilterMap> _filters;

    private TenantModel(Compilation compilation, TenantOptions options)
    {
        Compilation = compilation;
        Options = options;
        Ef = EfSymbols.Resolve(compilation);
        GeneratedCode = new GeneratedCodeFilter(compilation);
        _isSetOfUnownedTypes = IsSetOfUnownedTypes;
        _filters = new Lazy<QueryFilterMap>(() => QueryFilterMap.Discover(this, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Compilation Compilation { get; }

    public TenantOptions Options { get; }

    public EfSymbols Ef { get; }

    public GeneratedCodeFilter GeneratedCode { get; }

    public CrossTenantAttributeReader CrossTenant => new(Options.BypassAttribute);

    public QueryFilterMap Filters => _filters.Value;

    /// <summary>
    /// False for test projects unless <c>include_tests = true</c>: a cross-tenant query in a test asserts data, it
    /// cannot leak it, and reporting it buries the findings that matter.
    /// </summary>
    public bool ShouldAnalyze => Options.IncludeTests || !IsTestProject(Compilation);

    public static TenantModel For(Compilation compilation, AnalyzerConfigOptionsProvider options) =>
        Cache.GetValue(compilation, c => new TenantModel(c, TenantOptions.Read(options, c)));

    /// <summary>Builds a model outside of the cache (code fixes with a compilation of their own, tests).</summary>
    public static TenantModel Create(Compilation compilation, TenantOptions options) => new(compilation, options);

    public TenantTypeInfo Classify(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface } named
            || named.SpecialType != SpecialType.None)
        {
            return TenantTypeInfo.NotTenant;
        }

        return _types.GetOrAdd(named.OriginalDefinition, ClassifyUncached);
    }

    /// <summary>True when EF Core's global query filters keep <paramref name="type"/> scoped to the current tenant.</summary>
    public bool IsTenantFiltered(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        return Options.QueryFilters switch
        {
            QueryFilterMode.All => Classify(named).IsOwned,
            QueryFilterMode.None => false,
            _ => Filters.IsTenantFiltered(named),
        };
    }

    /// <summary>
    /// The syntax test for "this query keeps its tenant filter": no bypass method in the chain down to a DbSet property
    /// (<c>_db.Customers</c>) that is tenant-filtered. True lets a rule skip binding; false decides nothing.
    /// </summary>
    public bool KeepsTenantFilterBySyntax(InvocationExpressionSyntax call)
    {
        if (Options.QueryFilters == QueryFilterMode.None)
        {
            return false;
        }

        var setName = SetNameUnder(call, Options, static (name, options) => !BypassCall.IsCandidateName(name, options));
        return setName is not null && (Options.QueryFilters == QueryFilterMode.All || Filters.IsFilteredDbSet(setName));
    }

    /// <summary>
    /// The syntax test for "this query can only load rows that no tenant owns": a DbSet property whose every declaration
    /// in source by that name holds a type that is not tenant-owned (<c>_db.Companies</c>, <c>_db.Countries</c>), under
    /// operators that keep the element type (<c>Where</c>, <c>AsNoTracking</c>, <c>OrderBy</c>...). True lets a rule skip
    /// binding a key lookup; a projection (<c>SelectMany(c =&gt; c.Branches)</c>), an unknown call or a name declared
    /// only outside the source decides nothing.
    /// </summary>
    public bool LoadsOnlyUnownedBySyntax(InvocationExpressionSyntax call)
    {
        var setName = SetNameUnder(call, ElementPreservingOperators, static (name, operators) => operators.Contains(name));
        return setName is not null && _setsOfUnownedTypes.GetOrAdd(setName, _isSetOfUnownedTypes);
    }

    /// <summary>
    /// The DbSet property a query chain starts from (<c>Customers</c> in <c>_db.Customers.Where(...).First(...)</c>),
    /// when every call below <paramref name="call"/> is named as <paramref name="passes"/> accepts; null otherwise.
    /// </summary>
    private static string? SetNameUnder<TState>(InvocationExpressionSyntax call, TState state, Func<string, TState, bool> passes)
    {
        var receiver = (call.Expression as MemberAccessExpressionSyntax)?.Expression;
        while (receiver is InvocationExpressionSyntax inner)
        {
            if (SyntaxNames.GetInvokedName(inner) is not { } name || !passes(name, state))
            {
                return null;
            }

            receiver = (inner.Expression as MemberAccessExpressionSyntax)?.Expression;
        }

        return receiver switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>Every member of the source by that name is a <c>DbSet&lt;T&gt;</c> property of a type no tenant owns.</summary>
    private bool IsSetOfUnownedTypes(string name)
    {
        var found = false;
        foreach (var symbol in Compilation.GetSymbolsWithName(name, SymbolFilter.Member))
        {
            if (symbol is not IPropertySymbol { Type: INamedTypeSymbol { IsGenericType: true } type }
                || !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, Ef.DbSet)
                || Classify(type.TypeArguments[0]).IsOwned)
            {
                return false;
            }

            found = true;
        }

        return found;
    }

    /// <summary>
    /// True when a query root name (<c>Companies</c>, <c>Tenants</c>, <c>Company</c>) could be a tenant root's set: it
    /// starts like a tenant root's name (<c>Compan</c>y, <c>Tenant</c>). Unknown (null) counts as possible.
    /// </summary>
    public bool MayBeTenantRootSet(string? queryRootName)
    {
        if (queryRootName is null)
        {
            return true;
        }

        foreach (var root in Options.TenantRoots)
        {
            var simple = root.Substring(root.LastIndexOf('.') + 1);
            var stem = simple.Length > 1 && simple.EndsWith("y", StringComparison.Ordinal) ? simple.Substring(0, simple.Length - 1) : simple;
            if (queryRootName.StartsWith(stem, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsTenantKeyName(string name)
    {
        foreach (var key in Options.TenantKeys)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The tenant key property of <paramref name="type"/> or of one of its base types and interfaces.</summary>
    public IPropertySymbol? FindTenantKey(ITypeSymbol type)
    {
        foreach (var keyName in Options.TenantKeys)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(keyName))
                {
                    if (member is IPropertySymbol { IsStatic: false } property)
                    {
                        return property;
                    }
                }
            }

            foreach (var implemented in type.AllInterfaces)
            {
                foreach (var member in implemented.GetMembers(keyName))
                {
                    if (member is IPropertySymbol { IsStatic: false } property)
                    {
                        return property;
                    }
                }
            }
        }

        return null;
    }

    private static bool IsTestProject(Compilation compilation)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            switch (assembly.Name)
            {
                case "xunit.core":
                case "xunit.v3.core":
                case "nunit.framework":
                case "Microsoft.VisualStudio.TestPlatform.TestFramework":
                case "TUnit.Core":
                    return true;
            }
        }

        return false;
    }

    private TenantTypeInfo ClassifyUncached(ITypeSymbol type)
    {
        if (NameMatcher.MatchesAny(type, Options.TenantRoots))
        {
            return new TenantTypeInfo(TenantTypeKind.Root, null);
        }

        var key = FindTenantKey(type);
        if (key is not null || HasOwnedMarker(type))
        {
            return new TenantTypeInfo(TenantTypeKind.Owned, key);
        }

        return TenantTypeInfo.NotTenant;
    }

    private bool HasOwnedMarker(ITypeSymbol type)
    {
        if (Options.OwnedMarkers.IsEmpty)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (NameMatcher.MatchesAny(implemented, Options.OwnedMarkers))
            {
                return true;
            }
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (!SymbolEqualityComparer.Default.Equals(current, type) && NameMatcher.MatchesAny(current, Options.OwnedMarkers))
            {
                return true;
            }

            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { } attributeClass && NameMatcher.MatchesAttribute(attributeClass, Options.OwnedMarkers))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
