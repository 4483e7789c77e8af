using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using TenantAnalyzers.CodeFixes.Editing;
using TenantAnalyzers.Flow;
using TenantAnalyzers.Scanning;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TenantAnalyzers.CodeFixes.Fixes;

/// <summary>
/// TI0005 fix: replace the request input with the company context's tenant key. A controller or service gets the context
/// from a parameter, field or property, or has it injected through its constructor; a minimal-API lambda gets an
/// <c>ICompanyContext companyContext</c> parameter, which ASP.NET Core fills from DI. Not offered when the context's key
/// does not convert to the type the input had, or in static code where nothing can be injected.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TenantIdFromInputCodeFixProvider)), Shared]
public sealed class TenantIdFromInputCodeFixProvider : BatchCodeFixProvider
{
    public const string UseContextKey = RuleIds.TenantIdFromInput + ".UseContext";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.TenantIdFromInput);

    private protected override ImmutableArray<FixAction> GetActions(DocumentEdit edit, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var input = FindInput(edit, diagnostic);
        if (input is null || Plan(edit, input, queueInjection: false, cancellationToken) is null)
        {
            return ImmutableArray<FixAction>.Empty;
        }

        return ImmutableArray.Create(new FixAction("Use the company context's tenant key", UseContextKey));
    }

    private protected override bool TryFix(DocumentEdit edit, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        var input = FindInput(edit, diagnostic);
        if (equivalenceKey != UseContextKey || input is null || Plan(edit, input, queueInjection: true, cancellationToken) is not { } replacement)
        {
            return false;
        }

        edit.Replace(input, current => replacement.WithTriviaFrom(current));
        return true;
    }

    private static ExpressionSyntax? FindInput(DocumentEdit edit, Diagnostic diagnostic) =>
        edit.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;

    private static ExpressionSyntax? Plan(DocumentEdit edit, ExpressionSyntax input, bool queueInjection, CancellationToken cancellationToken)
    {
        var semanticModel = edit.SemanticModel;
        var target = semanticModel.GetTypeInfo(input, cancellationToken).ConvertedType;
        if (MinimalApiHandler(input) is { } handler)
        {
            return PlanForHandler(edit, handler, target, queueInjection, cancellationToken);
        }

        var access = queueInjection
            ? edit.ContextAt(input, null, cancellationToken)
            : CompanyContextAccess.Resolve(semanticModel, edit.Model, input, null, cancellationToken);
        return access is not null && ContextKeyValue.Fits(semanticModel.Compilation, access.ContextType, access.ContextMember, target)
            ? access.TenantKeyExpression()
            : null;
    }

    /// <summary>The handler lambda passed to MapGet/MapPost/...: its own parameters are where DI hands it services.</summary>
    private static ParenthesizedLambdaExpressionSyntax? MinimalApiHandler(ExpressionSyntax input)
    {
        var lambda = input.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>();
        return lambda is ParenthesizedLambdaExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax map } } } handler
            && EntryPoints.IsMapMethodName(SyntaxNames.GetInvokedName(map))
                ? handler
                : null;
    }

    private static ExpressionSyntax? PlanForHandler(DocumentEdit edit, ParenthesizedLambdaExpressionSyntax handler, ITypeSymbol? target, bool queueInjection, CancellationToken cancellationToken)
    {
        var semanticModel = edit.SemanticModel;
        var contextType = CompanyContextAccess.FindContextType(semanticModel.Compilation, edit.Model);
        var member = contextType is null ? null : CompanyContextAccess.FindContextMember(contextType, edit.Model, null);
        if (contextType is null || member is null || !ContextKeyValue.Fits(semanticModel.Compilation, contextType, member, target))
        {
            return null;
        }

        foreach (var parameter in handler.ParameterList.Parameters)
        {
            if (parameter.Type is null)
            {
                // Implicitly typed parameters cannot be mixed with a typed one.
                return null;
            }

            if (semanticModel.GetDeclaredSymbol(parameter, cancellationToken) is { } symbol && SymbolEqualityComparer.Default.Equals(symbol.Type, contextType))
            {
                return Key(symbol.Name, member);
            }
        }

        const string name = "companyContext";
        if (!semanticModel.LookupSymbols(handler.Body.SpanStart, name: name).IsEmpty)
        {
            return null;
        }

        if (queueInjection)
        {
            var type = ParseTypeName(contextType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var added = Parameter(Identifier(name)).WithType(type.WithTrailingTrivia(Space));
            edit.ReplaceOnce(handler, current =>
            {
                var lambda = (ParenthesizedLambdaExpressionSyntax)current;
                var parameters = lambda.ParameterList.Parameters;
                return lambda.WithParameterList(lambda.ParameterList.WithParameters(
                    parameters.Add(parameters.Count == 0 ? added : added.WithLeadingTrivia(Space))));
            });
        }

        return Key(name, member);
    }

    private static ExpressionSyntax Key(string contextName, string member) =>
        MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(contextName), IdentifierName(member));
}
