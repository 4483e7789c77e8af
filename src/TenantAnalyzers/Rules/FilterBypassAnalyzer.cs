using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TenantAnalyzers.Flow;
using TenantAnalyzers.Frameworks;
using TenantAnalyzers.Model;
using TenantAnalyzers.Queries;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Rules;

/// <summary>
/// TI0001: <c>IgnoreQueryFilters</c> (or a configured bypass method) on a query of tenant-filtered data, or a query that
/// reaches tenant-filtered data through <c>Include</c> or a projection, that does not scope itself by the tenant key again
/// on every path, and whose one loaded entity is not checked before use (<see cref="OwnershipCheck"/>). In deliberate
/// cross-tenant code (<see cref="Authorization.CrossTenantScope"/>) it is reported as TI0200.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FilterBypassAnalyzer : TenantRuleAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FilterBypass, Descriptors.JustifiedCrossTenant);

    private protected override void Register(CompilationStartAnalysisContext start, TenantModel model)
    {
        if (!model.Ef.HasEntityFramework && model.Options.BypassMethods.IsEmpty)
        {
            return;
        }

        var entryPoints = model.EntryPoints;
        RegisterInvocationAction(start, model, BypassCall.CandidateNames(model.Options), (c, call) => AnalyzeInvocation(c, call, model, entryPoints));
        if (model.Frameworks.Abp is { } abp)
        {
            RegisterInvocationAction(start, model, new IdentifierScan(TenantFilterScope.OpeningNames), (c, call) => AnalyzeScope(c, call, model, abp));
        }
    }

    /// <summary>
    /// ABP: <c>using (_dataFilter.Disable&lt;IMultiTenant&gt;())</c> or <c>using (CurrentTenant.Change(null))</c> turns the
    /// tenant filter off for the statements of its block: each query of an <c>IMultiTenant</c> entity there that does not
    /// scope itself again is a bypass (<see cref="FilterScopeQueries"/>), justified or not as for <c>IgnoreQueryFilters</c>.
    /// </summary>
    private static void AnalyzeScope(CandidateContext context, InvocationExpressionSyntax opening, TenantModel model, AbpApi abp)
    {
        if (!TenantFilterScope.OpensUsingScope(opening)
            || !TenantFilterScope.TurnsTenantFilterOff(opening, abp, context.SemanticModel, context.CancellationToken))
        {
            return;
        }

        var bypass = SyntaxNames.GetInvokedName(opening)!;
        var properties = ImmutableDictionary<string, string?>.Empty.Add(TenantFilterScope.DiagnosticProperty, bypass);
        ISymbol? member = null;
        foreach (var (query, entity) in FilterScopeQueries.Unscoped(opening, model, abp, context.SemanticModel, context.CancellationToken))
        {
            member ??= context.GetContainingMember(opening);
            var justification = model.CrossTenantScope.Find(RuleIds.FilterBypass, query.Syntax, member, context.SemanticModel, context.CancellationToken);
            context.Report(
                Diagnostic.Create(Descriptors.FilterBypass, FilterScopeQueries.LocationOf(query), properties, bypass, entity.Name, MemberDisplay.Of(member)),
                member,
                justification);
        }
    }

    private static void AnalyzeInvocation(CandidateContext context, InvocationExpressionSyntax syntax, TenantModel model, EntryPoints entryPoints)
    {
        // The secure shape, .IgnoreQueryFilters().Where(e => e.CompanyId == ...), is answered without binding the member.
        if (TenantPredicateSyntax.ChainIsTenantScoped(syntax, model)
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation call
            || !BypassCall.IsBypass(call.TargetMethod, model))
        {
            return;
        }

        var entity = BypassCall.GetEntityType(call, model.Ef);
        if (entity is null or ITypeParameterSymbol or IErrorTypeSymbol)
        {
            // Inside a generic repository the entity is not known here; its callers are where tenancy is decided.
            return;
        }

        var chain = QueryChain.Around(call);
        var leaked = model.IsTenantFiltered(entity) ? entity : FindReachedFilteredType(chain, model);
        if (leaked is null
            || !BypassCall.DropsTenantFilter(call, syntax, model)
            || TenantPredicate.ChainIsTenantScoped(chain, model))
        {
            return;
        }

        // The same after-load check TI0003 accepts: one entity loaded past the filter, then compared with the caller's tenant.
        if (LoadsOneEntity(chain.Terminal)
            && OwnershipCheck.IsCheckedBeforeUse(chain.Terminal, model, new ValueOriginResolver(entryPoints, context.SemanticModel, context.CancellationToken)))
        {
            return;
        }

        var member = context.GetContainingMember(syntax);
        var justification = model.CrossTenantScope.Find(
            RuleIds.FilterBypass, syntax, member, context.SemanticModel, context.CancellationToken, TenantPredicate.UnscopedPath(chain, model));
        var nameNode = SyntaxNames.GetInvokedNameNode(syntax)!;
        var location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(nameNode.SpanStart, syntax.Span.End));
        context.Report(
            Diagnostic.Create(Descriptors.FilterBypass, location, call.TargetMethod.Name, leaked.Name, MemberDisplay.Of(member)),
            member,
            justification);
    }

    private static bool LoadsOneEntity(IInvocationOperation terminal) => terminal.TargetMethod.Name is
        "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault"
        or "FirstAsync" or "FirstOrDefaultAsync" or "SingleAsync" or "SingleOrDefaultAsync" or "LastAsync" or "LastOrDefaultAsync"
        or "Find" or "FindAsync";

    /// <summary>Tenant-filtered data the query loads besides its root: <c>Include</c>/<c>ThenInclude</c> targets and projected navigations.</summary>
    private static ITypeSymbol? FindReachedFilteredType(QueryChain chain, TenantModel model)
    {
        foreach (var op in chain.Operators)
        {
            var method = op.TargetMethod;
            ITypeSymbol? reached = method.Name switch
            {
                "Include" or "ThenInclude" when model.Ef.IsEfQueryableExtension(method.ReducedFrom ?? method) && method.TypeArguments.Length > 0
                    => method.TypeArguments[method.TypeArguments.Length - 1],
                "Select" or "SelectMany" => model.Ef.GetSequenceElementType(method.ReturnType),
                _ => null,
            };

            if (reached is null)
            {
                continue;
            }

            var element = model.Ef.GetSequenceElementType(reached) ?? reached;
            if (model.IsTenantFiltered(element))
            {
                return element;
            }
        }

        return null;
    }
}
