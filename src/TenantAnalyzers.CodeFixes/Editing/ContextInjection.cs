using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>
/// The syntax of giving code the company context, as <see cref="CompanyContextAccess"/> planned it: a readonly field set
/// by every instance constructor (chained constructors pass it on), a primary constructor parameter, or a handler
/// parameter. New parameters go before optional ones, so every existing call keeps compiling.
/// </summary>
internal static class ContextInjection
{
    /// <summary>Applies the injection of <paramref name="access"/> to the current version of its target.</summary>
    public static SyntaxNode Apply(SyntaxNode target, CompanyContextAccess access) => access.Injection switch
    {
        ContextInjectionKind.Constructor => IntoConstructors((TypeDeclarationSyntax)target, access),
        ContextInjectionKind.PrimaryConstructor => IntoPrimaryConstructor((TypeDeclarationSyntax)target, access),
        ContextInjectionKind.HandlerParameter => IntoHandler(target, access),
        _ => target,
    };

    private static SyntaxNode IntoHandler(SyntaxNode handler, CompanyContextAccess access)
    {
        var parameter = NewParameter(access);
        return handler switch
        {
            ParenthesizedLambdaExpressionSyntax lambda => lambda.WithParameterList(Insert(lambda.ParameterList, parameter)),
            MethodDeclarationSyntax method => method.WithParameterList(Insert(method.ParameterList, parameter)),
            _ => handler,
        };
    }

    private static TypeDeclarationSyntax IntoPrimaryConstructor(TypeDeclarationSyntax type, CompanyContextAccess access)
    {
        var members = type.Members.Select(m => m is ConstructorDeclarationSyntax constructor && !constructor.Modifiers.Any(SyntaxKind.StaticKeyword)
            ? Chain(constructor, access)
            : m);
        return type.WithParameterList(Insert(type.ParameterList!, NewParameter(access))).WithMembers(List(members));
    }

    private static TypeDeclarationSyntax IntoConstructors(TypeDeclarationSyntax type, CompanyContextAccess access)
    {
        var contextTypeSyntax = access.ContextTypeReference.Syntax;
        var field = FieldDeclaration(VariableDeclaration(contextTypeSyntax).AddVariables(VariableDeclarator(access.AccessName)))
            .AddModifiers(Token(SyntaxKind.PrivateKeyword), Token(SyntaxKind.ReadOnlyKeyword))
            .WithAdditionalAnnotations(Formatter.Annotation);
        ExpressionSyntax fieldReference = access.AssignThroughThis
            ? MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, ThisExpression(), IdentifierName(access.AccessName))
            : IdentifierName(access.AccessName);
        var assignment = ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, fieldReference, IdentifierName(access.ParameterName)));

        var members = new List<MemberDeclarationSyntax>();
        var constructors = 0;
        foreach (var existing in type.Members)
        {
            if (existing is ConstructorDeclarationSyntax constructor && !constructor.Modifiers.Any(SyntaxKind.StaticKeyword))
            {
                members.Add(constructor.Initializer is { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.ThisKeyword }
                    ? Chain(constructor, access)
                    : Assign(constructor, access, assignment));
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
                .AddModifiers(Token(type.Modifiers.Any(SyntaxKind.AbstractKeyword) ? SyntaxKind.ProtectedKeyword : SyntaxKind.PublicKeyword))
                .AddParameterListParameters(NewParameter(access))
                .WithBody(Block(assignment))
                .WithAdditionalAnnotations(Formatter.Annotation);
            members.Insert(InsertionIndexAfterFields(members), constructor);
        }

        members.Insert(InsertionIndexAfterFields(members, fieldsOnly: true), field);
        return type.WithMembers(List(members));
    }

    /// <summary>A constructor that sets the field: the new parameter, and the assignment after its own.</summary>
    private static ConstructorDeclarationSyntax Assign(ConstructorDeclarationSyntax constructor, CompanyContextAccess access, StatementSyntax assignment)
    {
        var withParameter = constructor.WithParameterList(Insert(constructor.ParameterList, NewParameter(access)));
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

    /// <summary>A constructor that chains to another (<c>: this(...)</c>, or a primary constructor): the new parameter, passed on by name.</summary>
    private static ConstructorDeclarationSyntax Chain(ConstructorDeclarationSyntax constructor, CompanyContextAccess access)
    {
        var withParameter = constructor.WithParameterList(Insert(constructor.ParameterList, NewParameter(access)));
        if (withParameter.Initializer is { } initializer)
        {
            var argument = Argument(IdentifierName(access.ParameterName)).WithNameColon(NameColon(IdentifierName(access.ParameterName)));
            withParameter = withParameter.WithInitializer(initializer.WithArgumentList(initializer.ArgumentList.AddArguments(argument)));
        }

        return withParameter.WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static ParameterSyntax NewParameter(CompanyContextAccess access) =>
        Parameter(Identifier(access.ParameterName)).WithType(access.ContextTypeReference.Syntax.WithTrailingTrivia(Space));

    /// <summary>Inserts <paramref name="parameter"/> before the first optional or <c>params</c> parameter, else last.</summary>
    private static ParameterListSyntax Insert(ParameterListSyntax list, ParameterSyntax parameter)
    {
        var parameters = list.Parameters;
        var index = 0;
        while (index < parameters.Count && parameters[index].Default is null && !parameters[index].Modifiers.Any(SyntaxKind.ParamsKeyword))
        {
            index++;
        }

        return list.WithParameters(parameters.Insert(index, parameter)).WithAdditionalAnnotations(Formatter.Annotation);
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
}
