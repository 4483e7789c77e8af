using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TenantAnalyzers.Frameworks;
using TenantAnalyzers.Model;
using TenantAnalyzers.Queries;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Rules;

/// <summary>
/// TI0001: <c>IgnoreQueryFilters</c> (or a configured bypass method) on a query of tenant-filtered data, or a query that
/// reaches tenant-filtered data through <c>Include</c> or a projection, that does not scope itself by the tenant key again.
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

        RegisterInvocationAction(start, model, BypassCall.CandidateNames(model.Options), (c, call) => AnalyzeInvocation(c, call, model));
        if (model.Frameworks.Abp is { } abp)
        {
            RegisterInvocationAction(start, model, new IdentifierScan(TenantFilterScope.OpeningNames), (c, call) => AnalyzeScope(c, call, model, abp));
        }
    }

    /// <summary>
    /// ABP: <c>using (_dataFilter.Disable&lt;IMultiTenant&gt;())</c> or <c>using (CurrentTenant.Change(null))</c> turns the
    /// tenant filter off for the statements of its block. Each query of an <c>IMultiTenant</c> entity there is a bypass:
    /// a repository read (<c>GetListAsync</c>, <c>GetAsync</c>, <c>GetQueryableAsync</c>...), a <c>DbSet</c>. Queries that
    /// scope themselves by the tenant key and justified members are treated as for <c>IgnoreQueryFilters</c>.
    /// </summary>
    private static void AnalyzeScope(CandidateContext context, InvocationExpressionSyntax opening, TenantModel model, AbpApi abp)
    {
        if (!TenantFilterScope.OpensUsingScope(opening)
            || !TenantFilterScope.TurnsTenantFilterOff(opening, abp, context.SemanticModel, context.CancellationToken))
        {
            return;
        }

        var bypass = SyntaxNames.GetInvokedName(opening)!;
        ISymbol? member = null;
        foreach (var statement in TenantFilterScope.Body(opening))
        {
            if (context.SemanticModel.GetOperation(statement, context.CancellationToken) is not { } body)
            {
                continue;
            }

            foreach (var operation in body.DescendantsAndSelf())
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (MultiTenantQueryRoot(operation, model, abp) is not { } entity
                    || IsRescoped(operation, model)
                    || TenantFilterScope.Enclosing(operation.Syntax, abp, context.SemanticModel, context.CancellationToken) != opening)
                {
                    continue;
                }

                member ??= context.GetContainingMember(opening);
                var justification = model.CrossTenantScope.Find(RuleIds.FilterBypass, operation.Syntax, member, context.SemanticModel, context.CancellationToken);
                context.Report(
                    Diagnostic.Create(
                        Descriptors.FilterBypass,
                        RootLocation(operation),
                        ImmutableDictionary<string, string?>.Empty.Add(TenantFilterScope.DiagnosticProperty, bypass),
                        bypass,
                        entity.Name,
                        MemberDisplay.Of(member)),
                    member,
                    justification);
            }
        }
    }

    /// <summary>
    /// Where a query of an <c>IMultiTenant</c> entity starts: a read on an ABP repository of it (not <c>Insert</c>/<c>Update</c>,
    /// which write a given entity), a <c>DbSet&lt;T&gt;</c> property, or a call that returns one (<c>Set&lt;T&gt;()</c>).
    /// </summary>
    private static ITypeSymbol? MultiTenantQueryRoot(IOperation operation, TenantModel model, AbpApi abp)
    {
        ITypeSymbol? entity = operation switch
        {
            IInvocationOperation call when abp.RepositoryEntity(call.TargetMethod.ContainingType) is { } repositoryEntity
                && !call.TargetMethod.Name.StartsWith("Insert", System.StringComparison.Ordinal)
                && !call.TargetMethod.Name.StartsWith("Update", System.StringComparison.Ordinal) => repositoryEntity,
            IInvocationOperation call when SetElement(call.TargetMethod.ReturnType, model) is { } element && !model.Ef.IsQueryable(QueryChain.GetSource(call)?.Type) => element,
            IPropertyReferenceOperation property when SetElement(property.Type, model) is { } element => element,
            _ => null,
        };

        return entity is not null && abp.IsMultiTenant(entity) ? entity : null;
    }

    /// <summary><c>T</c> of <c>DbSet&lt;T&gt;</c>, also awaited (<c>Task&lt;DbSet&lt;T&gt;&gt;</c> of ABP's <c>GetDbSetAsync()</c>).</summary>
    private static ITypeSymbol? SetElement(ITypeSymbol? type, TenantModel model)
    {
        if (type is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task)
        {
            type = task.TypeArguments[0];
        }

        return type is INamedTypeSymbol { IsGenericType: true } named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, model.Ef.DbSet)
            ? named.TypeArguments[0]
            : null;
    }

    /// <summary>The query scopes itself by the tenant key: a predicate of the repository call, or of the LINQ chain on the root.</summary>
    private static bool IsRescoped(IOperation root, TenantModel model)
    {
        if (root is IInvocationOperation call
            && QueryChain.GetLambdaArgument(call) is { } predicate
            && TenantPredicate.IsTenantScoped(predicate, model))
        {
            return true;
        }

        var consumer = root.Parent;
        while (consumer is IConversionOperation or IParenthesizedOperation or IAwaitOperation)
        {
            consumer = consumer.Parent;
        }

        switch (consumer)
        {
            case IArgumentOperation { Parent: IInvocationOperation extension }:
                return TenantPredicate.ChainIsTenantScoped(QueryChain.Around(extension), model);
            case IInvocationOperation instance:
                return TenantPredicate.ChainIsTenantScoped(QueryChain.Around(instance), model);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                // var query = await _repository.GetQueryableAsync(); ... query.Where(e => e.TenantId == tenantId)
                return IsScopedThroughLocal(declarator.Symbol, root, model);
            default:
                return false;
        }
    }

    private static bool IsScopedThroughLocal(ILocalSymbol local, IOperation anchor, TenantModel model)
    {
        var root = anchor;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var descendant in root.Descendants())
        {
            if (descendant is IInvocationOperation invocation
                && QueryChain.GetSource(invocation) is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && TenantPredicate.ChainIsTenantScoped(QueryChain.Around(invocation), model))
            {
                return true;
            }
        }

        return false;
    }

    private static Location RootLocation(IOperation root)
    {
        var syntax = root.Syntax;
        var start = syntax switch
        {
            InvocationExpressionSyntax invocation => SyntaxNames.GetInvokedNameNode(invocation)?.SpanStart ?? syntax.SpanStart,
            MemberAccessExpressionSyntax access => access.Name.SpanStart,
            _ => syntax.SpanStart,
        };

        return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(start, syntax.Span.End));
    }

    private static void AnalyzeInvocation(CandidateContext context, InvocationExpressionSyntax syntax, TenantModel model)
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

        var member = context.GetContainingMember(syntax);
        var justification = model.CrossTenantScope.Find(RuleIds.FilterBypass, syntax, member, context.SemanticModel, context.CancellationToken);
        var nameNode = SyntaxNames.GetInvokedNameNode(syntax)!;
        var location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(nameNode.SpanStart, syntax.Span.End));
        context.Report(
            Diagnostic.Create(Descriptors.FilterBypass, location, call.TargetMethod.Name, leaked.Name, MemberDisplay.Of(member)),
            member,
            justification);
    }

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
