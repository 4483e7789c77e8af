using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using TenantAnalyzers.CodeFixes.Editing;
using TenantAnalyzers.Queries;
using TenantAnalyzers.Scanning;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TenantAnalyzers.CodeFixes.Fixes;

/// <summary>
/// TI0001 fixes: remove the bypass; keep it but scope the query by the tenant key from the company context (for code
/// that bypassed to drop another filter); or mark the member as deliberately cross-tenant.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FilterBypassCodeFixProvider)), Shared]
public sealed class FilterBypassCodeFixProvider : BatchCodeFixProvider
{
    public const string RemoveBypassKey = RuleIds.FilterBypass + ".RemoveBypass";
    public const string ScopeByTenantKey = RuleIds.FilterBypass + ".ScopeByTenantKey";
    public const string MarkCrossTenantKey = RuleIds.FilterBypass + ".MarkCrossTenant";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.FilterBypass);

    private protected override ImmutableArray<FixAction> GetActions(DocumentEdit edit, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (IsInsideFilterScope(diagnostic))
        {
            // A query inside a block that turns the filter off (ABP's Disable<IMultiTenant>()): it has no bypass call of its
            // own to remove or scope; only marking the member is offered.
            return edit.MarkCrossTenantAction(FindNode(edit, diagnostic), MarkCrossTenantKey) is { } markScope
                ? ImmutableArray.Create(markScope)
                : ImmutableArray<FixAction>.Empty;
        }

        var call = FindCall(edit, diagnostic);
        if (call is null)
        {
            return ImmutableArray<FixAction>.Empty;
        }

        var actions = ImmutableArray.CreateBuilder<FixAction>();
        var name = SyntaxNames.GetInvokedName(call);
        if (call.Expression is MemberAccessExpressionSyntax)
        {
            actions.Add(new FixAction($"Remove '{name}' (keep the tenant filter)", RemoveBypassKey));
        }

        if (ScopedPredicateFor(edit, call, cancellationToken) is not null)
        {
            actions.Add(new FixAction("Scope the query by the company context's tenant key", ScopeByTenantKey));
        }

        if (edit.MarkCrossTenantAction(call, MarkCrossTenantKey) is { } mark)
        {
            actions.Add(mark);
        }

        return actions.ToImmutable();
    }

    private protected override bool TryFix(DocumentEdit edit, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        if (IsInsideFilterScope(diagnostic))
        {
            return equivalenceKey == MarkCrossTenantKey && edit.TryMarkCrossTenant(FindNode(edit, diagnostic));
        }

        var call = FindCall(edit, diagnostic);
        if (call is null)
        {
            return false;
        }

        switch (equivalenceKey)
        {
            case RemoveBypassKey when call.Expression is MemberAccessExpressionSyntax:
                edit.Replace(call, current =>
                {
                    var invocation = (InvocationExpressionSyntax)current;
                    var receiver = ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
                    return receiver.WithTrailingTrivia(invocation.GetTrailingTrivia());
                });
                return true;

            case ScopeByTenantKey:
                var predicate = ScopedPredicateFor(edit, call, cancellationToken, queueInjection: true);
                if (predicate is null)
                {
                    return false;
                }

                edit.Replace(call, current => AppendWhere((InvocationExpressionSyntax)current, predicate));
                return true;

            case MarkCrossTenantKey:
                return edit.TryMarkCrossTenant(call);

            default:
                return false;
        }
    }

    private static bool IsInsideFilterScope(Diagnostic diagnostic) => diagnostic.Properties.ContainsKey(TenantFilterScope.DiagnosticProperty);

    private static SyntaxNode FindNode(DocumentEdit edit, Diagnostic diagnostic) =>
        edit.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

    private static InvocationExpressionSyntax? FindCall(DocumentEdit edit, Diagnostic diagnostic) =>
        edit.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            .FirstAncestorOrSelf<InvocationExpressionSyntax>();

    /// <summary><c>e =&gt; e.CompanyId == _companyContext.CompanyId</c> for the entity the call returns; null when the entity has no tenant key or no context is reachable.</summary>
    private static LambdaExpressionSyntax? ScopedPredicateFor(DocumentEdit edit, InvocationExpressionSyntax call, CancellationToken cancellationToken, bool queueInjection = false)
    {
        if (edit.SemanticModel.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method
            || edit.Model.Ef.GetSequenceElementType(method.ReturnType) is not { } entity)
        {
            return null;
        }

        var info = edit.Model.Classify(entity);
        var keyName = info.IsRoot ? "Id" : info.TenantKey?.Name;
        if (keyName is null)
        {
            return null;
        }

        var access = queueInjection
            ? edit.ContextAt(call, info.IsRoot ? null : keyName, cancellationToken)
            : CompanyContextAccess.Resolve(edit.SemanticModel, edit.Model, call, info.IsRoot ? null : keyName, cancellationToken);
        if (access is null)
        {
            return null;
        }

        var parameterName = LambdaParameterName(edit.SemanticModel, call, entity);
        return SimpleLambdaExpression(
            Parameter(Identifier(parameterName)),
            BinaryExpression(
                SyntaxKind.EqualsExpression,
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(parameterName), IdentifierName(keyName)),
                access.TenantKeyExpression()));
    }

    private static InvocationExpressionSyntax AppendWhere(InvocationExpressionSyntax call, LambdaExpressionSyntax predicate) =>
        InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, call.WithoutTrailingTrivia(), IdentifierName("Where")),
                ArgumentList(SingletonSeparatedList(Argument(predicate))))
            .WithTrailingTrivia(call.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);

    private static string LambdaParameterName(SemanticModel semanticModel, SyntaxNode position, ITypeSymbol entity)
    {
        var candidate = char.ToLowerInvariant(entity.Name[0]).ToString();
        return semanticModel.LookupSymbols(position.SpanStart, name: candidate).IsEmpty ? candidate : "entity";
    }
}
