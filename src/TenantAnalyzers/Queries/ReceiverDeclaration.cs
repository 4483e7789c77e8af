using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Queries;

/// <summary>
/// The declared type of the object a query starts from (<c>_db</c> in <c>_db.Countries</c>), read from the declaration
/// the name refers to: a parameter of the enclosing method, local function, lambda or primary constructor, or a field or
/// property of the enclosing type. Binding a declaration's type costs a lookup; binding the expression would bind the
/// whole member body around it.
/// </summary>
/// <remarks>
/// Null whenever the name could refer to something else or nothing can be read without binding: a local anywhere in the
/// member (its type may be <c>var</c>), a lambda parameter without a type, top-level statements, a field of a base type
/// or of another part of a partial type.
/// </remarks>
internal static class ReceiverDeclaration
{
    public static ITypeSymbol? DeclaredType(ExpressionSyntax receiver, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var declared = receiver switch
        {
            IdentifierNameSyntax identifier => ParameterOrMemberType(identifier, cancellationToken),
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } access
                when access.IsKind(SyntaxKind.SimpleMemberAccessExpression)
                => MemberType(access.FirstAncestorOrSelf<TypeDeclarationSyntax>(), name.Identifier.ValueText),
            _ => null,
        };

        return declared is null ? null : semanticModel.GetTypeInfo(declared, cancellationToken).Type;
    }

    /// <summary>C#'s lookup order for a simple name: parameters outwards, then the members of the enclosing type.</summary>
    private static TypeSyntax? ParameterOrMemberType(IdentifierNameSyntax identifier, CancellationToken cancellationToken)
    {
        // A name not typed yet refers to nothing; top-level statements have no declarations to read (and their
        // "member" would be the whole file).
        var name = identifier.Identifier.ValueText;
        var member = identifier.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        if (identifier.IsMissing || name.Length == 0 || member is GlobalStatementSyntax)
        {
            return null;
        }

        // A local by that name anywhere in the member (a lambda's local may shadow a parameter) ends the search.
        if (SyntaxScope.DeclaresLocal(member ?? identifier.SyntaxTree.GetRoot(cancellationToken), name, cancellationToken))
        {
            return null;
        }

        foreach (var ancestor in identifier.Ancestors())
        {
            switch (ancestor)
            {
                case SimpleLambdaExpressionSyntax simple when simple.Parameter.Identifier.ValueText == name:
                    return simple.Parameter.Type;
                case ParenthesizedLambdaExpressionSyntax lambda when SyntaxScope.FindParameter(lambda.ParameterList, name) is { } parameter:
                    return parameter.Type;
                case AnonymousMethodExpressionSyntax { ParameterList: { } parameters } when SyntaxScope.FindParameter(parameters, name) is { } parameter:
                    return parameter.Type;
                case LocalFunctionStatementSyntax local when SyntaxScope.FindParameter(local.ParameterList, name) is { } parameter:
                    return parameter.Type;
                case BaseMethodDeclarationSyntax method when SyntaxScope.FindParameter(method.ParameterList, name) is { } parameter:
                    return parameter.Type;
                case MemberDeclarationSyntax when ancestor is not BaseTypeDeclarationSyntax:
                    return MemberType(ancestor.FirstAncestorOrSelf<TypeDeclarationSyntax>(), name);
            }
        }

        return null;
    }

    /// <summary>A field, property or primary-constructor parameter of this part of the type.</summary>
    private static TypeSyntax? MemberType(TypeDeclarationSyntax? type, string name)
    {
        if (type is null)
        {
            return null;
        }

        foreach (var member in type.Members)
        {
            switch (member)
            {
                case FieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Identifier.ValueText == name)
                        {
                            return field.Declaration.Type;
                        }
                    }

                    break;
                case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                    return property.Type;
            }
        }

        return type.ParameterList is { } primary ? SyntaxScope.FindParameter(primary, name)?.Type : null;
    }
}
