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
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TenantAnalyzers.CodeFixes.Fixes;

/// <summary>
/// TI0002 fixes, in this order: throw instead of falling back to an arbitrary company (<c>x ?? throw ...</c>); look up
/// the company context's company instead of the first one (<c>FirstOrDefault(c =&gt; c.Id == ctx.CompanyId)</c>) — both
/// fail secure and are safe in bulk; or mark the member as deliberately cross-tenant.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ArbitraryTenantFallbackCodeFixProvider)), Shared]
public sealed class ArbitraryTenantFallbackCodeFixProvider : BatchCodeFixProvider
{
    public const string ThrowKey = RuleIds.ArbitraryTenantFallback + ".ThrowWhenMissing";
    public const string ScopeKey = RuleIds.ArbitraryTenantFallback + ".LookUpContextCompany";
    public const string MarkCrossTenantKey = RuleIds.ArbitraryTenantFallback + ".MarkCrossTenant";

    public const string MissingContextMessage = "No company context: refusing to fall back to an arbitrary company.";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ArbitraryTenantFallback);

    private protected override async Task<ImmutableArray<FixAction>> GetActionsAsync(DocumentEdit edit, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var pick = FindPick(edit, diagnostic);
        if (pick is null)
        {
            return ImmutableArray<FixAction>.Empty;
        }

        var actions = ImmutableArray.CreateBuilder<FixAction>();
        if (FallbackOperand(pick) is not null)
        {
            actions.Add(new FixAction("Throw when there is no company instead of picking one", ThrowKey));
        }

        if (await ScopedPickAsync(edit, pick, cancellationToken).ConfigureAwait(false) is not null)
        {
            actions.Add(new FixAction("Look up the company of the company context", ScopeKey));
        }

        if (edit.MarkCrossTenantAction(pick, MarkCrossTenantKey) is { } mark)
        {
            actions.Add(mark);
        }

        return actions.ToImmutable();
    }

    private protected override async Task<bool> TryFixAsync(DocumentEdit edit, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        var pick = FindPick(edit, diagnostic);
        if (pick is null)
        {
            return false;
        }

        switch (equivalenceKey)
        {
            case ThrowKey:
                return ReplaceFallbackWithThrow(edit, pick);

            case ScopeKey:
                if (await ScopedPickAsync(edit, pick, cancellationToken).ConfigureAwait(false) is not { } scoped)
                {
                    return false;
                }

                edit.Use(scoped.Context);
                edit.Replace(pick, current => ((InvocationExpressionSyntax)current).WithArgumentList(scoped.Pick.ArgumentList));
                return true;

            case MarkCrossTenantKey:
                return edit.TryMarkCrossTenant(pick);

            default:
                return false;
        }
    }

    /// <summary>The pick travels as the diagnostic's additional location; the main location may be the whole fallback.</summary>
    private static InvocationExpressionSyntax? FindPick(DocumentEdit edit, Diagnostic diagnostic) =>
        diagnostic.AdditionalLocations.Count == 0
            ? null
            : edit.Root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();

    /// <summary>The operand of <c>??</c>, <c>??=</c> or <c>?:</c> that holds the pick (with its <c>await</c>, <c>ConfigureAwait</c>, <c>!</c>, parentheses).</summary>
    private static ExpressionSyntax? FallbackOperand(InvocationExpressionSyntax pick)
    {
        ExpressionSyntax current = pick;
        while (true)
        {
            switch (current.Parent)
            {
                case ParenthesizedExpressionSyntax or AwaitExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression }:
                    current = (ExpressionSyntax)current.Parent;
                    continue;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax configure } access when access.Expression == current:
                    current = configure;
                    continue;
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right == current:
                    return current;
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression) && assignment.Right == current:
                    return current;
                case ConditionalExpressionSyntax conditional
                    when (conditional.WhenTrue == current && conditional.WhenFalse is not ThrowExpressionSyntax)
                        || (conditional.WhenFalse == current && conditional.WhenTrue is not ThrowExpressionSyntax):
                    return current;
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// <c>x ?? pick</c> and <c>c ? x : pick</c> become <c>throw</c> expressions. C# has no <c>x ??= throw</c>: as a statement
    /// the assignment becomes <c>if (x is null) throw ...;</c>, as a value <c>x ?? throw ...</c> (it assigned only when it now throws).
    /// </summary>
    private static bool ReplaceFallbackWithThrow(DocumentEdit edit, InvocationExpressionSyntax pick)
    {
        var operand = FallbackOperand(pick);
        if (operand is null)
        {
            return false;
        }

        var exception = QueryRewrite.NewException(edit, pick, "System.InvalidOperationException", MissingContextMessage);
        if (operand.Parent is AssignmentExpressionSyntax assignment)
        {
            if (assignment.Parent is ExpressionStatementSyntax statement)
            {
                edit.Replace(statement, current =>
                {
                    var left = ((AssignmentExpressionSyntax)((ExpressionStatementSyntax)current).Expression).Left.WithoutTrivia();
                    return IfStatement(
                            IsPatternExpression(left, ConstantPattern(LiteralExpression(SyntaxKind.NullLiteralExpression))),
                            Block(ThrowStatement(exception)))
                        .WithTriviaFrom(current)
                        .WithAdditionalAnnotations(Formatter.Annotation);
                });
                return true;
            }

            edit.Replace(assignment, current =>
            {
                var left = ((AssignmentExpressionSyntax)current).Left;
                return BinaryExpression(SyntaxKind.CoalesceExpression, left, ThrowExpression(exception))
                    .WithTriviaFrom(current)
                    .WithAdditionalAnnotations(Formatter.Annotation);
            });
            return true;
        }

        edit.Replace(operand, current => ThrowExpression(exception).WithTriviaFrom(current).WithAdditionalAnnotations(Formatter.Annotation));
        return true;
    }

    /// <summary>
    /// The pick with a predicate on the context's company: <c>FirstOrDefault(c =&gt; c.Id == _companyContext.CompanyId)</c>,
    /// cancellation tokens kept. Null when the query projects (the predicate needs the root), the pick has other
    /// arguments (a default value), the root has no single key, no company context is reachable or its key does not
    /// compare with the root's.
    /// </summary>
    private static async Task<(InvocationExpressionSyntax Pick, CompanyContextAccess Context)?> ScopedPickAsync(DocumentEdit edit, InvocationExpressionSyntax pick, CancellationToken cancellationToken)
    {
        var semanticModel = edit.SemanticModel;
        if (pick.Expression is not MemberAccessExpressionSyntax access
            || semanticModel.GetSymbolInfo(pick, cancellationToken).Symbol is not IMethodSymbol method
            || edit.Model.Ef.GetSequenceElementType(semanticModel.GetTypeInfo(access.Expression, cancellationToken).Type) is not { } root
            || !edit.Model.Classify(root).IsRoot
            || EntityKey.Find(root, edit.Model.Ef) is not { } key)
        {
            return null;
        }

        var cancellationTokenType = semanticModel.Compilation.GetTypeByMetadataName(typeof(CancellationToken).FullName!);
        foreach (var parameter in method.Parameters)
        {
            if (!SymbolEqualityComparer.Default.Equals(parameter.Type, cancellationTokenType))
            {
                return null;
            }
        }

        var context = await edit.ContextAsync(pick, null, cancellationToken).ConfigureAwait(false);
        if (context is null || ContextKeyValue.Comparand(semanticModel.Compilation, context, key.Type) is not { } tenantKey)
        {
            return null;
        }

        var parameterName = QueryRewrite.ParameterName(semanticModel, pick, root);
        var predicate = SimpleLambdaExpression(
            Parameter(Identifier(parameterName)),
            BinaryExpression(SyntaxKind.EqualsExpression, QueryRewrite.Member(parameterName, key.Name), tenantKey));
        return (pick.WithArgumentList(pick.ArgumentList.WithArguments(pick.ArgumentList.Arguments.Insert(0, Argument(predicate)))), context);
    }
}
