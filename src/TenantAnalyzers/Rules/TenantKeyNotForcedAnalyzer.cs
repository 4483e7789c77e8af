using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TenantAnalyzers.Flow;
using TenantAnalyzers.Model;
using TenantAnalyzers.Queries;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Rules;

/// <summary>
/// TI0004: a new tenant-owned entity that reaches a save (<c>Add</c>/<c>Update</c>/<c>Attach</c> and their range and async
/// forms, <c>UserManager.CreateAsync</c>, ABP's <c>InsertAsync</c>) in the same member without its tenant key ever being
/// set — not in the initializer, not by the constructor (<see cref="ConstructorTenantKey"/>), not by an assignment, and
/// no save hook that selects its type stamps it (<see cref="TenantKeyStamping"/>). A key set from any value counts as
/// set: where that value is request input, TI0005 reports it; a service method's <c>companyId</c> parameter is its
/// caller's business. Seeding code is not reported (<see cref="NonRequestCode"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TenantKeyNotForcedAnalyzer : TenantRuleAnalyzer
{
    /// <summary>Set on a finding for an attached stub of an existing row: setting the key there is no fix.</summary>
    public const string StubProperty = "stub";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TenantKeyNotForced, Descriptors.JustifiedCrossTenant);

    private protected override void Register(CompilationStartAnalysisContext start, TenantModel model)
    {
        if (!model.Ef.HasEntityFramework)
        {
            return;
        }

        var stamping = new Lazy<TenantKeyStamping>(() => TenantKeyStamping.Discover(model, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        var constructors = new ConstructorTenantKey(model);
        var sinkNames = new IdentifierScan(CreatedEntityFlow.SinkNamesFor(model));
        RegisterFileAction(start, c => AnalyzeFile(c, model, sinkNames, stamping, constructors));
    }

    /// <summary>
    /// Starts from the saves, not the creations: only a member that calls <c>Add</c>, <c>Attach</c> or <c>Update</c> can
    /// save a new entity, so only such members' creations are looked at.
    /// </summary>
    private static void AnalyzeFile(SemanticModelAnalysisContext context, TenantModel model, IdentifierScan sinkNames, Lazy<TenantKeyStamping> stamping, ConstructorTenantKey constructors)
    {
        var members = new HashSet<SyntaxNode>();
        sinkNames.Find(
            context.SemanticModel.SyntaxTree,
            span: null,
            members,
            static (token, found) =>
            {
                if (SyntaxNames.InvocationNamedBy(token) is { } sink && CreatedEntityFlow.MayBeSink(sink))
                {
                    found.Add(SyntaxScope.EnclosingMember(sink));
                }
            },
            context.CancellationToken);

        foreach (var member in members)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            foreach (var node in SyntaxScope.NodesOf(member))
            {
                if (node is BaseObjectCreationExpressionSyntax creation)
                {
                    AnalyzeCreation(new CandidateContext(context, model, creation.NewKeyword), creation, model, stamping, constructors);
                }
            }
        }
    }

    private static void AnalyzeCreation(CandidateContext context, BaseObjectCreationExpressionSyntax syntax, TenantModel model, Lazy<TenantKeyStamping> stamping, ConstructorTenantKey constructors)
    {
        // Syntax first: most creations are not entities, set the key in the initializer, or go nowhere near a save.
        if (InitializerSetsTenantKey(syntax, model) || CreatedEntityFlow.EndsBeforeAnySinkBySyntax(syntax, model.Ef))
        {
            return;
        }

        var info = model.Classify(context.SemanticModel.GetTypeInfo(syntax, context.CancellationToken).Type);
        if (info is not { IsOwned: true, TenantKey: { } key }
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IObjectCreationOperation creation
            || SetsOwnerOnCreation(creation, model, constructors, context.CancellationToken))
        {
            return;
        }

        var flow = CreatedEntityFlow.Follow(creation, model);
        if (flow.Sink is not { } sink || flow.KeyMaySetElsewhere)
        {
            return;
        }

        // A stub attached for an existing row is written or deleted by its id whatever a save hook stamps on it (hooks
        // stamp added entries): stamping does not protect it.
        var isStub = sink.TargetMethod.Name.StartsWith("Attach", StringComparison.Ordinal) && IsStubOfExistingRow(creation);
        if (!isStub
            && (TenantKeyStamping.IsOverriddenOutsideSource(DbContextOf(sink, model), model) || stamping.Value.Covers(creation.Type!, key)))
        {
            return;
        }

        var member = context.GetContainingMember(syntax);
        if (NonRequestCode.IsSeedCode(member, syntax, model))
        {
            return;
        }

        var justification = model.CrossTenantScope.Find(RuleIds.TenantKeyNotForced, syntax, member, context.SemanticModel, context.CancellationToken);
        var end = syntax.ArgumentList?.Span.End ?? (syntax as ObjectCreationExpressionSyntax)?.Type.Span.End ?? syntax.NewKeyword.Span.End;
        var properties = isStub
            ? ImmutableDictionary<string, string?>.Empty.Add(StubProperty, "true")
            : ImmutableDictionary<string, string?>.Empty;
        context.Report(
            Diagnostic.Create(
                Descriptors.TenantKeyNotForced,
                Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.SpanStart, end)),
                properties,
                creation.Type!.Name,
                sink.TargetMethod.Name,
                MemberDisplay.Of(member),
                key.Name),
            member,
            justification);
    }

    /// <summary>
    /// The initializer sets the key or the tenant root navigation, or the constructor does: read in source
    /// (<see cref="ConstructorTenantKey"/>: <c>new Reservation(tenantId, ...)</c> whose constructor, or the one it chains
    /// to, assigns <c>TenantId = tenantId</c>), by its parameters' names and types when it is not in source, or by ABP's
    /// <c>Entity</c> base class, which stamps the current tenant. An argument of <c>null</c> or <c>default</c> sets nothing.
    /// </summary>
    private static bool SetsOwnerOnCreation(IObjectCreationOperation creation, TenantModel model, ConstructorTenantKey constructors, CancellationToken cancellationToken)
    {
        if (creation.Type is { } created && (model.Frameworks.Abp?.StampsTenantOnConstruction(created) ?? false))
        {
            return true;
        }

        if (creation.Constructor is { } constructor)
        {
            var key = constructors.Of(constructor, cancellationToken);
            switch (key.Kind)
            {
                case ConstructorKeyKind.SetOther:
                    return true;
                case ConstructorKeyKind.FromParameter when constructors.KeyArgument(creation, cancellationToken) is { } argument && !ConstructorTenantKey.IsNothing(argument):
                    return true;
                case ConstructorKeyKind.Unknown when constructors.KeyParameterByName(constructor) is { } ordinal && ArgumentAt(creation, ordinal) is { } named && !ConstructorTenantKey.IsNothing(named):
                    return true;
            }
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } && CreatedEntityFlow.SetsOwner(property.Property, model))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IOperation? ArgumentAt(IObjectCreationOperation creation, int ordinal)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>Attach(new Customer { Id = id })</c>: a stub that stands for an existing row, to delete it or write some columns.
    /// EF Core writes and deletes by the primary key alone and no query filter applies to <c>SaveChanges</c>, so whoever
    /// chooses the id reaches another tenant's row: reported, but setting the key on the stub would not stop that, so the
    /// fix is not offered (load the row through a tenant-scoped query, or delete with <c>ExecuteDelete</c> on the filtered set).
    /// </summary>
    private static bool IsStubOfExistingRow(IObjectCreationOperation creation)
    {
        if (creation.Initializer is null || creation.Type is null)
        {
            return false;
        }

        foreach (var member in creation.Initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property }
                && (property.Property.Name == "Id" || property.Property.Name == creation.Type.Name + "Id"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The DbContext a sink saves through: the receiver of <c>db.Add</c>, or the owner of the set in <c>db.Customers.Add</c>.</summary>
    private static ITypeSymbol? DbContextOf(IInvocationOperation sink, TenantModel model)
    {
        var receiver = QueryChain.Unwrap(sink.Instance);
        if (!SymbolEqualityComparer.Default.Equals(sink.TargetMethod.ContainingType.OriginalDefinition, model.Ef.DbSet))
        {
            return receiver?.Type;
        }

        return receiver switch
        {
            IMemberReferenceOperation member => member.Instance?.Type,
            IInvocationOperation set => set.Instance?.Type,
            _ => null,
        };
    }

    private static bool InitializerSetsTenantKey(BaseObjectCreationExpressionSyntax creation, TenantModel model)
    {
        if (creation.Initializer is null)
        {
            return false;
        }

        foreach (var expression in creation.Initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } && model.IsTenantKeyName(name.Identifier.ValueText))
            {
                return true;
            }
        }

        return false;
    }
}
