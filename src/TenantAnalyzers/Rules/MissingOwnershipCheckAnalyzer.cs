using System.Collections.Immutable;
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
/// TI0003: a tenant-owned entity loaded by its key (<c>Find</c>/<c>FindAsync</c>, or <c>FirstOrDefault(e =&gt; e.Id == id)</c>)
/// where no tenant filter applies — the type has none, or the query bypasses it — and neither the query nor the code
/// after the load checks that the entity belongs to the caller's company: whoever guesses an id gets the row (IDOR). A
/// lookup by the caller's own user id, by the tenant context or by an id read off the tenant's own rows is not one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingOwnershipCheckAnalyzer : TenantRuleAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MissingOwnershipCheck, Descriptors.JustifiedCrossTenant);

    private protected override void Register(CompilationStartAnalysisContext start, TenantModel model)
    {
        if (!model.Ef.HasEntityFramework)
        {
            return;
        }

        var entryPoints = model.EntryPoints;
        RegisterInvocationAction(start, model, KeyLookup.CandidateNames, (c, call) => AnalyzeInvocation(c, call, model, entryPoints));
        if (model.Frameworks.Abp is not null)
        {
            // ABP's repositories load by key with GetAsync(id) too.
            RegisterInvocationAction(start, model, KeyLookup.RepositoryCandidateNames, (c, call) => AnalyzeInvocation(c, call, model, entryPoints));
        }
    }

    private static void AnalyzeInvocation(CandidateContext context, InvocationExpressionSyntax syntax, TenantModel model, EntryPoints entryPoints)
    {
        var name = SyntaxNames.GetInvokedName(syntax);
        if ((name is not ("Find" or "FindAsync" or "GetAsync") && !SyntaxNames.ChainHasKeyEquality(syntax))
            || model.KeepsTenantFilterBySyntax(syntax)
            || model.LoadsOnlyUnownedRows(syntax, context.SemanticModel, context.CancellationToken)
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation call
            || KeyLookup.Match(call, model) is not { } lookup
            || !model.Classify(lookup.Entity).IsOwned
            || IsFilterGuaranteed(lookup, model, context)
            || (lookup.Chain is { } chain && TenantPredicate.ChainIsTenantScoped(chain, model)))
        {
            return;
        }

        var member = context.GetContainingMember(syntax);
        var resolver = new ValueOriginResolver(entryPoints, context.SemanticModel, context.CancellationToken);
        if (NonRequestCode.IsSeedCode(member, syntax, model)
            || IsOwnRow(lookup, resolver)
            || OwnershipCheck.IsCheckedBeforeUse(call, model, resolver))
        {
            return;
        }

        System.Collections.Generic.IReadOnlyList<PathCondition>? path = lookup.Chain is { } query ? TenantPredicate.UnscopedPath(query, model) : null;
        var justification = model.CrossTenantScope.Find(RuleIds.MissingOwnershipCheck, syntax, member, context.SemanticModel, context.CancellationToken, path);

        var nameNode = SyntaxNames.GetInvokedNameNode(syntax)!;
        var location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(nameNode.SpanStart, syntax.Span.End));
        context.Report(
            Diagnostic.Create(Descriptors.MissingOwnershipCheck, location, call.TargetMethod.Name, lookup.Entity.Name, MemberDisplay.Of(member)),
            member,
            justification);
    }

    /// <summary>
    /// A row the caller may load whatever its owner: keyed by the caller's own user id (loading yourself: the user or
    /// profile of <c>ClaimTypes.NameIdentifier</c>, <c>UserManager.GetUserId(User)</c>, a current-user service's
    /// <c>UserId</c>), by the tenant context itself, or by an id read off a row loaded through a tenant-scoped query (the
    /// tenant's own data points at it).
    /// </summary>
    private static bool IsOwnRow(KeyLookup lookup, ValueOriginResolver resolver) =>
        lookup.KeyValue() is { } key
        && resolver.Of(key).Kind is ValueOriginKind.CallerUserId or ValueOriginKind.Context or ValueOriginKind.TenantData;

    /// <summary>
    /// The tenant filter applies when the type is tenant-filtered and the query does not bypass it. <c>Find</c> has no
    /// query to bypass: its database lookup is filtered (rules.md explains the identity-map caveat).
    /// </summary>
    private static bool IsFilterGuaranteed(KeyLookup lookup, TenantModel model, CandidateContext context)
    {
        if (!model.IsTenantFiltered(lookup.Entity))
        {
            return false;
        }

        // ABP: inside using (_dataFilter.Disable<IMultiTenant>()) or CurrentTenant.Change(null) the data filter is off.
        if (model.Frameworks.Abp is { } abp
            && abp.IsMultiTenant(lookup.Entity)
            && TenantFilterScope.Enclosing(lookup.Call.Syntax, abp, context.SemanticModel, context.CancellationToken) is not null)
        {
            return false;
        }

        if (lookup.Chain is null)
        {
            return true;
        }

        foreach (var op in lookup.Chain.Operators)
        {
            if (BypassCall.IsBypass(op.TargetMethod, model)
                && op.Syntax is InvocationExpressionSyntax bypass
                && BypassCall.DropsTenantFilter(op, bypass, model))
            {
                return false;
            }
        }

        return true;
    }
}
