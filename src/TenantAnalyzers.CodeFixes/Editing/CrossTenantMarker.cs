using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>
/// The "mark as cross-tenant" fix shared by the rules: puts the bypass attribute with a <c>"TODO: justify"</c>
/// placeholder on the member that contains the finding, where TI0100 keeps it visible until someone writes why.
/// </summary>
internal static class CrossTenantMarker
{
    public const string Placeholder = "TODO: justify";

    /// <summary>The declaration that receives the attribute: the enclosing method, constructor, property, indexer or, failing those, type.</summary>
    public static MemberDeclarationSyntax? FindTarget(SyntaxNode node) =>
        node.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault(m =>
            m is MethodDeclarationSyntax or ConstructorDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax
                or OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax or TypeDeclarationSyntax);

    /// <summary>The attribute type in this compilation, or null when the project has none (the fix is then not offered).</summary>
    public static INamedTypeSymbol? FindAttributeType(Compilation compilation, string attributeName)
    {
        var type = TypeByName.Find(compilation, attributeName + "Attribute") ?? TypeByName.Find(compilation, attributeName);
        if (type is null || !HasJustificationSlot(type))
        {
            return null;
        }

        return type;
    }

    public static MemberDeclarationSyntax AddAttribute(MemberDeclarationSyntax member, INamedTypeSymbol attributeType)
    {
        var name = attributeType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (name.EndsWith("Attribute", System.StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Attribute".Length);
        }

        var justification = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(Placeholder));
        var argument = HasStringConstructor(attributeType)
            ? AttributeArgument(justification)
            : AttributeArgument(justification).WithNameEquals(NameEquals(IdentifierName("Justification")));
        var attribute = Attribute(ParseName(name).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation))
            .AddArgumentListArguments(argument);
        var list = AttributeList(SingletonSeparatedList(attribute)).WithAdditionalAnnotations(Formatter.Annotation);

        // The member's leading trivia (comments, indentation) moves in front of the new attribute list; what followed
        // it starts on the next line at the same indentation.
        var leading = member.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? TriviaList(leading[leading.Count - 1])
            : TriviaList();
        var rest = member.WithLeadingTrivia(indentation);
        return rest
            .WithAttributeLists(rest.AttributeLists.Insert(0, list.WithLeadingTrivia(leading).WithTrailingTrivia(EndOfLineOf(member))));
    }

    private static SyntaxTrivia EndOfLineOf(SyntaxNode node)
    {
        var existing = node.DescendantTrivia(descendIntoTrivia: false).FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return existing.IsKind(SyntaxKind.EndOfLineTrivia) ? existing : LineFeed;
    }

    private static bool HasJustificationSlot(INamedTypeSymbol attributeType) =>
        HasStringConstructor(attributeType)
        || attributeType.GetMembers("Justification").OfType<IPropertySymbol>().Any(p => p.SetMethod is not null);

    private static bool HasStringConstructor(INamedTypeSymbol attributeType) =>
        attributeType.InstanceConstructors.Any(c => c.Parameters.Length == 1 && c.Parameters[0].Type.SpecialType == SpecialType.System_String);
}
