using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using TenantAnalyzers.CodeFixes.Editing;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TenantAnalyzers.CodeFixes.Fixes;

/// <summary>
/// TI0004 fix: set the tenant key from the company context in the object initializer (<c>CompanyId = _companyContext.CompanyId</c>),
/// creating the initializer when there is none and injecting the context when the type has none (a minimal-API handler
/// gets it as a parameter). A nullable context member is used fail-secure: <c>CompanyId = ctx.CompanyId ?? throw ...</c>.
/// Not offered when the key cannot be set there (no accessible setter) or the context's key does not convert to the key's type.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TenantKeyNotForcedCodeFixProvider)), Shared]
public sealed class TenantKeyNotForcedCodeFixProvider : BatchCodeFixProvider
{
    public const string SetTenantKeyKey = RuleIds.TenantKeyNotForced + ".SetTenantKey";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.TenantKeyNotForced);

    private protected override async Task<ImmutableArray<FixAction>> GetActionsAsync(DocumentEdit edit, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var creation = FindCreation(edit, diagnostic);
        if (creation is null
            || diagnostic.Properties.ContainsKey(Rules.TenantKeyNotForcedAnalyzer.StubProperty)
            || await PlanAsync(edit, creation, cancellationToken).ConfigureAwait(false) is not { } plan)
        {
            return ImmutableArray<FixAction>.Empty;
        }

        return ImmutableArray.Create(new FixAction($"Set '{plan.Key}' from the company context", SetTenantKeyKey));
    }

    private protected override async Task<bool> TryFixAsync(DocumentEdit edit, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        var creation = FindCreation(edit, diagnostic);
        if (equivalenceKey != SetTenantKeyKey
            || creation is null
            || diagnostic.Properties.ContainsKey(Rules.TenantKeyNotForcedAnalyzer.StubProperty)
            || await PlanAsync(edit, creation, cancellationToken).ConfigureAwait(false) is not { } plan)
        {
            return false;
        }

        edit.Use(plan.Context);
        var assignment = AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(plan.Key), plan.Value).NormalizeWhitespace();
        edit.Replace(creation, current => AddToInitializer((BaseObjectCreationExpressionSyntax)current, assignment));
        return true;
    }

    private static BaseObjectCreationExpressionSyntax? FindCreation(DocumentEdit edit, Diagnostic diagnostic) =>
        edit.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();

    private static async Task<(string Key, ExpressionSyntax Value, CompanyContextAccess Context)?> PlanAsync(DocumentEdit edit, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
    {
        var type = edit.SemanticModel.GetTypeInfo(creation, cancellationToken).Type;
        if (edit.Model.Classify(type).TenantKey is not { SetMethod: { } setter } key
            || !edit.SemanticModel.IsAccessible(creation.SpanStart, setter)
            || await edit.ContextAsync(creation, key.Name, cancellationToken).ConfigureAwait(false) is not { } context
            || ContextKeyValue.Value(edit, context, key.Type, creation, cancellationToken) is not { } value)
        {
            return null;
        }

        return (key.Name, value, context);
    }

    /// <summary>Appends the assignment to the initializer in its own layout (one line, or one member per line with or without a trailing comma).</summary>
    private static BaseObjectCreationExpressionSyntax AddToInitializer(BaseObjectCreationExpressionSyntax creation, ExpressionSyntax assignment)
    {
        if (creation.Initializer is not { } initializer)
        {
            var trailing = creation.GetTrailingTrivia();
            var created = InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(Space),
                SingletonSeparatedList(assignment),
                Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(Space).WithTrailingTrivia(trailing));
            return creation switch
            {
                ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0 } explicitType =>
                    explicitType.WithArgumentList(null).WithType(explicitType.Type.WithTrailingTrivia(Space)).WithInitializer(created),
                _ => creation.WithoutTrailingTrivia().WithInitializer(created.WithOpenBraceToken(created.OpenBraceToken.WithLeadingTrivia(Space))),
            };
        }

        var expressions = initializer.Expressions;
        var text = initializer.SyntaxTree.GetText();
        var multiLine = LineOf(text, initializer.OpenBraceToken) != LineOf(text, initializer.CloseBraceToken);
        var nodes = new List<ExpressionSyntax>(expressions);
        var separators = new List<SyntaxToken>(expressions.GetSeparators());
        if (nodes.Count == 0)
        {
            nodes.Add(assignment.WithLeadingTrivia(Space).WithTrailingTrivia(Space));
        }
        else if (separators.Count == nodes.Count)
        {
            var lastSeparator = separators[separators.Count - 1];
            nodes.Add(assignment.WithLeadingTrivia(multiLine ? nodes[nodes.Count - 1].GetLeadingTrivia() : TriviaList()));
            separators.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(lastSeparator.TrailingTrivia));
        }
        else
        {
            var last = nodes[nodes.Count - 1];
            nodes[nodes.Count - 1] = last.WithoutTrailingTrivia();
            separators.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(multiLine ? last.GetTrailingTrivia() : TriviaList(Space)));
            nodes.Add(assignment.WithLeadingTrivia(multiLine ? last.GetLeadingTrivia() : TriviaList()).WithTrailingTrivia(last.GetTrailingTrivia()));
        }

        return creation.WithInitializer(initializer.WithExpressions(SeparatedList(nodes, separators)));
    }

    private static int LineOf(SourceText text, SyntaxToken token) => text.Lines.GetLineFromPosition(token.SpanStart).LineNumber;
}
