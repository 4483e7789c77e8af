using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using TenantAnalyzers.Model;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>
/// How code at one position reaches the company context: a parameter, a field or property of the enclosing type,
/// a primary constructor parameter, or — when there is none — a context injected through the constructor.
/// Every fix that needs "the current tenant key" asks this class; for one type it always plans the same names,
/// so that Fix All injects the context once.
/// </summary>
internal sealed class CompanyContextAccess
{
    private CompanyContextAccess(INamedTypeSymbol contextType, string contextMember, string accessName, TypeDeclarationSyntax? injectInto, bool usePrimaryConstructor)
    {
        ContextType = contextType;
        ContextMember = contextMember;
        AccessName = accessName;
        InjectInto = injectInto;
        UsePrimaryConstructor = usePrimaryConstructor;
    }

    public INamedTypeSymbol ContextType { get; }

    /// <summary>The member of the context that yields the tenant key (<c>CompanyId</c>).</summary>
    public string ContextMember { get; }

    /// <summary>The name code uses to reach the context (<c>_companyContext</c>, <c>companyContext</c>).</summary>
    public string AccessName { get; }

    /// <summary>The type that must receive the context through its constructor; null when the context is already reachable.</summary>
    public TypeDeclarationSyntax? InjectInto { get; }

    private bool UsePrimaryConstructor { get; }

    /// <summary><c>_companyContext.CompanyId</c>.</summary>
    public ExpressionSyntax TenantKeyExpression() =>
        MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(AccessName), IdentifierName(ContextMember));

    /// <summary><c>_companyContext</c>.</summary>
    public ExpressionSyntax ContextExpression() => IdentifierName(AccessName);

    public static CompanyContextAccess? Resolve(SemanticModel semanticModel, TenantModel model, SyntaxNode position, string? preferredKeyName, CancellationToken cancellationToken)
    {
        var contextType = FindContextType(semanticModel.Compilation, model);
        if (contextType is null)
        {
            return null;
        }

        var member = FindContextMember(contextType, model, preferredKeyName);
        if (member is null)
        {
            return null;
        }

        var enclosingMember = semanticModel.GetEnclosingSymbol(position.SpanStart, cancellationToken);
        var method = enclosingMember as IMethodSymbol;
        while (method is { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            method = method.ContainingSymbol as IMethodSymbol;
        }

        if (method is not null)
        {
            foreach (var parameter in method.Parameters)
            {
                if (IsContext(parameter.Type, contextType))
                {
                    return new CompanyContextAccess(contextType, member, parameter.Name, null, false);
                }
            }
        }

        var typeDeclaration = position.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (typeDeclaration is null || semanticModel.GetDeclaredSymbol(typeDeclaration, cancellationToken) is not { } type)
        {
            return null;
        }

        var isStaticContext = enclosingMember?.IsStatic == true || type.IsStatic;
        if (FindMember(type, contextType, isStaticContext) is { } existing)
        {
            return new CompanyContextAccess(contextType, member, existing, null, false);
        }

        if (isStaticContext || typeDeclaration is InterfaceDeclarationSyntax)
        {
            return null;
        }

        if (typeDeclaration.ParameterList is { } primaryParameters)
        {
            foreach (var parameter in primaryParameters.Parameters)
            {
                if (semanticModel.GetDeclaredSymbol(parameter, cancellationToken) is { } symbol && IsContext(symbol.Type, contextType))
                {
                    return new CompanyContextAccess(contextType, member, symbol.Name, null, false);
                }
            }

            return new CompanyContextAccess(contextType, member, ParameterName(contextType), typeDeclaration, usePrimaryConstructor: true);
        }

        if (typeDeclaration.Members.OfType<ConstructorDeclarationSyntax>().Any(c => c.Initializer is { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.ThisKeyword }))
        {
            // Chained constructors would each need the new parameter threaded through: leave that to the developer.
            return null;
        }

        return new CompanyContextAccess(contextType, member, FieldName(type, contextType), typeDeclaration, usePrimaryConstructor: false);
    }

    /// <summary>Adds the context to <paramref name="type"/>: a readonly field set by every instance constructor, or a primary constructor parameter.</summary>
    public TypeDeclarationSyntax Inject(TypeDeclarationSyntax type)
    {
        var contextTypeSyntax = TypeSyntaxFor(ContextType);
        var parameterName = ParameterName(ContextType);
        var parameter = Parameter(Identifier(parameterName)).WithType(contextTypeSyntax);

        if (UsePrimaryConstructor)
        {
            return type.WithParameterList(type.ParameterList!.AddParameters(parameter));
        }

        var field = FieldDeclaration(VariableDeclaration(contextTypeSyntax).AddVariables(VariableDeclarator(AccessName)))
            .AddModifiers(Token(SyntaxKind.PrivateKeyword), Token(SyntaxKind.ReadOnlyKeyword))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var assignment = ExpressionStatement(AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression, IdentifierName(AccessName), IdentifierName(parameterName)));

        var members = new List<MemberDeclarationSyntax>();
        var constructors = 0;
        foreach (var existing in type.Members)
        {
            if (existing is ConstructorDeclarationSyntax constructor && !constructor.Modifiers.Any(SyntaxKind.StaticKeyword))
            {
                members.Add(AddParameter(constructor, parameter, assignment));
                constructors++;
            }
            else
            {
                members.Add(existing);
            }
        }

        if (constructors == 0)
        {
            var constructor = ConstructorDeclaration(type.Identifier.WithoutTrivia())
                .AddModifiers(Token(SyntaxKind.PublicKeyword))
                .AddParameterListParameters(parameter)
                .WithBody(Block(assignment))
                .WithAdditionalAnnotations(Formatter.Annotation);
            members.Insert(InsertionIndexAfterFields(members), constructor);
        }

        members.Insert(InsertionIndexAfterFields(members, fieldsOnly: true), field);
        return type.WithMembers(List(members));
    }

    private static ConstructorDeclarationSyntax AddParameter(ConstructorDeclarationSyntax constructor, ParameterSyntax parameter, StatementSyntax assignment)
    {
        var withParameter = constructor.AddParameterListParameters(parameter);
        if (withParameter.ExpressionBody is { } expressionBody)
        {
            withParameter = withParameter
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithBody(Block(ExpressionStatement(expressionBody.Expression), assignment));
        }
        else if (withParameter.Body is { } body)
        {
            withParameter = withParameter.WithBody(body.AddStatements(assignment));
        }

        return withParameter.WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static int InsertionIndexAfterFields(List<MemberDeclarationSyntax> members, bool fieldsOnly = false)
    {
        var index = 0;
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is FieldDeclarationSyntax || (!fieldsOnly && members[i] is ConstructorDeclarationSyntax))
            {
                index = i + 1;
            }
        }

        return index;
    }

    private static TypeSyntax TypeSyntaxFor(INamedTypeSymbol type) =>
        ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    internal static INamedTypeSymbol? FindContextType(Compilation compilation, TenantModel model)
    {
        foreach (var name in model.Options.ContextTypes)
        {
            if (TypeByName.Find(compilation, name) is { } type)
            {
                return type;
            }
        }

        return null;
    }

    internal static string? FindContextMember(INamedTypeSymbol contextType, TenantModel model, string? preferredKeyName)
    {
        var candidates = new List<string>();
        if (model.Options.ContextMember is { } configured)
        {
            candidates.Add(configured);
        }
        else
        {
            if (preferredKeyName is not null)
            {
                candidates.Add(preferredKeyName);
            }

            candidates.AddRange(model.Options.TenantKeys);
        }

        var types = new List<INamedTypeSymbol> { contextType };
        types.AddRange(contextType.AllInterfaces);
        foreach (var candidate in candidates)
        {
            foreach (var type in types)
            {
                if (type.GetMembers(candidate).Any(m => m is IPropertySymbol or IFieldSymbol))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string? FindMember(INamedTypeSymbol type, INamedTypeSymbol contextType, bool staticOnly)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                var memberType = member switch
                {
                    IFieldSymbol { IsImplicitlyDeclared: false } field => field.Type,
                    IPropertySymbol property => property.Type,
                    _ => null,
                };

                if (memberType is not null && IsContext(memberType, contextType) && (!staticOnly || member.IsStatic)
                    && (SymbolEqualityComparer.Default.Equals(current, type) || member.DeclaredAccessibility != Accessibility.Private))
                {
                    return member.Name;
                }
            }
        }

        return null;
    }

    private static bool IsContext(ITypeSymbol type, INamedTypeSymbol contextType) =>
        SymbolEqualityComparer.Default.Equals(type, contextType) || type.AllInterfaces.Contains(contextType, SymbolEqualityComparer.Default);

    private static string ParameterName(INamedTypeSymbol contextType)
    {
        var name = contextType.Name;
        if (contextType.TypeKind == TypeKind.Interface && name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name.Substring(1);
        }

        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private static string FieldName(INamedTypeSymbol type, INamedTypeSymbol contextType)
    {
        var baseName = "_" + ParameterName(contextType);
        var name = baseName;
        for (var i = 2; type.GetMembers(name).Length > 0; i++)
        {
            name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
