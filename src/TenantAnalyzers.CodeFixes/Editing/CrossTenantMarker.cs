using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using TenantAnalyzers.Authorization;
using TenantAnalyzers.Model;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>
/// The "mark as cross-tenant" fix shared by the rules: puts the bypass attribute with a <c>"TODO: justify"</c>
/// placeholder on the member that contains the finding — or, when the member carries the attribute with an empty
/// justification, writes the placeholder into it (a second attribute would not compile). The finding stays reported,
/// and TI0100 with it, until a person writes why.
/// </summary>
internal static class CrossTenantMarker
{
    public const string Placeholder = "TODO: justify";

    /// <summary>What marking the finding at <paramref name="node"/> changes; null when nothing can be marked.</summary>
    public static MarkPlan? Plan(SyntaxNode node, SemanticModel semanticModel, TenantModel model)
    {
        var attributeType = FindAttributeType(semanticModel.Compilation, model.Options.BypassAttribute);
        if (attributeType is null)
        {
            return null;
        }

        var validOn = ValidOn(attributeType);
        var target = node.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => Targets(m) is { } kind && (validOn & kind) != 0);
        if (target is null || semanticModel.GetDeclaredSymbol(target) is not { } symbol)
        {
            return null;
        }

        switch (model.CrossTenant.GetState(symbol, out var existing))
        {
            case JustificationState.Absent:
                var name = TypeReference.At(semanticModel, target.SpanStart, attributeType, AttributeName(attributeType));
                return new MarkPlan(target, current => AddAttribute((MemberDeclarationSyntax)current, (NameSyntax)name.Syntax, attributeType), name.Import);

            case JustificationState.Missing when existing?.ApplicationSyntaxReference is { } reference
                && reference.SyntaxTree == target.SyntaxTree
                && reference.GetSyntax() is AttributeSyntax attribute:
                return FillPlan(attribute, attributeType);

            default:
                // A placeholder is there already, or a real reason: only a person can do more.
                return null;
        }
    }

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

    /// <summary><c>CrossTenant</c> for <c>CrossTenantAttribute</c>: how attributes are written.</summary>
    private static string AttributeName(INamedTypeSymbol attributeType) =>
        attributeType.Name.EndsWith("Attribute", StringComparison.Ordinal) && attributeType.Name.Length > "Attribute".Length
            ? attributeType.Name.Substring(0, attributeType.Name.Length - "Attribute".Length)
            : attributeType.Name;

    private static MemberDeclarationSyntax AddAttribute(MemberDeclarationSyntax member, NameSyntax name, INamedTypeSymbol attributeType)
    {
        var attribute = Attribute(name).AddArgumentListArguments(JustificationArgument(attributeType));
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

    /// <summary>
    /// Writes the placeholder where the attribute's justification is empty: its string argument (<c>[CrossTenant("")]</c>),
    /// its named <c>Justification</c> or <c>Reason</c>, or a new argument when it has none (<c>[CrossTenant]</c>).
    /// </summary>
    private static MarkPlan FillPlan(AttributeSyntax attribute, INamedTypeSymbol attributeType)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var slot = arguments.IndexOf(a => a.NameEquals is null && a.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression });
        if (slot < 0)
        {
            slot = arguments.IndexOf(a => a.NameEquals?.Name.Identifier.ValueText is "Justification" or "Reason");
        }

        return new MarkPlan(attribute, import: null, apply: current =>
        {
            var node = (AttributeSyntax)current;
            var placeholder = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(Placeholder));
            if (slot >= 0)
            {
                var argument = node.ArgumentList!.Arguments[slot];
                return node.ReplaceNode(argument.Expression, placeholder.WithTriviaFrom(argument.Expression));
            }

            var list = node.ArgumentList ?? AttributeArgumentList();
            return node.WithArgumentList(list.AddArguments(JustificationArgument(attributeType)));
        });
    }

    private static AttributeArgumentSyntax JustificationArgument(INamedTypeSymbol attributeType)
    {
        var justification = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(Placeholder));
        return HasStringConstructor(attributeType)
            ? AttributeArgument(justification)
            : AttributeArgument(justification).WithNameEquals(NameEquals(IdentifierName("Justification")));
    }

    /// <summary>The <see cref="AttributeTargets"/> a declaration is; null for declarations a mark never goes on.</summary>
    private static AttributeTargets? Targets(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax or OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax => AttributeTargets.Method,
        ConstructorDeclarationSyntax => AttributeTargets.Constructor,
        PropertyDeclarationSyntax or IndexerDeclarationSyntax => AttributeTargets.Property,
        StructDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: (int)SyntaxKind.StructKeyword } => AttributeTargets.Struct,
        ClassDeclarationSyntax or RecordDeclarationSyntax => AttributeTargets.Class,
        _ => null,
    };

    /// <summary>Where the attribute may go, from its <c>[AttributeUsage]</c> (inherited from a base attribute); everywhere without one.</summary>
    private static AttributeTargets ValidOn(INamedTypeSymbol attributeType)
    {
        for (var type = attributeType; type is not null; type = type.BaseType)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: nameof(AttributeUsageAttribute), ContainingNamespace.Name: "System" }
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int targets)
                {
                    return (AttributeTargets)targets;
                }
            }
        }

        return AttributeTargets.All;
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

/// <summary>The node a mark changes, how, and the namespace the attribute needs imported.</summary>
internal sealed class MarkPlan
{
    private readonly Func<SyntaxNode, SyntaxNode> _apply;

    public MarkPlan(SyntaxNode target, Func<SyntaxNode, SyntaxNode> apply, string? import)
    {
        Target = target;
        _apply = apply;
        Import = import;
    }

    public SyntaxNode Target { get; }

    public string? Import { get; }

    public SyntaxNode Apply(SyntaxNode current) => _apply(current);
}
