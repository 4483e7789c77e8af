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
/// TI0004: a new tenant-owned entity that reaches <c>Add</c>/<c>Update</c>/<c>Attach</c> (and their range and async forms)
/// in the same member without its tenant key ever being set — not in the initializer, not by the constructor, not by an
/// assignment, and no SaveChanges override or interceptor stamps it. A key set from any value counts as set: where that
/// value is request input, TI0005 reports it; a service method's <c>companyId</c> parameter is its caller's business.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TenantKeyNotForcedAnalyzer : TenantRuleAnalyzer
{
    private static readonly IdentifierScan SinkNames = new(CreatedEntityFlow.SinkNames);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TenantKeyNotForced);

    private protected override void Register(CompilationStartAnalysisContext start, TenantModel model)
    {
        if (!model.Ef.HasEntityFramework)
        {
            return;
        }

        var stamping = new Lazy<bool>(() => TenantKeyStamping.IsDeclared(model, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        RegisterFileAction(start, c => AnalyzeFile(c, model, stamping));
    }

    /// <summary>
    /// Starts from the saves, not the creations: only a member that calls <c>Add</c>, <c>Attach</c> or <c>Update</c> can
    /// save a new entity, so only such members' creations are looked at.
    /// </summary>
    private static void AnalyzeFile(SemanticModelAnalysisContext context, TenantModel model, Lazy<bool> stamping)
    {
        var members = new HashSet<SyntaxNode>();
        SinkNames.Find(
            context.SemanticModel.SyntaxTree,
            span: null,
            members,
            static (token, found) =>
            {
                if (SyntaxNames.InvocationNamedBy(token) is { } sink)
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
                    AnalyzeCreation(new CandidateContext(context, model, creation.NewKeyword), creation, model, stamping);
                }
            }
        }
    }

    private static void AnalyzeCreation(CandidateContext context, BaseObjectCreationExpressionSyntax syntax, TenantModel model, Lazy<bool> stamping)
    {
        // Syntax first: most creations are not entities, set the key in the initializer, or go nowhere near a save.
        if (InitializerSetsTenantKey(syntax, model) || CreatedEntityFlow.EndsBeforeAnySinkBySyntax(syntax, model.Ef))
        {
            return;
        }

        var info = model.Classify(context.SemanticModel.GetTypeInfo(syntax, context.CancellationToken).Type);
        if (info is not { IsOwned: true, TenantKey: { } key }
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IObjectCreationOperation creation
            || SetsOwnerOnCreation(creation, model))
        {
            return;
        }

        var flow = CreatedEntityFlow.Follow(creation, model);
        if (flow.Sink is not { } sink
            || flow.KeyMaySetElsewhere
            || (sink.TargetMethod.Name.StartsWith("Attach", StringComparison.Ordinal) && IsStubOfExistingRow(creation))
            || TenantKeyStamping.IsOverriddenOutsideSource(DbContextOf(sink, model), model)
            || stamping.Value)
        {
            return;
        }

        var member = context.GetContainingMember(syntax);
        if (model.CrossTenant.IsInsideJustifiedScope(member))
        {
            return;
        }

        var end = syntax.ArgumentList?.Span.End ?? (syntax as ObjectCreationExpressionSyntax)?.Type.Span.End ?? syntax.NewKeyword.Span.End;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.TenantKeyNotForced,
            Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.SpanStart, end)),
            creation.Type!.Name,
            sink.TargetMethod.Name,
            MemberDisplay.Of(member),
            key.Name));
    }

    /// <summary>The initializer sets the key or the tenant root navigation, or a constructor parameter takes it (<c>new Customer(companyId, name)</c>).</summary>
    private static bool SetsOwnerOnCreation(IObjectCreationOperation creation, TenantModel model)
    {
        if (creation.Constructor is { } constructor)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (model.Classify(parameter.Type).IsRoot || IsKeyParameterName(parameter.Name, model))
                {
                    return true;
                }
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

    private static bool IsKeyParameterName(string name, TenantModel model)
    {
        foreach (var key in model.Options.TenantKeys)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>Attach(new Customer { Id = id })</c> identifies an existing row to delete or partly update: EF Core writes only
    /// what is marked modified, so the stub's tenant key is never saved (whether the id may be touched is TI0003's question).
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
