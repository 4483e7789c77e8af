using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>Small pieces the fixes that rewrite queries share: lambda parameter names, imports of LINQ operators, thrown exceptions.</summary>
internal static class QueryRewrite
{
    public const string LinqNamespace = "System.Linq";
    public const string EntityFrameworkNamespace = "Microsoft.EntityFrameworkCore";

    /// <summary>A lambda parameter name for <paramref name="entity"/> that no symbol in scope at <paramref name="position"/> uses: <c>b</c>, else <c>e</c>, else <c>entity</c> (C# lets a lambda parameter shadow a local).</summary>
    public static string ParameterName(SemanticModel semanticModel, SyntaxNode position, ITypeSymbol entity)
    {
        foreach (var candidate in new[] { char.ToLowerInvariant(entity.Name[0]).ToString(), "e" })
        {
            if (semanticModel.LookupSymbols(position.SpanStart, name: candidate).IsEmpty)
            {
                return candidate;
            }
        }

        return "entity";
    }

    /// <summary>Queues <c>using <paramref name="namespaceName"/>;</c> when the extension method <paramref name="methodName"/> is not in scope for <paramref name="receiverType"/>.</summary>
    public static void ImportIfMissing(DocumentEdit edit, SyntaxNode position, ITypeSymbol receiverType, string methodName, string namespaceName)
    {
        var inScope = edit.SemanticModel.LookupSymbols(position.SpanStart, receiverType, methodName, includeReducedExtensionMethods: true);
        if (inScope.IsEmpty)
        {
            edit.ImportNamespace(namespaceName);
        }
    }

    /// <summary><c>new InvalidOperationException("message")</c>, named as <see cref="TypeReference"/> names it at <paramref name="position"/>.</summary>
    public static ObjectCreationExpressionSyntax NewException(DocumentEdit edit, SyntaxNode position, string metadataName, string message)
    {
        var type = edit.SemanticModel.Compilation.GetTypeByMetadataName(metadataName)!;
        return ObjectCreationExpression(TypeReference.At(edit.SemanticModel, position.SpanStart, type).UseIn(edit))
            .WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(message))))));
    }

    /// <summary><c>e.Name</c>.</summary>
    public static MemberAccessExpressionSyntax Member(string instance, string member) =>
        MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(instance), IdentifierName(member));
}
