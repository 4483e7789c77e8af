using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using TenantAnalyzers.Flow;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>
/// Minimal-API handlers: the lambdas and method groups passed to <c>MapGet</c>/<c>MapPost</c>/... of an
/// <c>IEndpointRouteBuilder</c>. ASP.NET Core fills their parameters from DI, so that is where a fix hands them the
/// company context, static or not.
/// </summary>
internal static class MinimalApiHandler
{
    private const string EndpointRouteBuilderName = "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder";

    /// <summary>True when <paramref name="lambda"/> is an argument of a <c>Map*</c> call on an endpoint route builder.</summary>
    public static bool IsHandlerLambda(ParenthesizedLambdaExpressionSyntax lambda, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax map } }
        && IsMapCall(map, semanticModel, cancellationToken);

    /// <summary>
    /// True when every reference to <paramref name="method"/> in the solution is a method group handed to a <c>Map*</c>
    /// call (and there is one): a new parameter then breaks no caller, DI supplies it.
    /// </summary>
    public static async Task<bool> IsOnlyUsedAsHandlerAsync(IMethodSymbol method, Solution solution, Compilation compilation, CancellationToken cancellationToken)
    {
        if (compilation.GetTypeByMetadataName(EndpointRouteBuilderName) is null)
        {
            return false;
        }

        var used = false;
        foreach (var reference in await SymbolFinder.FindReferencesAsync(method, solution, cancellationToken).ConfigureAwait(false))
        {
            foreach (var location in reference.Locations)
            {
                var root = await location.Location.SourceTree!.GetRootAsync(cancellationToken).ConfigureAwait(false);
                var node = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                var group = node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access : node;
                if (group.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax map } }
                    || !EntryPoints.IsMapMethodName(SyntaxNames.GetInvokedName(map)))
                {
                    return false;
                }

                used = true;
            }
        }

        return used;
    }

    private static bool IsMapCall(InvocationExpressionSyntax invocation, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (!EntryPoints.IsMapMethodName(SyntaxNames.GetInvokedName(invocation))
            || semanticModel.Compilation.GetTypeByMetadataName(EndpointRouteBuilderName) is not { } builder
            || semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return false;
        }

        var definition = method.ReducedFrom ?? method;
        if (!definition.IsExtensionMethod || definition.Parameters.Length == 0)
        {
            return false;
        }

        var receiver = definition.Parameters[0].Type;
        return SymbolEqualityComparer.Default.Equals(receiver, builder) || receiver.AllInterfaces.Contains(builder, SymbolEqualityComparer.Default);
    }
}
