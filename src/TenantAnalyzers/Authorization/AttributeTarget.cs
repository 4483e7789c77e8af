using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantAnalyzers.Authorization;

/// <summary>What an attribute written in source applies to, and the attributes read from there (<c>[return: ...]</c> included).</summary>
internal readonly struct AttributeTarget
{
    private AttributeTarget(ISymbol symbol, ImmutableArray<AttributeData> attributes)
    {
        Symbol = symbol;
        Attributes = attributes;
    }

    public ISymbol Symbol { get; }

    public ImmutableArray<AttributeData> Attributes { get; }

    public static AttributeTarget? Of(AttributeSyntax attribute, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (attribute.Parent is not AttributeListSyntax list || list.Parent is not { } owner)
        {
            return null;
        }

        var symbol = owner switch
        {
            CompilationUnitSyntax => list.Target?.Identifier.IsKind(SyntaxKind.ModuleKeyword) == true
                ? semanticModel.Compilation.SourceModule
                : semanticModel.Compilation.Assembly,
            BaseFieldDeclarationSyntax field => field.Declaration.Variables.Count > 0
                ? semanticModel.GetDeclaredSymbol(field.Declaration.Variables[0], cancellationToken)
                : null,
            AnonymousFunctionExpressionSyntax lambda => semanticModel.GetSymbolInfo(lambda, cancellationToken).Symbol,
            _ => semanticModel.GetDeclaredSymbol(owner, cancellationToken),
        };

        if (symbol is null)
        {
            return null;
        }

        var attributes = list.Target?.Identifier.IsKind(SyntaxKind.ReturnKeyword) == true && symbol is IMethodSymbol method
            ? method.GetReturnTypeAttributes()
            : symbol.GetAttributes();
        return new AttributeTarget(symbol, attributes);
    }
}
