using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
    private BodyFacts _body = new();

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

        var facts = new QueryFilterFacts(optionsKey, entryTrees) { DeclaresModelConfiguration = entries.Count > 0 };
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
            // The DbContext lives in a referenced project: its filters cannot be seen, assume they are there.
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
            _body = new BodyFacts();
            SemanticModel? semanticModel = null;
            foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = SyntaxNames.GetInvokedName(invocation);
                if (name is "HasQueryFilter" or "SetQueryFilter")
                {
                    semanticModel ??= _model.Compilation.GetSemanticModel(body.SyntaxTree);
                    RecordFilter(invocation, body, semanticModel, method, builderNames);
                }
                else if (name is "IsMultiTenant")
                {
                    // Finbuckle.MultiTenant: the entity gets its tenant filter from the library.
                    semanticModel ??= _model.Compilation.GetSemanticModel(body.SyntaxTree);
                    RecordBuilderEntity(invocation, semanticModel, method, builderNames);
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
        else if (!FrameworkApi.Declares(target))
        {
            // A helper from another assembly configures the model: it may declare the tenant filters we cannot see.
            _facts.CoversAllOwned = true;
        }
    }

    private void RecordFilter(InvocationExpressionSyntax invocation, SyntaxNode enclosingBody, SemanticModel semanticModel, IMethodSymbol method, List<string> builderNames)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count == 0)
        {
            return;
        }

        var filter = arguments[arguments.Count - 1].Expression;
        var isTenantFilter = filter is LambdaExpressionSyntax lambda
            ? MentionsTenantKey(lambda)
            : _body.MentionsTenantKey ??= MentionsTenantKey(enclosingBody);
        if (!isTenantFilter)
        {
            return;
        }

        if (arguments.Count == 2 && semanticModel.GetConstantValue(arguments[0].Expression, _cancellationToken) is { HasValue: true, Value: string filterName })
        {
            _facts.TenantFilterNames.Add(filterName);
        }

        if (RecordBuilderEntity(invocation, semanticModel, method, builderNames))
        {
            return;
        }

        // A loop over modelBuilder.Model.GetEntityTypes(): the types it covers are those its type test admits.
        if (!_body.LoopCoverageRecorded)
        {
            _body.LoopCoverageRecorded = true;
            RecordLoopCoverage(enclosingBody, semanticModel);
        }
    }

    /// <summary>Records <c>T</c> of a call on <c>EntityTypeBuilder&lt;T&gt;</c>; false when the receiver is not one.</summary>
    private bool RecordBuilderEntity(InvocationExpressionSyntax invocation, SemanticModel semanticModel, IMethodSymbol method, List<string> builderNames)
    {
        // builder.HasQueryFilter(...) on the method's EntityTypeBuilder<T> parameter (IEntityTypeConfiguration<T>.Configure):
        // the parameter's type says it all.
        if (invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax parameterName }
            && EntityBuilderParameterEntity(method, parameterName.Identifier.ValueText) is { } configured)
        {
            RecordEntity(configured);
            return true;
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
            RecordEntity(entity);
            return true;
        }

        var receiverType = invocation.Expression is MemberAccessExpressionSyntax access
            ? semanticModel.GetTypeInfo(access.Expression, _cancellationToken).Type
            : null;
        if (receiverType is INamedTypeSymbol { IsGenericType: true } builder
            && SymbolEqualityComparer.Default.Equals(builder.OriginalDefinition, _model.Ef.EntityTypeBuilderOfT))
        {
            RecordEntity(builder.TypeArguments[0]);
            return true;
        }

        return false;
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

    private void RecordEntity(ITypeSymbol entity)
    {
        if (entity is ITypeParameterSymbol typeParameter)
        {
            if (typeParameter.ConstraintTypes.IsEmpty)
            {
                _facts.CoversAllOwned = true;
            }

            foreach (var constraint in typeParameter.ConstraintTypes)
            {
                _facts.CoveringTypes.Add(QueryFilterFacts.MetadataNameOf(constraint.OriginalDefinition));
            }

            return;
        }

        _facts.FilteredTypes.Add(QueryFilterFacts.MetadataNameOf(entity.OriginalDefinition));
    }

    private void RecordLoopCoverage(SyntaxNode enclosingBody, SemanticModel semanticModel)
    {
        var restricted = false;
        foreach (var invocation in enclosingBody.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            TypeOfExpressionSyntax? typeOf = null;
            switch (SyntaxNames.GetInvokedName(invocation))
            {
                case "IsAssignableFrom" when invocation.Expression is MemberAccessExpressionSyntax { Expression: TypeOfExpressionSyntax receiver }:
                    typeOf = receiver;
                    break;
                case "IsAssignableTo" when invocation.ArgumentList.Arguments.Count == 1
                    && invocation.ArgumentList.Arguments[0].Expression is TypeOfExpressionSyntax argument:
                    typeOf = argument;
                    break;
            }

            if (typeOf is not null && semanticModel.GetTypeInfo(typeOf.Type, _cancellationToken).Type is { } covered)
            {
                restricted = true;
                _facts.CoveringTypes.Add(QueryFilterFacts.MetadataNameOf(covered.OriginalDefinition));
            }
        }

        if (!restricted)
        {
            _facts.CoversAllOwned = true;
        }
    }

    private bool MentionsTenantKey(SyntaxNode node)
    {
        foreach (var token in node.DescendantTokens())
        {
            if ((token.IsKind(SyntaxKind.IdentifierToken) || token.IsKind(SyntaxKind.StringLiteralToken))
                && _model.IsTenantKeyName(token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What the body being visited says as a whole, read once however many filters it declares: a body with hundreds of
    /// <c>HasQueryFilter(filter)</c> calls once read itself again for each.
    /// </summary>
    private sealed class BodyFacts
    {
        public bool? MentionsTenantKey { get; set; }

        public bool LoopCoverageRecorded { get; set; }
    }
}
