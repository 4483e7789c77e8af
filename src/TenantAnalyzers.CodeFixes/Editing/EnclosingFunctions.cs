using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>
/// What the lambdas, anonymous methods and local functions around a position offer the company context, innermost
/// first: a parameter that holds it, a minimal-API handler that can take it as a parameter, and whether the code can
/// still see the member and type outside them (a <c>static</c> lambda or local function cannot).
/// </summary>
internal readonly struct EnclosingFunctions
{
    private EnclosingFunctions(string? contextParameter, ParenthesizedLambdaExpressionSyntax? handler, bool capturesOuterScope)
    {
        ContextParameter = contextParameter;
        Handler = handler;
        CapturesOuterScope = capturesOuterScope;
    }

    /// <summary>The name of a parameter that holds the context.</summary>
    public string? ContextParameter { get; }

    /// <summary>The minimal-API handler lambda the position is in, when no parameter holds the context.</summary>
    public ParenthesizedLambdaExpressionSyntax? Handler { get; }

    /// <summary>False when a static lambda or local function stands between the position and its member.</summary>
    public bool CapturesOuterScope { get; }

    public static EnclosingFunctions Walk(SyntaxNode position, INamedTypeSymbol contextType, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        for (var node = position; node is not null and not MemberDeclarationSyntax; node = node.Parent)
        {
            string? parameter;
            SyntaxTokenList modifiers;
            switch (node)
            {
                case ParenthesizedLambdaExpressionSyntax lambda:
                    parameter = CompanyContextAccess.ContextParameter(lambda.ParameterList, contextType, semanticModel, cancellationToken);
                    modifiers = lambda.Modifiers;
                    break;
                case SimpleLambdaExpressionSyntax simple:
                    parameter = semanticModel.GetDeclaredSymbol(simple.Parameter, cancellationToken) is { } symbol && CompanyContextAccess.IsContext(symbol.Type, contextType)
                        ? symbol.Name
                        : null;
                    modifiers = simple.Modifiers;
                    break;
                case AnonymousMethodExpressionSyntax anonymous:
                    parameter = anonymous.ParameterList is { } list ? CompanyContextAccess.ContextParameter(list, contextType, semanticModel, cancellationToken) : null;
                    modifiers = anonymous.Modifiers;
                    break;
                case LocalFunctionStatementSyntax local:
                    parameter = CompanyContextAccess.ContextParameter(local.ParameterList, contextType, semanticModel, cancellationToken);
                    modifiers = local.Modifiers;
                    break;
                default:
                    continue;
            }

            var capturesOuterScope = !modifiers.Any(SyntaxKind.StaticKeyword);
            if (parameter is not null)
            {
                return new EnclosingFunctions(parameter, null, capturesOuterScope);
            }

            if (node is ParenthesizedLambdaExpressionSyntax candidate && MinimalApiHandler.IsHandlerLambda(candidate, semanticModel, cancellationToken))
            {
                return new EnclosingFunctions(null, candidate, capturesOuterScope);
            }

            if (!capturesOuterScope)
            {
                return new EnclosingFunctions(null, null, capturesOuterScope: false);
            }
        }

        return new EnclosingFunctions(null, null, capturesOuterScope: true);
    }
}
