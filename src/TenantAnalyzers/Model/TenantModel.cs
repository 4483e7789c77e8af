using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantAnalyzers.Authorization;
using TenantAnalyzers.Flow;
using TenantAnalyzers.Frameworks;
using TenantAnalyzers.Queries;
using TenantAnalyzers.Scanning;

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
    private readonly Lazy<QueryFilterMap> _filters;
    private readonly Lazy<EntryPoints> _entryPoints;

    private TenantModel(Compilation compilation, TenantOptions options)
    {
        Compilation = compilation;
        Options = options;
        Ef = EfSymbols.Resolve(compilation);
        Frameworks = new FrameworkSymbols(compilation);
        GeneratedCode = new GeneratedCodeFilter(compilation);
        CrossTenantScope = new CrossTenantScope(CrossTenant, new PlatformScope(compilation, options));
        _filters = new Lazy<QueryFilterMap>(() => QueryFilterMap.Discover(this, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        _entryPoints = new Lazy<EntryPoints>(() => new EntryPoints(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Compilation Compilation { get; }

    public TenantOptions Options { get; }

    public EfSymbols Ef { get; }

    /// <summary>Finbuckle.MultiTenant, ABP and ASP.NET Core Identity, by their symbols (null members when absent).</summary>
    public FrameworkSymbols Frameworks { get; }

    public GeneratedCodeFilter GeneratedCode { get; }

    public CrossTenantAttributeReader CrossTenant => new(Options.BypassAttribute);

    /// <summary>Whether code is deliberately cross-tenant, and why (see <see cref="CrossTenantScope"/>).</summary>
    public CrossTenantScope CrossTenantScope { get; }

    public QueryFilterMap Filters => _filters.Value;

    /// <summary>
    /// Where request input enters and who the caller is (<see cref="Flow.EntryPoints"/>): one instance for every rule of
    /// the compilation, so that its framework symbols and its answers per method, type and helper are found once.
    /// </summary>
    public EntryPoints EntryPoints => _entryPoints.Value;

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

        var setName = SetName(SetAccessUnder(call, Options, static (name, options) => !BypassCall.IsCandidateName(name, options)));
        return setName is not null
            && (Options.QueryFilters == QueryFilterMode.All || Filters.IsFilteredDbSet(setName))
            && (Frameworks.Abp is null || !TenantFilterScope.EnclosingOpenings(call).Any());
    }

    /// <summary>
    /// The test for "this query can only load rows that no tenant owns" that binds no member body: the query starts from a
    /// <c>DbSet&lt;T&gt;</c> property of a type no tenant owns (<c>_db.Companies</c>, <c>_db.Countries</c>), read from the
    /// declared type of its receiver (<see cref="ReceiverDeclaration"/>), under operators that keep the element type
    /// (<c>Where</c>, <c>AsNoTracking</c>, <c>OrderBy</c>...). True lets a rule skip binding a key lookup; a projection
    /// (<c>SelectMany(c =&gt; c.Branches)</c>), an unknown call or a receiver whose declaration is not at hand decides nothing.
    /// </summary>
    public bool LoadsOnlyUnownedRows(InvocationExpressionSyntax call, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (SetAccessUnder(call, ElementPreservingOperators, static (name, operators) => operators.Contains(name))
                is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax setName } access
            || ReceiverDeclaration.DeclaredType(access.Expression, semanticModel, cancellationToken) is not { } receiverType)
        {
            return false;
        }

        return FindMember(receiverType, setName.Identifier.ValueText) is IPropertySymbol { Type: INamedTypeSymbol { IsGenericType: true } setType }
            && SymbolEqualityComparer.Default.Equals(setType.OriginalDefinition, Ef.DbSet)
            && !Classify(setType.TypeArguments[0]).IsOwned;
    }

    /// <summary>
    /// The expression a query chain starts from (<c>_db.Customers</c> in <c>_db.Customers.Where(...).First(...)</c>),
    /// when every call below <paramref name="call"/> is named as <paramref name="passes"/> accepts; null otherwise.
    /// </summary>
    private static ExpressionSyntax? SetAccessUnder<TState>(InvocationExpressionSyntax call, TState state, Func<string, TState, bool> passes)
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

        return receiver is MemberAccessExpressionSyntax or IdentifierNameSyntax ? receiver : null;
    }

    private static string? SetName(ExpressionSyntax? setAccess) => setAccess switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The member C# finds by that name on the type: the most derived declaration, then the base types'.</summary>
    private static ISymbol? FindMember(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var members = current.GetMembers(name);
            if (!members.IsEmpty)
            {
                return members.Length == 1 ? members[0] : null;
            }
        }

        return null;
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
        if (key is not null || HasOwnedMarker(type) || IsOwnedByFramework(type))
        {
            return new TenantTypeInfo(TenantTypeKind.Owned, key);
        }

        return TenantTypeInfo.NotTenant;
    }

    /// <summary>
    /// Tenant-owned by a framework's marker or by the model rather than by a key property of its class: ABP's
    /// <c>IMultiTenant</c>, Finbuckle's <c>[MultiTenant]</c> (unless <c>IsNotMultiTenant()</c>), a shadow tenant key or
    /// <c>IsMultiTenant()</c> in the model configuration.
    /// </summary>
    private bool IsOwnedByFramework(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named)
        {
            return false;
        }

        if (Frameworks.Abp?.IsMultiTenant(named) ?? false)
        {
            return true;
        }

        return Filters.IsOwnedByModel(named)
            || ((Frameworks.Finbuckle?.HasMultiTenantAttribute(named) ?? false) && !Filters.OptsOutOfMultiTenancy(named));
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
