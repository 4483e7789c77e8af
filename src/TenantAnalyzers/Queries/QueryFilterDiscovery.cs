using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Frameworks;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Queries;

/// <summary>
/// Reads the compilation's model configuration for tenant filters: <c>OnModelCreating</c> overrides and
/// <c>IEntityTypeConfiguration&lt;T&gt;.Configure</c> implementations, found by name through the declaration index, the
/// DbContext's generic helpers (often invoked through reflection), and the methods of this compilation they hand the
/// model builder to. Nothing outside the model configuration is read, and the result is reused by every compilation
/// that shares these syntax trees (<see cref="QueryFilterFacts"/>).
/// </summary>
internal sealed class QueryFilterDiscovery
{
    private const int MaxMethods = 512;

    /// <summary>ModelBuilder's own configuration API: calls on the builder that never hand it to other code.</summary>
    /// <summary>Per tree, the classes that may be a DbContext by their syntax (<see cref="DeclaresAppDbContext"/>).</summary>
    private static readonly ConditionalWeakTable<SyntaxTree, string[]> DbContextCandidates = new();

    private static readonly HashSet<string> ModelBuilderApi = new(StringComparer.Ordinal)
    {
        "Entity", "Ignore", "Owned", "HasAnnotation", "HasDefaultSchema", "HasSequence", "HasDbFunction", "UseCollation",
        "ApplyConfiguration", "ApplyConfigurationsFromAssembly", "HasChangeTrackingStrategy", "UsePropertyAccessMode",
        "SharedTypeEntity", "ComplexType",
    };

    private readonly QueryFilterFacts _facts;
    private readonly TenantModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly Queue<IMethodSymbol> _pending = new();
    private readonly HashSet<IMethodSymbol> _seen = new(SymbolEqualityComparer.Default);

    private QueryFilterDiscovery(QueryFilterFacts facts, TenantModel model, CancellationToken cancellationToken)
    {
        _facts = facts;
        _model = model;
        _cancellationToken = cancellationToken;
    }

    public static QueryFilterFacts Run(TenantModel model, CancellationToken cancellationToken)
    {
        var optionsKey = QueryFilterFacts.KeyOf(model.Options);
        if (model.Ef.DbContext is null)
        {
            return new QueryFilterFacts(optionsKey, ImmutableArray<SyntaxTree>.Empty);
        }

        if (QueryFilterFacts.FromSnapshot(model.Compilation, optionsKey) is { } sameSnapshot)
        {
            return sameSnapshot;
        }

        var facts = FindOrDiscover(model, optionsKey, cancellationToken);
        QueryFilterFacts.RememberSnapshot(model.Compilation, optionsKey, facts);
        return facts;
    }

    private static QueryFilterFacts FindOrDiscover(TenantModel model, string optionsKey, CancellationToken cancellationToken)
    {
        var entries = FindEntryMethods(model, cancellationToken);
        var entryTrees = entries
            .SelectMany(m => m.DeclaringSyntaxReferences.Select(r => r.SyntaxTree))
            .Distinct()
            .OrderBy(t => t.FilePath, StringComparer.Ordinal)
            .ToImmutableArray();
        if (QueryFilterFacts.FromCache(model.Compilation, entryTrees, optionsKey) is { } cached)
        {
            return cached;
        }

        var facts = new QueryFilterFacts(optionsKey, entryTrees)
        {
            DeclaresModelConfiguration = entries.Count > 0 || DeclaresAppDbContext(model, cancellationToken),
        };
        var discovery = new QueryFilterDiscovery(facts, model, cancellationToken);
        foreach (var entry in entries)
        {
            discovery.Enqueue(entry);
            if (entry.Name == "OnModelCreating")
            {
                foreach (var sibling in entry.ContainingType.GetMembers())
                {
                    if (sibling is IMethodSymbol { IsGenericMethod: true } helper)
                    {
                        discovery.Enqueue(helper);
                    }
                    else if (sibling is IPropertySymbol { Type: INamedTypeSymbol { IsGenericType: true } setType } set
                        && SymbolEqualityComparer.Default.Equals(setType.OriginalDefinition, model.Ef.DbSet))
                    {
                        discovery.RecordDbSet(set.Name, setType.TypeArguments[0]);
                    }
                }
            }
        }

        discovery.VisitPending();
        if (!facts.DeclaresModelConfiguration)
        {
            // The DbContext lives in a referenced project: its filters cannot be seen, assume they are there. A DbContext
            // declared here without a tenant filter is no such case: its types are unfiltered.
            facts.CoversAllOwned = true;
        }

        facts.Store();
        return facts;
    }

    private void RecordDbSet(string propertyName, ITypeSymbol entity)
    {
        if (!_facts.DbSets.TryGetValue(propertyName, out var entities))
        {
            entities = new List<string>();
            _facts.DbSets.Add(propertyName, entities);
        }

        entities.Add(QueryFilterFacts.MetadataNameOf(entity.OriginalDefinition));
    }

    private static List<IMethodSymbol> FindEntryMethods(TenantModel model, CancellationToken cancellationToken)
    {
        var entries = new List<IMethodSymbol>();
        foreach (var symbol in model.Compilation.GetSymbolsWithName("OnModelCreating", SymbolFilter.Member, cancellationToken))
        {
            if (symbol is IMethodSymbol { IsOverride: true } method && DerivesFrom(method.ContainingType, model.Ef.DbContext!))
            {
                entries.Add(method);
            }
        }

        if (model.Ef.EntityTypeConfiguration is { } configuration)
        {
            foreach (var symbol in model.Compilation.GetSymbolsWithName("Configure", SymbolFilter.Member, cancellationToken))
            {
                if (symbol is IMethodSymbol method
                    && method.ContainingType.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, configuration)))
                {
                    entries.Add(method);
                }
            }
        }

        return entries;
    }

    /// <summary>
    /// A class of this compilation, outside the frameworks' own namespaces, that derives from <c>DbContext</c> (also through
    /// <c>IdentityDbContext</c>, Finbuckle's <c>MultiTenantDbContext</c> or ABP's <c>AbpDbContext</c>). Asked only when no
    /// model configuration was found by name. The candidates are read from syntax, per tree and cached with it so that an
    /// edit re-reads one file: a class named <c>...Context</c>, or whose base class is (a chain to <c>DbContext</c> passes
    /// through a class whose base is named so). Only the candidates are bound.
    /// </summary>
    private static bool DeclaresAppDbContext(TenantModel model, CancellationToken cancellationToken)
    {
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            candidates.UnionWith(DbContextCandidates.GetValue(tree, t => ReadDbContextCandidates(t, cancellationToken)));
        }

        if (candidates.Count == 0)
        {
            return false;
        }

        foreach (var symbol in model.Compilation.GetSymbolsWithName(candidates.Contains, SymbolFilter.Type, cancellationToken))
        {
            if (symbol is INamedTypeSymbol { TypeKind: TypeKind.Class } type
                && !IsFrameworkNamespace(type)
                && DerivesFrom(type, model.Ef.DbContext!))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] ReadDbContextCandidates(SyntaxTree tree, CancellationToken cancellationToken)
    {
        List<string>? names = null;
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is ClassDeclarationSyntax { BaseList.Types.Count: > 0 } type
                && (type.Identifier.ValueText.EndsWith("Context", StringComparison.Ordinal)
                    || SimpleName(type.BaseList.Types[0].Type)?.IndexOf("Context", StringComparison.Ordinal) >= 0))
            {
                (names ??= new List<string>()).Add(type.Identifier.ValueText);
            }
        }

        return names?.ToArray() ?? Array.Empty<string>();
    }

    private static string? SimpleName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static bool IsFrameworkNamespace(INamedTypeSymbol type) =>
        FrameworkApi.Declares(type)
        || FrameworkAssemblies.IsDeclaredUnder(type, FinbuckleApi.RootNamespace)
        || FrameworkAssemblies.IsDeclaredUnder(type, AbpApi.RootNamespace);

    private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type?.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private void Enqueue(IMethodSymbol method)
    {
        if (IsInThisCompilation(method) && _seen.Add(method.OriginalDefinition))
        {
            _pending.Enqueue(method.OriginalDefinition);
        }
    }

    /// <summary>Source of this compilation; a project reference's symbols have syntax too, but not ours to bind.</summary>
    private bool IsInThisCompilation(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _model.Compilation.Assembly)
        && !method.DeclaringSyntaxReferences.IsEmpty;

    private void VisitPending()
    {
        while (_pending.Count > 0 && _seen.Count <= MaxMethods)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            Visit(_pending.Dequeue());
        }
    }

    private void Visit(IMethodSymbol method)
    {
        var builderNames = ModelBuilderParameterNames(method);
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var body = reference.GetSyntax(_cancellationToken);
            _facts.VisitedTrees.Add(body.SyntaxTree);
            SemanticModel? semanticModel = null;
            foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = SyntaxNames.GetInvokedName(invocation);
                if (name is "HasQueryFilter" or "SetQueryFilter")
                {
                    semanticModel ??= _model.Compilation.GetSemanticModel(body.SyntaxTree);
                    RecordFilter(invocation, semanticModel, method, builderNames);
                }
                else if (name is "IsMultiTenant" or "IsNotMultiTenant")
                {
                    semanticModel ??= _model.Compilation.GetSemanticModel(body.SyntaxTree);
                    RecordMultiTenant(invocation, semanticModel, method, builderNames, isMultiTenant: name == "IsMultiTenant");
                }
                else if (name is "Property" && DeclaresShadowTenantKey(invocation))
                {
                    semanticModel ??= _model.Compilation.GetSemanticModel(body.SyntaxTree);
                    if (BuilderEntity(invocation, semanticModel, method, builderNames) is INamedTypeSymbol entity)
                    {
                        _facts.OwnedTypes.Add(QueryFilterFacts.MetadataNameOf(entity.OriginalDefinition));
                    }
                }
                else if (name is "GetMethod" && ReflectedMethodName(invocation) is { } reflected)
                {
                    // typeof(X).GetMethod(nameof(SetTenantFilter)).MakeGenericMethod(clrType).Invoke(...): a generic
                    // helper called through reflection, wherever it is declared.
                    foreach (var symbol in _model.Compilation.GetSymbolsWithName(reflected, SymbolFilter.Member, _cancellationToken))
                    {
                        if (symbol is IMethodSymbol { IsGenericMethod: true } helper)
                        {
                            Enqueue(helper);
                        }
                    }
                }
                else if (name is "ApplyConfigurationsFromAssembly" or "ApplyConfiguration")
                {
                    semanticModel ??= _model.Compilation.GetSemanticModel(body.SyntaxTree);
                    if (!AppliesConfigurationOfThisCompilation(invocation, semanticModel))
                    {
                        // Entity configurations of another project: their filters cannot be seen, assume they are there.
                        _facts.CoversAllOwned = true;
                    }
                }
                else if (HandsOverModelBuilder(invocation, name, builderNames))
                {
                    semanticModel ??= _model.Compilation.GetSemanticModel(body.SyntaxTree);
                    FollowModelBuilderCall(invocation, semanticModel);
                }
            }
        }
    }

    private List<string> ModelBuilderParameterNames(IMethodSymbol method)
    {
        var names = new List<string>();
        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, _model.Ef.ModelBuilder))
            {
                names.Add(parameter.Name);
            }
        }

        return names;
    }

    /// <summary>
    /// <c>ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly)</c>, <c>Assembly.GetExecutingAssembly()</c>,
    /// <c>GetType().Assembly</c>, <c>ApplyConfiguration(new OrderConfiguration())</c>: configurations this compilation
    /// declares (and discovery reads). An assembly or a configuration from elsewhere, or one that cannot be told, is not.
    /// </summary>
    private bool AppliesConfigurationOfThisCompilation(InvocationExpressionSyntax invocation, SemanticModel semanticModel)
    {
        if (semanticModel.GetOperation(invocation, _cancellationToken) is not IInvocationOperation { Arguments.Length: > 0 } call
            || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _model.Ef.ModelBuilder))
        {
            return true;
        }

        var argument = QueryChain.Unwrap(call.Arguments[0].Value);
        if (call.TargetMethod.Name == "ApplyConfiguration")
        {
            return argument?.Type is { } configuration && IsThisCompilation(configuration);
        }

        return argument switch
        {
            IPropertyReferenceOperation { Property.Name: "Assembly", Instance: ITypeOfOperation typeOf } => IsThisCompilation(typeOf.TypeOperand),
            IPropertyReferenceOperation { Property.Name: "Assembly", Instance: IInvocationOperation { TargetMethod.Name: "GetType", Instance: null or IInstanceReferenceOperation } } => true,
            IInvocationOperation { TargetMethod.Name: "GetExecutingAssembly" or "GetCallingAssembly" } => true,
            _ => false,
        };
    }

    private bool IsThisCompilation(ITypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(type.OriginalDefinition.ContainingAssembly, _model.Compilation.Assembly);

    /// <summary>
    /// The syntax test before binding: the model builder parameter is the receiver of a call that is not ModelBuilder's
    /// own API (<c>modelBuilder.ApplyTenantFilters()</c>), or an argument (<c>ConfigureFilters(modelBuilder)</c>).
    /// </summary>
    private static bool HandsOverModelBuilder(InvocationExpressionSyntax invocation, string? name, List<string> builderNames)
    {
        if (builderNames.Count == 0)
        {
            return false;
        }

        if (invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }
            && builderNames.Contains(receiver.Identifier.ValueText)
            && (name is null || !ModelBuilderApi.Contains(name)))
        {
            return true;
        }

        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is IdentifierNameSyntax identifier && builderNames.Contains(identifier.Identifier.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Methods called with the model builder are part of the model configuration: visit the ones in source.</summary>
    private void FollowModelBuilderCall(InvocationExpressionSyntax invocation, SemanticModel semanticModel)
    {
        if (semanticModel.GetSymbolInfo(invocation, _cancellationToken).Symbol is not IMethodSymbol target)
        {
            return;
        }

        if (IsInThisCompilation(target))
        {
            Enqueue(target.ReducedFrom ?? target);
        }
        else if (!FrameworkApi.Declares(target) && !FrameworkSymbols.IsKnownTenancyFramework(target))
        {
            // A helper from another assembly configures the model: it may declare the tenant filters we cannot see.
            // Finbuckle's and ABP's helpers are not such: what they filter is read from their conventions.
            _facts.CoversAllOwned = true;
        }
    }

    private void RecordFilter(InvocationExpressionSyntax invocation, SemanticModel semanticModel, IMethodSymbol method, List<string> builderNames)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count == 0)
        {
            return;
        }

        var filter = arguments[arguments.Count - 1].Expression;
        if (!FilterEvidence.ScopesByTenantKey(filter, _model, semanticModel, _facts.VisitedTrees, _cancellationToken))
        {
            return;
        }

        if (arguments.Count == 2 && semanticModel.GetConstantValue(arguments[0].Expression, _cancellationToken) is { HasValue: true, Value: string filterName })
        {
            _facts.TenantFilterNames.Add(filterName);
        }

        if (BuilderEntity(invocation, semanticModel, method, builderNames) is { } entity)
        {
            RecordEntity(entity, owns: false);
            if (entity is INamedTypeSymbol && ReadsShadowTenantKey(filter))
            {
                // EF.Property<int>(e, "TenantId"): the model gives the entity a tenant key its class does not declare.
                _facts.OwnedTypes.Add(QueryFilterFacts.MetadataNameOf(entity.OriginalDefinition));
            }

            return;
        }

        // A loop over modelBuilder.Model.GetEntityTypes(): the types it covers are those its type tests admit.
        RecordCoverage(invocation, semanticModel, owns: false);
    }

    /// <summary>
    /// Finbuckle's <c>IsMultiTenant()</c> makes its entity tenant-owned (a shadow <c>TenantId</c> when the class has none)
    /// and tenant-filtered; <c>IsNotMultiTenant()</c> undoes both, also for a <c>[MultiTenant]</c> class.
    /// </summary>
    private void RecordMultiTenant(InvocationExpressionSyntax invocation, SemanticModel semanticModel, IMethodSymbol method, List<string> builderNames, bool isMultiTenant)
    {
        if (_model.Frameworks.Finbuckle is null
            || semanticModel.GetSymbolInfo(invocation, _cancellationToken).Symbol is not IMethodSymbol target
            || !FinbuckleApi.Declares(target))
        {
            return;
        }

        var entity = BuilderEntity(invocation, semanticModel, method, builderNames);
        if (entity is INamedTypeSymbol named)
        {
            (isMultiTenant ? _facts.MultiTenantTypes : _facts.NotMultiTenantTypes).Add(QueryFilterFacts.MetadataNameOf(named.OriginalDefinition));
        }
        else if (isMultiTenant && entity is ITypeParameterSymbol typeParameter)
        {
            RecordEntity(typeParameter, owns: true);
        }
        else if (isMultiTenant && entity is null)
        {
            RecordCoverage(invocation, semanticModel, owns: true);
        }
    }

    /// <summary>The method named by <c>GetMethod(nameof(X.Helper))</c> or <c>GetMethod("Helper")</c>, by syntax.</summary>
    private static string? ReflectedMethodName(InvocationExpressionSyntax getMethod)
    {
        if (getMethod.ArgumentList.Arguments.Count == 0)
        {
            return null;
        }

        return getMethod.ArgumentList.Arguments[0].Expression switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments.Count: 1 } nameOf =>
                nameOf.ArgumentList.Arguments[0].Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                },
            _ => null,
        } is { Length: > 0 } name ? name : null;
    }

    /// <summary><c>Property&lt;int&gt;("TenantId")</c>: a shadow tenant key, by syntax; the receiver says which entity.</summary>
    private bool DeclaresShadowTenantKey(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } }
        && invocation.ArgumentList.Arguments.Count == 1
        && invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal
        && literal.IsKind(SyntaxKind.StringLiteralExpression)
        && _model.IsTenantKeyName(literal.Token.ValueText);

    /// <summary><c>EF.Property&lt;T&gt;(e, "TenantId")</c> in a filter.</summary>
    private bool ReadsShadowTenantKey(ExpressionSyntax filter)
    {
        foreach (var node in filter.DescendantNodesAndSelf())
        {
            if (node is InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "EF" }, Name.Identifier.ValueText: "Property" },
                    ArgumentList.Arguments: { Count: 2 } arguments,
                }
                && arguments[1].Expression is LiteralExpressionSyntax literal
                && literal.IsKind(SyntaxKind.StringLiteralExpression)
                && _model.IsTenantKeyName(literal.Token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>T</c> of a call on <c>EntityTypeBuilder&lt;T&gt;</c>: the configuration method's builder parameter,
    /// <c>modelBuilder.Entity&lt;T&gt;()</c>, or a receiver typed so; null when the receiver is not one (a loop's
    /// <c>modelBuilder.Entity(clrType)</c>).
    /// </summary>
    private ITypeSymbol? BuilderEntity(InvocationExpressionSyntax invocation, SemanticModel semanticModel, IMethodSymbol method, List<string> builderNames)
    {
        // builder.HasQueryFilter(...) on the method's EntityTypeBuilder<T> parameter (IEntityTypeConfiguration<T>.Configure):
        // the parameter's type says it all.
        if (invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax parameterName }
            && EntityBuilderParameterEntity(method, parameterName.Identifier.ValueText) is { } configured)
        {
            return configured;
        }

        // modelBuilder.Entity<Customer>().HasQueryFilter(...) on the method's ModelBuilder parameter, the common shape:
        // binding the type argument alone is enough, where typing the receiver would bind the statement and its lambdas.
        if (invocation.Expression is MemberAccessExpressionSyntax
            {
                Expression: InvocationExpressionSyntax
                {
                    ArgumentList.Arguments.Count: 0,
                    Expression: MemberAccessExpressionSyntax
                    {
                        Expression: IdentifierNameSyntax receiver,
                        Name: GenericNameSyntax { Identifier.ValueText: "Entity", TypeArgumentList.Arguments.Count: 1 } entityMethod,
                    },
                },
            }
            && builderNames.Contains(receiver.Identifier.ValueText)
            && entityMethod.TypeArgumentList.Arguments[0] is var entityType
            && semanticModel.GetSpeculativeTypeInfo(entityType.SpanStart, entityType, SpeculativeBindingOption.BindAsTypeOrNamespace).Type is { TypeKind: not TypeKind.Error } entity)
        {
            return entity;
        }

        var receiverType = invocation.Expression is MemberAccessExpressionSyntax access
            ? semanticModel.GetTypeInfo(access.Expression, _cancellationToken).Type
            : null;
        if (receiverType is INamedTypeSymbol { IsGenericType: true } builder
            && SymbolEqualityComparer.Default.Equals(builder.OriginalDefinition, _model.Ef.EntityTypeBuilderOfT))
        {
            return builder.TypeArguments[0];
        }

        return null;
    }

    private ITypeSymbol? EntityBuilderParameterEntity(IMethodSymbol method, string name)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name == name
                && parameter.Type is INamedTypeSymbol { IsGenericType: true } builder
                && SymbolEqualityComparer.Default.Equals(builder.OriginalDefinition, _model.Ef.EntityTypeBuilderOfT))
            {
                return builder.TypeArguments[0];
            }
        }

        return null;
    }

    private void RecordEntity(ITypeSymbol entity, bool owns)
    {
        if (entity is ITypeParameterSymbol typeParameter)
        {
            // A generic helper: where T : ITenantEntity covers every ITenantEntity; no constraint, every tenant-owned type.
            var constraints = new List<string>();
            foreach (var constraint in typeParameter.ConstraintTypes)
            {
                constraints.Add(QueryFilterFacts.MetadataNameOf(constraint.OriginalDefinition));
            }

            _facts.Coverings.Add(new QueryFilterFacts.Covering(constraints, owns));
            _facts.CoversAllOwned |= constraints.Count == 0;
            return;
        }

        _facts.FilteredTypes.Add(QueryFilterFacts.MetadataNameOf(entity.OriginalDefinition));
    }

    private void RecordCoverage(InvocationExpressionSyntax invocation, SemanticModel semanticModel, bool owns)
    {
        foreach (var alternative in FilterCoverage.Read(invocation, semanticModel, _cancellationToken))
        {
            _facts.Coverings.Add(new QueryFilterFacts.Covering(alternative, owns));
            _facts.CoversAllOwned |= alternative.Length == 0;
        }
    }
}
