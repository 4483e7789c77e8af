using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantAnalyzers.Model;

/// <summary>
/// Which entity types carry a tenant query filter (<c>query_filters = detect</c>). Built on first use from the
/// compilation's model configuration: <c>OnModelCreating</c> overrides, <c>IEntityTypeConfiguration&lt;T&gt;.Configure</c>
/// implementations, methods they call with the model builder, and helper methods whose name mentions a filter.
/// Found through the declaration index (<see cref="Compilation.GetSymbolsWithName(Func{string, bool}, SymbolFilter, CancellationToken)"/>),
/// so no syntax tree outside the model configuration is visited.
/// </summary>
internal sealed class QueryFilterMap
{
    private readonly TenantModel _model;
    private readonly HashSet<ITypeSymbol> _filteredTypes = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ITypeSymbol> _coveringTypes = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _tenantFilterNames = new(StringComparer.Ordinal);
    private bool _coversAllOwned;

    private QueryFilterMap(TenantModel model)
    {
        _model = model;
    }

    /// <summary>True when the compilation configures an EF Core model itself (a DbContext's OnModelCreating or an entity configuration).</summary>
    public bool DeclaresModelConfiguration { get; private set; }

    /// <summary>Names of EF Core 10 named filters that scope by the tenant key (detected, plus <c>tenant_filter_name</c>).</summary>
    public IReadOnlyCollection<string> TenantFilterNames => _tenantFilterNames;

    public bool IsTenantFiltered(INamedTypeSymbol type)
    {
        if (_coversAllOwned && _model.Classify(type).IsOwned)
        {
            return true;
        }

        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (_filteredTypes.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        if (HasFinbuckleMultiTenantAttribute(type))
        {
            return true;
        }

        if (_coveringTypes.Count > 0)
        {
            foreach (var covering in _coveringTypes)
            {
                if (InheritsFromOrImplements(type, covering))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Finbuckle.MultiTenant's <c>[MultiTenant]</c>: the library adds the tenant filter (on a shadow <c>TenantId</c>).
    /// Matched by name because the attribute moved between Finbuckle's assemblies across versions.
    /// </summary>
    private static bool HasFinbuckleMultiTenantAttribute(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "MultiTenantAttribute" } attributeClass
                && attributeClass.ContainingNamespace?.ToDisplayString().StartsWith("Finbuckle", StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }

    public static QueryFilterMap Discover(TenantModel model, CancellationToken cancellationToken)
    {
        var map = new QueryFilterMap(model);
        if (model.Options.TenantFilterName is { } configuredName)
        {
            map._tenantFilterNames.Add(configuredName);
        }

        if (model.Ef.DbContext is null)
        {
            return map;
        }

        new Discovery(map, model, cancellationToken).Run();
        if (!map.DeclaresModelConfiguration)
        {
            // The DbContext lives in a referenced project: its filters cannot be seen, assume they are there.
            map._coversAllOwned = true;
        }

        return map;
    }

    private static bool InheritsFromOrImplements(ITypeSymbol type, ITypeSymbol baseOrInterface)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseOrInterface))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, baseOrInterface))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One walk over the model configuration code.</summary>
    private sealed class Discovery
    {
        private const int MaxMethods = 512;

        private readonly QueryFilterMap _map;
        private readonly TenantModel _model;
        private readonly CancellationToken _cancellationToken;
        private readonly Queue<IMethodSymbol> _pending = new();
        private readonly HashSet<IMethodSymbol> _seen = new(SymbolEqualityComparer.Default);

        public Discovery(QueryFilterMap map, TenantModel model, CancellationToken cancellationToken)
        {
            _map = map;
            _model = model;
            _cancellationToken = cancellationToken;
        }

        public void Run()
        {
            var compilation = _model.Compilation;
            foreach (var symbol in compilation.GetSymbolsWithName(IsCandidateName, SymbolFilter.Member, _cancellationToken))
            {
                if (symbol is not IMethodSymbol method)
                {
                    continue;
                }

                if (IsOnModelCreating(method))
                {
                    _map.DeclaresModelConfiguration = true;
                    Enqueue(method);
                    foreach (var sibling in method.ContainingType.GetMembers())
                    {
                        // Generic filter helpers of the DbContext are often invoked through reflection.
                        if (sibling is IMethodSymbol { IsGenericMethod: true } helper)
                        {
                            Enqueue(helper);
                        }
                    }
                }
                else if (IsEntityConfiguration(method))
                {
                    _map.DeclaresModelConfiguration = true;
                    Enqueue(method);
                }
                else if (method.Name.IndexOf("Filter", StringComparison.Ordinal) >= 0)
                {
                    Enqueue(method);
                }
            }

            while (_pending.Count > 0 && _seen.Count <= MaxMethods)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                Visit(_pending.Dequeue());
            }
        }

        private static bool IsCandidateName(string name) =>
            name == "OnModelCreating" || name == "Configure" || name.IndexOf("Filter", StringComparison.Ordinal) >= 0;

        private bool IsOnModelCreating(IMethodSymbol method)
        {
            if (method.Name != "OnModelCreating" || !method.IsOverride)
            {
                return false;
            }

            for (var type = method.ContainingType?.BaseType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, _model.Ef.DbContext))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsEntityConfiguration(IMethodSymbol method)
        {
            if (method.Name != "Configure" || _model.Ef.EntityTypeConfiguration is null)
            {
                return false;
            }

            foreach (var implemented in method.ContainingType.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, _model.Ef.EntityTypeConfiguration))
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

        private void Visit(IMethodSymbol method)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var body = reference.GetSyntax(_cancellationToken);
                SemanticModel? semanticModel = null;
                foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    semanticModel ??= _model.Compilation.GetSemanticModel(body.SyntaxTree);
                    var name = SyntaxNames.GetInvokedName(invocation);
                    if (name is "HasQueryFilter" or "SetQueryFilter")
                    {
                        RecordFilter(invocation, body, semanticModel);
                    }
                    else if (name is "IsMultiTenant")
                    {
                        // Finbuckle.MultiTenant: the entity gets its tenant filter from the library.
                        RecordBuilderEntity(invocation, semanticModel);
                    }
                    else
                    {
                        FollowModelBuilderCall(invocation, semanticModel);
                    }
                }
            }
        }

        /// <summary>Methods called with the model builder are part of the model configuration: visit the ones in source.</summary>
        private void FollowModelBuilderCall(InvocationExpressionSyntax invocation, SemanticModel semanticModel)
        {
            if (semanticModel.GetSymbolInfo(invocation, _cancellationToken).Symbol is not IMethodSymbol target
                || !PassesModelBuilder(invocation, target, semanticModel))
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
                _map._coversAllOwned = true;
            }
        }

        /// <summary>Source of this compilation; a project reference's symbols have syntax too, but not ours to bind.</summary>
        private bool IsInThisCompilation(IMethodSymbol method) =>
            SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _model.Compilation.Assembly)
            && !method.DeclaringSyntaxReferences.IsEmpty;

        private bool PassesModelBuilder(InvocationExpressionSyntax invocation, IMethodSymbol target, SemanticModel semanticModel)
        {
            var modelBuilder = _model.Ef.ModelBuilder;
            if (modelBuilder is null)
            {
                return false;
            }

            if (target.ReducedFrom is not null && SymbolEqualityComparer.Default.Equals(target.ReceiverType, modelBuilder))
            {
                return true;
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (SymbolEqualityComparer.Default.Equals(semanticModel.GetTypeInfo(argument.Expression, _cancellationToken).Type, modelBuilder))
                {
                    return true;
                }
            }

            return false;
        }

        private void RecordFilter(InvocationExpressionSyntax invocation, SyntaxNode enclosingBody, SemanticModel semanticModel)
        {
            var arguments = invocation.ArgumentList.Arguments;
            if (arguments.Count == 0)
            {
                return;
            }

            var filter = arguments[arguments.Count - 1].Expression;
            var isTenantFilter = filter is LambdaExpressionSyntax lambda
                ? MentionsTenantKey(lambda)
                : MentionsTenantKey(enclosingBody);
            if (!isTenantFilter)
            {
                return;
            }

            if (arguments.Count == 2 && semanticModel.GetConstantValue(arguments[0].Expression, _cancellationToken) is { HasValue: true, Value: string filterName })
            {
                _map._tenantFilterNames.Add(filterName);
            }

            if (RecordBuilderEntity(invocation, semanticModel))
            {
                return;
            }

            // A loop over modelBuilder.Model.GetEntityTypes(): the types it covers are those its type test admits.
            RecordLoopCoverage(enclosingBody, semanticModel);
        }

        /// <summary>Records <c>T</c> of a call on <c>EntityTypeBuilder&lt;T&gt;</c>; false when the receiver is not one.</summary>
        private bool RecordBuilderEntity(InvocationExpressionSyntax invocation, SemanticModel semanticModel)
        {
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

        private void RecordEntity(ITypeSymbol entity)
        {
            if (entity is ITypeParameterSymbol typeParameter)
            {
                if (typeParameter.ConstraintTypes.IsEmpty)
                {
                    _map._coversAllOwned = true;
                }

                foreach (var constraint in typeParameter.ConstraintTypes)
                {
                    _map._coveringTypes.Add(constraint.OriginalDefinition);
                }

                return;
            }

            _map._filteredTypes.Add(entity.OriginalDefinition);
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
                    _map._coveringTypes.Add(covered.OriginalDefinition);
                }
            }

            if (!restricted)
            {
                _map._coversAllOwned = true;
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
    }
}
