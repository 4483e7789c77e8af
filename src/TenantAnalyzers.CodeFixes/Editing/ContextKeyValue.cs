using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>
/// The company context's tenant key where a fix puts it. A context member of type <c>int?</c> (no company when signed
/// out) is used fail-secure: compared as it is (no company matches no row, and <c>!=</c> is true so a check throws), and
/// where an <c>int</c> is needed, <c>ctx.CompanyId ?? throw new InvalidOperationException("No company context")</c>.
/// </summary>
internal static class ContextKeyValue
{
    public const string MissingContextMessage = "No company context";

    /// <summary>
    /// <c>ctx.CompanyId</c> to compare with a key of type <paramref name="keyType"/> (<c>e.CompanyId == ctx.CompanyId</c>),
    /// lifted to nullable where one side is; null when the two do not compare (an <c>int</c> context for a <c>Guid</c> key).
    /// </summary>
    public static ExpressionSyntax? Comparand(Compilation compilation, CompanyContextAccess access, ITypeSymbol? keyType) =>
        keyType is not null
        && (compilation.ClassifyCommonConversion(access.MemberType, keyType).IsImplicit || compilation.ClassifyCommonConversion(keyType, access.MemberType).IsImplicit)
            ? access.TenantKeyExpression()
            : null;

    /// <summary>
    /// <c>ctx.CompanyId</c> where a value of type <paramref name="target"/> is expected (an assignment, an argument): as is
    /// when it converts implicitly, with <c>?? throw</c> when the member is the nullable form of a type that does (not
    /// inside an expression tree, which cannot throw); null otherwise.
    /// </summary>
    public static ExpressionSyntax? Value(DocumentEdit edit, CompanyContextAccess access, ITypeSymbol? target, SyntaxNode position, CancellationToken cancellationToken)
    {
        var semanticModel = edit.SemanticModel;
        var compilation = semanticModel.Compilation;
        if (target is null)
        {
            return null;
        }

        if (compilation.ClassifyCommonConversion(access.MemberType, target).IsImplicit)
        {
            return access.TenantKeyExpression();
        }

        if (access.MemberType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            && compilation.ClassifyCommonConversion(nullable.TypeArguments[0], target).IsImplicit
            && !IsInExpressionTree(semanticModel, position, cancellationToken))
        {
            return ParenthesizedExpression(BinaryExpression(
                    SyntaxKind.CoalesceExpression,
                    access.TenantKeyExpression(),
                    ThrowExpression(QueryRewrite.NewException(edit, position, "System.InvalidOperationException", MissingContextMessage))))
                .WithAdditionalAnnotations(Simplifier.Annotation);
        }

        return null;
    }

    /// <summary>True inside a lambda converted to <c>Expression&lt;T&gt;</c> or a query expression (both become expression trees on IQueryable).</summary>
    private static bool IsInExpressionTree(SemanticModel semanticModel, SyntaxNode position, CancellationToken cancellationToken)
    {
        var expressionType = semanticModel.Compilation.GetTypeByMetadataName("System.Linq.Expressions.Expression`1");
        foreach (var node in position.AncestorsAndSelf())
        {
            switch (node)
            {
                case QueryExpressionSyntax:
                    return true;
                case AnonymousFunctionExpressionSyntax lambda
                    when semanticModel.GetTypeInfo(lambda, cancellationToken).ConvertedType is INamedTypeSymbol converted
                        && SymbolEqualityComparer.Default.Equals(converted.OriginalDefinition, expressionType):
                    return true;
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }
}
