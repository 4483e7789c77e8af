using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantAnalyzers.CodeFixes.Editing;

namespace TenantAnalyzers.CodeFixes.Fixes;

/// <summary>
/// TI0005 fix: replace the request input with the company context's tenant key. A controller or service gets the context
/// from a parameter, field or property, or has it injected through its constructor; a minimal-API handler (lambda or
/// static method group) gets an <c>ICompanyContext companyContext</c> parameter, which ASP.NET Core fills from DI. A
/// nullable context member is used fail-secure: compared as it is (no company matches nothing), elsewhere
/// <c>ctx.CompanyId ?? throw ...</c> where the input was not nullable. Not
/// offered when the context's key does not convert to the type the input had, or where no context can be reached.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TenantIdFromInputCodeFixProvider)), Shared]
public sealed class TenantIdFromInputCodeFixProvider : BatchCodeFixProvider
{
    public const string UseContextKey = RuleIds.TenantIdFromInput + ".UseContext";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.TenantIdFromInput);

    private protected override async Task<ImmutableArray<FixAction>> GetActionsAsync(DocumentEdit edit, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var input = FindInput(edit, diagnostic);
        if (input is null || await PlanAsync(edit, input, cancellationToken).ConfigureAwait(false) is null)
        {
            return ImmutableArray<FixAction>.Empty;
        }

        return ImmutableArray.Create(new FixAction("Use the company context's tenant key", UseContextKey));
    }

    private protected override async Task<bool> TryFixAsync(DocumentEdit edit, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        var input = FindInput(edit, diagnostic);
        if (equivalenceKey != UseContextKey || input is null || await PlanAsync(edit, input, cancellationToken).ConfigureAwait(false) is not { } plan)
        {
            return false;
        }

        edit.Use(plan.Context);
        edit.Replace(input, current => plan.Value.WithTriviaFrom(current));
        return true;
    }

    private static ExpressionSyntax? FindInput(DocumentEdit edit, Diagnostic diagnostic) =>
        edit.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;

    private static async Task<(ExpressionSyntax Value, CompanyContextAccess Context)?> PlanAsync(DocumentEdit edit, ExpressionSyntax input, CancellationToken cancellationToken)
    {
        var semanticModel = edit.SemanticModel;
        if (await edit.ContextAsync(input, null, cancellationToken).ConfigureAwait(false) is not { } context)
        {
            return null;
        }

        // Compared with a key (c.CompanyId == companyId), the context's key is compared as it is, also in a query.
        if (input.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } comparison)
        {
            var other = comparison.Left == input ? comparison.Right : comparison.Left;
            return ContextKeyValue.Comparand(semanticModel.Compilation, context, semanticModel.GetTypeInfo(other, cancellationToken).Type) is { } comparand
                ? (comparand, context)
                : null;
        }

        // An input boxed into object (Find(params object[] keys)) keeps its own type: the key it names.
        var types = semanticModel.GetTypeInfo(input, cancellationToken);
        var target = types.ConvertedType?.SpecialType == SpecialType.System_Object ? types.Type : types.ConvertedType;
        return ContextKeyValue.Value(edit, context, target, input, cancellationToken) is { } value ? (value, context) : null;
    }
}
