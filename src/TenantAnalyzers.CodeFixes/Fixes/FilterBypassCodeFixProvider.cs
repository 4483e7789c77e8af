using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using TenantAnalyzers.CodeFixes.Editing;
using TenantAnalyzers.Model;
using TenantAnalyzers.Queries;
using TenantAnalyzers.Scanning;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TenantAnalyzers.CodeFixes.Fixes;

/// <summary>
/// TI0001 fixes, in this order: keep the bypass but scope the query by the tenant key from the company context (the
/// current tenant keeps its results: safe in bulk); remove the bypass (re-enables every other filter too); or mark the
/// member as deliberately cross-tenant.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FilterBypassCodeFixProvider)), Shared]
public sealed class FilterBypassCodeFixProvider : BatchCodeFixProvider
{
    public const string RemoveBypassKey = RuleIds.FilterBypass + ".RemoveBypass";
    public const string ScopeByTenantKey = RuleIds.FilterBypass + ".ScopeByTenantKey";
    public const string MarkCrossTenantKey = RuleIds.FilterBypass + ".MarkCrossTenant";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.FilterBypass);

    private protected override async Task<ImmutableArray<FixAction>> GetActionsAsync(DocumentEdit edit, Diagnostic diagnostic, CancellationToken cancellationToken)
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
        if (await PlanScopeAsync(edit, call, cancellationToken).ConfigureAwait(false) is not null)
        {
            actions.Add(new FixAction("Scope the query by the company context's tenant key", ScopeByTenantKey));
        }

        if (call.Expression is MemberAccessExpressionSyntax)
        {
            actions.Add(new FixAction($"Remove '{SyntaxNames.GetInvokedName(call)}' (keep the tenant filter)", RemoveBypassKey));
        }

        if (edit.MarkCrossTenantAction(call, MarkCrossTenantKey) is { } mark)
        {
            actions.Add(mark);
        }

        return actions.ToImmutable();
    }

    private protected override async Task<bool> TryFixAsync(DocumentEdit edit, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
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
            case RemoveBypassKey when call.Expression is MemberAccessExpressionSyntax access:
                RemoveBypass(edit, call, access, cancellationToken);
                return true;

            case ScopeByTenantKey:
                if (await PlanScopeAsync(edit, call, cancellationToken).ConfigureAwait(false) is not { } scope)
                {
                    return false;
                }

                edit.Use(scope.Context);
                edit.Replace(call, current => AppendWhere((InvocationExpressionSyntax)current, scope.Predicate));
                QueryRewrite.ImportIfMissing(edit, call, scope.Query, "Where", QueryRewrite.LinqNamespace);
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

    /// <summary>
    /// Deletes the bypass call and keeps its receiver. Where the receiver is of another type than the bypassed query
    /// (<c>var query = _db.Customers.IgnoreQueryFilters();</c> would make <c>query</c> a <c>DbSet</c>, and
    /// <c>query = query.Where(...)</c> stop compiling) and no operator follows, it becomes <c>.AsQueryable()</c>.
    /// </summary>
    private static void RemoveBypass(DocumentEdit edit, InvocationExpressionSyntax call, MemberAccessExpressionSyntax access, CancellationToken cancellationToken)
    {
        var receiverType = edit.SemanticModel.GetTypeInfo(access.Expression, cancellationToken).Type;
        var queryType = edit.SemanticModel.GetTypeInfo(call, cancellationToken).Type;
        var keepsType = call.Parent is MemberAccessExpressionSyntax next && next.Expression == call
            || SymbolEqualityComparer.Default.Equals(receiverType, queryType);
        if (!keepsType && receiverType is not null)
        {
            QueryRewrite.ImportIfMissing(edit, call, receiverType, "AsQueryable", QueryRewrite.LinqNamespace);
        }

        edit.Replace(call, current =>
        {
            var invocation = (InvocationExpressionSyntax)current;
            var receiver = ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
            return keepsType
                ? receiver.WithTrailingTrivia(invocation.GetTrailingTrivia())
                : invocation
                    .WithExpression(((MemberAccessExpressionSyntax)invocation.Expression).WithName(IdentifierName("AsQueryable")))
                    .WithArgumentList(ArgumentList().WithTriviaFrom(invocation.ArgumentList));
        });
    }

    private static InvocationExpressionSyntax? FindCall(DocumentEdit edit, Diagnostic diagnostic) =>
        edit.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            .FirstAncestorOrSelf<InvocationExpressionSyntax>();

    /// <summary>
    /// <c>e =&gt; e.CompanyId == _companyContext.CompanyId</c> for the entity the call returns (a tenant root by its key:
    /// <c>c =&gt; c.Id == ...</c>); null when the entity has no such key, no context is reachable or its key does not
    /// compare with the entity's.
    /// </summary>
    private static async Task<ScopePlan?> PlanScopeAsync(DocumentEdit edit, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        var semanticModel = edit.SemanticModel;
        if (semanticModel.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method
            || edit.Model.Ef.GetSequenceElementType(method.ReturnType) is not { } entity)
        {
            return null;
        }

        var info = edit.Model.Classify(entity);
        var key = info.IsRoot ? EntityKey.Find(entity, edit.Model.Ef) : info.TenantKey;
        if (key is null)
        {
            return null;
        }

        var context = await edit.ContextAsync(call, info.IsRoot ? null : key.Name, cancellationToken).ConfigureAwait(false);
        if (context is null || ContextKeyValue.Comparand(semanticModel.Compilation, context, key.Type) is not { } tenantKey)
        {
            return null;
        }

        var parameterName = QueryRewrite.ParameterName(semanticModel, call, entity);
        var predicate = SimpleLambdaExpression(
            Parameter(Identifier(parameterName)),
            BinaryExpression(SyntaxKind.EqualsExpression, QueryRewrite.Member(parameterName, key.Name), tenantKey));
        return new ScopePlan(context, predicate, method.ReturnType);
    }

    private static InvocationExpressionSyntax AppendWhere(InvocationExpressionSyntax call, LambdaExpressionSyntax predicate) =>
        InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, call.WithoutTrailingTrivia(), IdentifierName("Where")),
                ArgumentList(SingletonSeparatedList(Argument(predicate))))
            .WithTrailingTrivia(call.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);

    private sealed class ScopePlan
    {
        public ScopePlan(CompanyContextAccess context, LambdaExpressionSyntax predicate, ITypeSymbol query)
        {
            Context = context;
            Predicate = predicate;
            Query = query;
        }

        public CompanyContextAccess Context { get; }

        public LambdaExpressionSyntax Predicate { get; }

        /// <summary>The type of the bypassed query, which <c>.Where</c> extends.</summary>
        public ITypeSymbol Query { get; }
    }
}
