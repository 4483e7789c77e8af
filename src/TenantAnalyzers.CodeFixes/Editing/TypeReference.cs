using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>
/// How a fix names a type it starts using (the company context, the bypass attribute, an exception) at a position: by
/// its simple name when that binds to it there — through the file's usings or global usings, which is what
/// <c>&lt;ImplicitUsings&gt;</c> generates — or by its simple name plus a using of its namespace when nothing of that
/// name is in scope, or else qualified (and simplified as far as it stays unambiguous).
/// </summary>
internal readonly struct TypeReference
{
    private TypeReference(TypeSyntax syntax, string? import)
    {
        Syntax = syntax;
        Import = import;
    }

    public TypeSyntax Syntax { get; }

    /// <summary>The namespace the document must import for <see cref="Syntax"/> to bind; null when nothing is needed.</summary>
    public string? Import { get; }

    /// <param name="writtenName">The name to write when it binds: the type's name, or an attribute's without <c>Attribute</c>.</param>
    public static TypeReference At(SemanticModel semanticModel, int position, INamedTypeSymbol type, string? writtenName = null)
    {
        var name = writtenName ?? type.Name;
        var inScope = semanticModel.LookupNamespacesAndTypes(position, name: type.Name);
        var writtenNameIsFree = name == type.Name || semanticModel.LookupNamespacesAndTypes(position, name: name).IsEmpty;
        if (type.ContainingType is null && writtenNameIsFree && inScope.Length == 1 && SymbolEqualityComparer.Default.Equals(inScope[0], type))
        {
            return new TypeReference(IdentifierName(name), null);
        }

        if (type.ContainingType is null && writtenNameIsFree && inScope.IsEmpty)
        {
            return new TypeReference(IdentifierName(name), type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString());
        }

        var qualified = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (name != type.Name)
        {
            qualified = qualified.Substring(0, qualified.Length - type.Name.Length) + name;
        }

        return new TypeReference(ParseTypeName(qualified).WithAdditionalAnnotations(Simplifier.Annotation), null);
    }

    /// <summary>Queues the import this reference needs, if any, and returns its syntax.</summary>
    public TypeSyntax UseIn(DocumentEdit edit)
    {
        if (Import is not null)
        {
            edit.ImportNamespace(Import);
        }

        return Syntax;
    }
}
