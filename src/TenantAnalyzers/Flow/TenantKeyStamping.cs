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
using TenantAnalyzers.Queries;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Flow;

/// <summary>
/// Which entities the application stamps with the tenant key on save. The hooks are <c>SaveChanges</c>/<c>SaveChangesAsync</c>
/// overrides of DbContext types and <c>SavingChanges</c>/<c>SavingChangesAsync</c> of EF Core save-changes interceptors,
/// found through the declaration index, and the methods of this compilation they call, followed by name. A stamp is an
/// assignment of a tenant-key property (<c>entry.Entity.CompanyId = ...</c>) or of the key by name through the change
/// tracker (<c>entry.Property("CompanyId").CurrentValue = ...</c>, <c>entry.CurrentValues["CompanyId"] = ...</c>); what
/// it reaches is read by <see cref="StampSelection"/>. A mention of the key by name that is neither read in a condition
/// nor assigned (handed to a helper) cannot be read: it counts as stamping every entity, as does the
/// <c>SaveChanges</c> override of a DbContext base class from another assembly. Finbuckle stamps its multi-tenant
/// entities itself. The result is kept by metadata name and reused by compilations that share the hooks' trees.
/// </summary>
internal sealed class TenantKeyStamping
{
    private const int MaxMethods = 64;
    private static readonly string[] HookNames = ["SaveChanges", "SaveChangesAsync", "SavingChanges", "SavingChangesAsync"];
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<StampingFacts?>> Cache = new();

    private readonly TenantModel _model;
    private readonly StampingFacts _facts;

    private TenantKeyStamping(TenantModel model, StampingFacts facts)
    {
        _model = model;
        _facts = facts;
    }

    public static TenantKeyStamping Discover(TenantModel model, CancellationToken cancellationToken)
    {
        var hooks = FindHooks(model, cancellationToken);
        var hookTrees = hooks.SelectMany(h => h.DeclaringSyntaxReferences.Select(r => r.SyntaxTree)).Distinct().OrderBy(t => t.FilePath, StringComparer.Ordinal).ToImmutableArray();
        var optionsKey = QueryFilterFacts.KeyOf(model.Options);
        if (!hookTrees.IsEmpty && Cache.TryGetValue(hookTrees[0], out var box) && box.Value is { } cached && cached.IsValidFor(model.Compilation, hookTrees, optionsKey))
        {
            return new TenantKeyStamping(model, cached);
        }

        var facts = new StampingFacts(hookTrees, optionsKey);
        new Reader(model, facts, cancellationToken).Read(hooks);
        if (!hookTrees.IsEmpty)
        {
            Cache.GetValue(hookTrees[0], _ => new StrongBox<StampingFacts?>()).Value = facts;
        }

        return new TenantKeyStamping(model, facts);
    }

    /// <summary>True when a save hook stamps the tenant key <paramref name="key"/> of <paramref name="entity"/>, or Finbuckle does.</summary>
    public bool Covers(ITypeSymbol entity, IPropertySymbol key)
    {
        if (entity is INamedTypeSymbol named && _model.Filters.IsFinbuckleMultiTenant(named))
        {
            return true;
        }

        if (_facts.StampsEverything)
        {
            return true;
        }

        foreach (var selection in _facts.Selections)
        {
            if ((selection.KeyType is null || selection.KeyType == KeyTypeName(key.Type)) && selection.AllOf.All(required => IsA(entity, required)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A DbContext from another assembly (the data layer in its own project) whose <c>SaveChanges</c> is overridden: its body
    /// cannot be read, so it is assumed to stamp the tenant key rather than reporting every creation that reaches it.
    /// Finbuckle's and ABP's base contexts are not assumed so: what they stamp is known (<see cref="Covers"/>).
    /// </summary>
    public static bool IsOverriddenOutsideSource(ITypeSymbol? dbContextType, TenantModel model)
    {
        for (var current = dbContextType; current is not null && !SymbolEqualityComparer.Default.Equals(current, model.Ef.DbContext); current = current.BaseType)
        {
            if (current.DeclaringSyntaxReferences.Length > 0
                || FrameworkAssemblies.IsDeclaredUnder(current, FinbuckleApi.RootNamespace)
                || FrameworkAssemblies.IsDeclaredUnder(current, AbpApi.RootNamespace))
            {
                continue;
            }

            foreach (var member in current.GetMembers())
            {
                if (member is IMethodSymbol { IsOverride: true, Name: "SaveChanges" or "SaveChangesAsync" })
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<IMethodSymbol> FindHooks(TenantModel model, CancellationToken cancellationToken)
    {
        var compilation = model.Compilation;
        var interceptor = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor");
        var hooks = new List<IMethodSymbol>();
        foreach (var name in HookNames)
        {
            foreach (var symbol in compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
            {
                if (symbol is IMethodSymbol method && IsSaveHook(method, model, interceptor) && !IsFrameworkType(method.ContainingType))
                {
                    hooks.Add(method);
                }
            }
        }

        return hooks;
    }

    /// <summary>A source copy of a framework's DbContext is the framework's, modelled by <see cref="Covers"/>, not the app's hook.</summary>
    private static bool IsFrameworkType(INamedTypeSymbol type) =>
        FrameworkAssemblies.IsDeclaredUnder(type, FinbuckleApi.RootNamespace) || FrameworkAssemblies.IsDeclaredUnder(type, AbpApi.RootNamespace);

    private static bool IsSaveHook(IMethodSymbol method, TenantModel model, INamedTypeSymbol? interceptor)
    {
        if (method.Name is "SaveChanges" or "SaveChangesAsync")
        {
            if (!method.IsOverride)
            {
                return false;
            }

            for (var type = method.ContainingType?.BaseType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, model.Ef.DbContext))
                {
                    return true;
                }
            }

            return false;
        }

        if (interceptor is null || method.ContainingType is not { } containing)
        {
            return false;
        }

        foreach (var implemented in containing.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, interceptor))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsA(ITypeSymbol entity, string required)
    {
        for (var current = entity; current is not null; current = current.BaseType)
        {
            if (QueryFilterFacts.MetadataNameOf(current.OriginalDefinition) == required)
            {
                return true;
            }
        }

        foreach (var implemented in entity.AllInterfaces)
        {
            if (QueryFilterFacts.MetadataNameOf(implemented.OriginalDefinition) == required)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The key's CLR type without <c>Nullable</c>: <c>Guid?</c> and <c>Guid</c> are stamped by the same value.</summary>
    private static string KeyTypeName(ITypeSymbol type) =>
        QueryFilterFacts.MetadataNameOf(type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type);

    /// <summary>Reads the hooks and the helpers they call.</summary>
    private sealed class Reader
    {
        private readonly TenantModel _model;
        private readonly StampingFacts _facts;
        private readonly CancellationToken _cancellationToken;
        private readonly Queue<IMethodSymbol> _pending = new();
        private readonly HashSet<IMethodSymbol> _seen = new(SymbolEqualityComparer.Default);

        public Reader(TenantModel model, StampingFacts facts, CancellationToken cancellationToken)
        {
            _model = model;
            _facts = facts;
            _cancellationToken = cancellationToken;
        }

        public void Read(List<IMethodSymbol> hooks)
        {
            foreach (var hook in hooks)
            {
                if (_seen.Add(hook))
                {
                    _pending.Enqueue(hook);
                }
            }

            while (_pending.Count > 0 && !_facts.StampsEverything)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                foreach (var reference in _pending.Dequeue().DeclaringSyntaxReferences)
                {
                    ReadBody(reference.GetSyntax(_cancellationToken));
                }
            }
        }

        private void ReadBody(SyntaxNode body)
        {
            _facts.VisitedTrees.Add(body.SyntaxTree);
            SemanticModel? semanticModel = null;
            foreach (var node in body.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax assignment && StampedKeyName(assignment.Left) is { } keyName && _model.IsTenantKeyName(keyName))
                {
                    semanticModel ??= _model.Compilation.GetSemanticModel(body.SyntaxTree);
                    RecordAssignment(assignment, semanticModel);
                }
                else if (node is InvocationExpressionSyntax invocation)
                {
                    if (NamesTenantKeyProperty(invocation) && !IsAssignedOrRead(invocation))
                    {
                        // entry.Property("CompanyId") handed to other code: what it does cannot be read.
                        _facts.StampsEverything = true;
                        return;
                    }

                    FollowByName(invocation);
                }
            }
        }

        /// <summary><c>e.CompanyId = ...</c>, <c>entry.Property("CompanyId").CurrentValue = ...</c>, <c>entry.CurrentValues["CompanyId"] = ...</c>.</summary>
        private string? StampedKeyName(ExpressionSyntax target) => target switch
        {
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CurrentValue", Expression: InvocationExpressionSyntax property } when NamesTenantKeyProperty(property) => PropertyName(property),
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element
                when element.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
            _ => null,
        };

        private void RecordAssignment(AssignmentExpressionSyntax assignment, SemanticModel semanticModel)
        {
            if (semanticModel.GetOperation(assignment, _cancellationToken) is not IAssignmentOperation operation)
            {
                return;
            }

            switch (operation.Target)
            {
                case IPropertyReferenceOperation { Property.Name: "CurrentValue", Instance: IInvocationOperation property }:
                    Record(StampSelection.Guards(operation, property.Instance), ValueType(operation.Value));
                    break;
                case IPropertyReferenceOperation { Instance: { } instance } key when _model.IsTenantKeyName(key.Property.Name):
                    Record(StampSelection.Receiver(instance.Type), null);
                    break;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } values }:
                    // entry.CurrentValues["CompanyId"] = value: the entry is the receiver of CurrentValues.
                    Record(StampSelection.Guards(operation, (values as IPropertyReferenceOperation)?.Instance), ValueType(operation.Value));
                    break;
            }
        }

        private void Record(List<List<ITypeSymbol>> selection, string? keyType)
        {
            foreach (var alternative in selection)
            {
                _facts.Selections.Add(new StampingFacts.Selection(alternative.Select(t => QueryFilterFacts.MetadataNameOf(t.OriginalDefinition)).ToArray(), keyType));
            }
        }

        /// <summary>The CLR type of the stamped value, through the conversion to <c>object</c>; null when it says nothing.</summary>
        private static string? ValueType(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value.Type is null or { SpecialType: SpecialType.System_Object } or IErrorTypeSymbol ? null : KeyTypeName(value.Type);
        }

        /// <summary>The key named through the change tracker is assigned (<c>.CurrentValue = </c>) or only read (in a condition, a comparison).</summary>
        private static bool IsAssignedOrRead(InvocationExpressionSyntax property)
        {
            if (property.Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CurrentValue" or "OriginalValue" or "IsModified" or "Metadata" } access)
            {
                return false;
            }

            return access.Parent is AssignmentExpressionSyntax or BinaryExpressionSyntax or IsPatternExpressionSyntax or MemberAccessExpressionSyntax or ArgumentSyntax
                || access.FirstAncestorOrSelf<IfStatementSyntax>() is { } statement && statement.Condition.Span.Contains(access.Span);
        }

        private void FollowByName(InvocationExpressionSyntax invocation)
        {
            if (_seen.Count >= MaxMethods || SyntaxNames.GetInvokedName(invocation) is not { Length: > 0 } invoked)
            {
                return;
            }

            foreach (var helper in _model.Compilation.GetSymbolsWithName(invoked, SymbolFilter.Member, _cancellationToken))
            {
                if (helper is IMethodSymbol method && _seen.Add(method))
                {
                    _pending.Enqueue(method);
                }
            }
        }

        /// <summary><c>entry.Property("CompanyId")</c>, <c>entry.Property(nameof(ITenantEntity.CompanyId))</c>, <c>entry.Property(e =&gt; e.CompanyId)</c>.</summary>
        private bool NamesTenantKeyProperty(InvocationExpressionSyntax invocation) =>
            SyntaxNames.GetInvokedName(invocation) == "Property" && PropertyName(invocation) is { } name && _model.IsTenantKeyName(name);

        private static string? PropertyName(InvocationExpressionSyntax invocation)
        {
            if (invocation.ArgumentList.Arguments.Count == 0)
            {
                return null;
            }

            return invocation.ArgumentList.Arguments[0].Expression switch
            {
                LiteralExpressionSyntax literal => literal.Token.ValueText,
                InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } nameOf
                    when nameOf.ArgumentList.Arguments.Count == 1 => LastName(nameOf.ArgumentList.Arguments[0].Expression),
                SimpleLambdaExpressionSyntax { Body: ExpressionSyntax body } => LastName(body),
                _ => null,
            };
        }

        private static string? LastName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>What the hooks stamp, by metadata name, so that compilations sharing the hooks' trees reuse one reading.</summary>
    private sealed class StampingFacts
    {
        public StampingFacts(ImmutableArray<SyntaxTree> hookTrees, string optionsKey)
        {
            HookTrees = hookTrees;
            OptionsKey = optionsKey;
        }

        /// <summary>A stamp whose selection cannot be read: every entity counts as stamped (the behaviour before selections were read).</summary>
        public bool StampsEverything { get; set; }

        public List<Selection> Selections { get; } = new();

        public List<SyntaxTree> VisitedTrees { get; } = new();

        private ImmutableArray<SyntaxTree> HookTrees { get; }

        private string OptionsKey { get; }

        public bool IsValidFor(Compilation compilation, ImmutableArray<SyntaxTree> hookTrees, string optionsKey) =>
            OptionsKey == optionsKey && HookTrees.SequenceEqual(hookTrees) && VisitedTrees.All(compilation.ContainsSyntaxTree);

        /// <summary>The entities one stamp reaches: those that are all of <see cref="AllOf"/>, with a key of <see cref="KeyType"/> when known.</summary>
        public sealed class Selection
        {
            public Selection(string[] allOf, string? keyType)
            {
                AllOf = allOf;
                KeyType = keyType;
            }

            public string[] AllOf { get; }

            public string? KeyType { get; }
        }
    }
}
