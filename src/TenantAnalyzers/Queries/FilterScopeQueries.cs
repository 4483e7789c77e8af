using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TenantAnalyzers.Frameworks;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Queries;

/// <summary>
/// The queries of <c>IMultiTenant</c> entities inside a <see cref="TenantFilterScope"/>, where each starts: a read on an
/// ABP repository of the entity (not <c>Insert</c>/<c>Update</c>, which write a given entity), a <c>DbSet&lt;T&gt;</c>
/// property, or a call that returns one (<c>Set&lt;T&gt;()</c>, an awaited <c>GetDbSetAsync()</c>). A query that scopes
/// itself by the tenant key — a predicate of the repository call, the LINQ chain on it, or through the local the
/// queryable is stored in — is left out, as is one inside a nested scope that reports it itself.
/// </summary>
internal static class FilterScopeQueries
{
    public static IEnumerable<(IOperation Query, ITypeSymbol Entity)> Unscoped(
        InvocationExpressionSyntax opening, TenantModel model, AbpApi abp, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var statement in TenantFilterScope.Body(opening))
        {
            if (semanticModel.GetOperation(statement, cancellationToken) is not { } body)
            {
                continue;
            }

            foreach (var operation in body.DescendantsAndSelf())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (QueryRoot(operation, model, abp) is { } entity
                    && !IsRescoped(operation, model)
                    && TenantFilterScope.Enclosing(operation.Syntax, abp, semanticModel, cancellationToken) == opening)
                {
                    yield return (operation, entity);
                }
            }
        }
    }

    /// <summary>From the name of the call or member that starts the query to its end, as TI0001 reports a bypass call.</summary>
    public static Location LocationOf(IOperation query)
    {
        var syntax = query.Syntax;
        var start = syntax switch
        {
            InvocationExpressionSyntax invocation => SyntaxNames.GetInvokedNameNode(invocation)?.SpanStart ?? syntax.SpanStart,
            MemberAccessExpressionSyntax access => access.Name.SpanStart,
            _ => syntax.SpanStart,
        };

        return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(start, syntax.Span.End));
    }

    private static ITypeSymbol? QueryRoot(IOperation operation, TenantModel model, AbpApi abp)
    {
        ITypeSymbol? entity = operation switch
        {
            IInvocationOperation call when abp.RepositoryEntity(call.TargetMethod.ContainingType) is { } repositoryEntity
                && !call.TargetMethod.Name.StartsWith("Insert", StringComparison.Ordinal)
                && !call.TargetMethod.Name.StartsWith("Update", StringComparison.Ordinal) => repositoryEntity,
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
}
