using System;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantAnalyzers.Authorization;

/// <summary>The roles and policy an authorization attribute requires; null members are not set.</summary>
internal readonly struct AuthorizeRequirement
{
    public AuthorizeRequirement(string attributeName, string? roles, string? policy)
    {
        AttributeName = attributeName;
        Roles = roles;
        Policy = policy;
    }

    public string AttributeName { get; }

    public string? Roles { get; }

    public string? Policy { get; }
}

/// <summary>
/// Reads authorization attributes: ASP.NET Core's <c>[Authorize]</c>, any attribute implementing its
/// <c>IAuthorizeData</c>, and a project's own attribute named <c>AuthorizeAttribute</c> (the Clean Architecture
/// template's, on MediatR requests). Roles and policy come from the named arguments, the <c>policy</c> constructor
/// argument, and for a project's subclass (<c>[AuthorizeSuperAdmin]</c>) from its constructor in source: a
/// <c>: base("policy")</c> initializer, <c>Roles = ...</c>/<c>Policy = ...</c> assignments, and <c>: this(...)</c>,
/// with constants, the attribute's own arguments and <c>string.Join(",", roles)</c> of them.
/// </summary>
internal sealed class AuthorizeAttributeReader
{
    private const int MaxConstructorDepth = 3;

    private readonly Compilation _compilation;
    private readonly Lazy<INamedTypeSymbol?> _authorizeData;
    private readonly Lazy<INamedTypeSymbol?> _allowAnonymous;

    public AuthorizeAttributeReader(Compilation compilation)
    {
        _compilation = compilation;
        _authorizeData = new(() => Metadata(compilation, "IAuthorizeData"), LazyThreadSafetyMode.PublicationOnly);
        _allowAnonymous = new(() => Metadata(compilation, "IAllowAnonymous"), LazyThreadSafetyMode.PublicationOnly);
    }

    private static INamedTypeSymbol? Metadata(Compilation compilation, string name) =>
        Model.ReferencedTypes.Find(compilation, "Microsoft.AspNetCore.Authorization." + name, "Microsoft.AspNetCore.Metadata", "Microsoft.AspNetCore.Authorization");

    /// <summary><c>[AllowAnonymous]</c> or any attribute implementing <c>IAllowAnonymous</c>: it lifts every authorization requirement.</summary>
    public bool IsAllowAnonymous(AttributeData attribute) =>
        attribute.AttributeClass is { } type
        && (Implements(type, _allowAnonymous.Value) || NamedInHierarchy(type, "AllowAnonymousAttribute"));

    public AuthorizeRequirement? Read(AttributeData attribute, CancellationToken cancellationToken)
    {
        if (attribute.AttributeClass is not { } type
            || !(Implements(type, _authorizeData.Value) || NamedInHierarchy(type, "AuthorizeAttribute")))
        {
            return null;
        }

        string? roles = null;
        string? policy = null;
        if (attribute.AttributeConstructor is { } constructor)
        {
            ReadConstructor(constructor, i => ArgumentText(attribute.ConstructorArguments, i), ref roles, ref policy, 0, cancellationToken);
        }

        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Roles":
                    roles = ConstantText(named.Value) ?? roles;
                    break;
                case "Policy":
                    policy = ConstantText(named.Value) ?? policy;
                    break;
            }
        }

        return new AuthorizeRequirement(StripSuffix(type.Name), roles, policy);
    }

    /// <summary>What a constructor sets: a metadata constructor's <c>policy</c> parameter, or a source constructor's body.</summary>
    private void ReadConstructor(IMethodSymbol constructor, Func<int, string?> argument, ref string? roles, ref string? policy, int depth, CancellationToken cancellationToken)
    {
        if (constructor.DeclaringSyntaxReferences.IsEmpty)
        {
            for (var i = 0; i < constructor.Parameters.Length; i++)
            {
                if (string.Equals(constructor.Parameters[i].Name, "policy", StringComparison.OrdinalIgnoreCase))
                {
                    policy = argument(i) ?? policy;
                }
                else if (string.Equals(constructor.Parameters[i].Name, "roles", StringComparison.OrdinalIgnoreCase))
                {
                    roles = argument(i) ?? roles;
                }
            }

            return;
        }

        if (depth > MaxConstructorDepth
            || constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax declaration)
        {
            return;
        }

        var semanticModel = _compilation.GetSemanticModel(declaration.SyntaxTree);
        string? Evaluate(ExpressionSyntax expression) => EvaluateText(expression, constructor, argument, semanticModel, cancellationToken);

        if (declaration.Initializer is { } initializer
            && semanticModel.GetSymbolInfo(initializer, cancellationToken).Symbol is IMethodSymbol chained)
        {
            var arguments = initializer.ArgumentList.Arguments;
            ReadConstructor(chained, i => ChainedArgument(arguments, chained, i, Evaluate), ref roles, ref policy, depth + 1, cancellationToken);
        }

        if (declaration.ExpressionBody is { } arrow)
        {
            ReadAssignment(arrow.Expression, Evaluate, ref roles, ref policy);
        }

        if (declaration.Body is { } body)
        {
            foreach (var statement in body.Statements)
            {
                if (statement is ExpressionStatementSyntax expressionStatement)
                {
                    ReadAssignment(expressionStatement.Expression, Evaluate, ref roles, ref policy);
                }
            }
        }
    }

    private static string? ChainedArgument(SeparatedSyntaxList<ArgumentSyntax> arguments, IMethodSymbol chained, int parameterIndex, Func<ExpressionSyntax, string?> evaluate)
    {
        var parameter = chained.Parameters[parameterIndex];
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var matches = argument.NameColon is { } name
                ? name.Name.Identifier.ValueText == parameter.Name
                : i == parameterIndex;
            if (matches)
            {
                return evaluate(argument.Expression);
            }
        }

        return null;
    }

    private static void ReadAssignment(ExpressionSyntax expression, Func<ExpressionSyntax, string?> evaluate, ref string? roles, ref string? policy)
    {
        if (expression is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment)
        {
            return;
        }

        var target = assignment.Left switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax } access => access.Name.Identifier.ValueText,
            _ => null,
        };

        switch (target)
        {
            case "Roles":
                roles = evaluate(assignment.Right) ?? roles;
                break;
            case "Policy":
                policy = evaluate(assignment.Right) ?? policy;
                break;
        }
    }

    /// <summary>
    /// A constant; a parameter of <paramref name="constructor"/> (its argument); <c>string.Join(",", roles)</c>,
    /// <c>roles.Select(r =&gt; r.ToString())</c> or <c>role.ToString()</c> of one. Anything else is unknown.
    /// </summary>
    private static string? EvaluateText(ExpressionSyntax expression, IMethodSymbol constructor, Func<int, string?> argument, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        if (semanticModel.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        switch (expression)
        {
            case IdentifierNameSyntax identifier:
                for (var i = 0; i < constructor.Parameters.Length; i++)
                {
                    if (constructor.Parameters[i].Name == identifier.Identifier.ValueText)
                    {
                        return argument(i);
                    }
                }

                return null;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                var name = access.Name.Identifier.ValueText;
                var arguments = invocation.ArgumentList.Arguments;
                if (name == "Join" && arguments.Count == 2)
                {
                    return EvaluateText(arguments[1].Expression, constructor, argument, semanticModel, cancellationToken);
                }

                return name is "ToString" or "Select" ? EvaluateText(access.Expression, constructor, argument, semanticModel, cancellationToken) : null;
            default:
                return null;
        }
    }

    private static string? ArgumentText(ImmutableArray<TypedConstant> arguments, int index) =>
        index < arguments.Length ? ConstantText(arguments[index]) : null;

    /// <summary>A string, an enum member's name, or an array of either joined with commas (a <c>params</c> role list).</summary>
    private static string? ConstantText(TypedConstant constant)
    {
        switch (constant.Kind)
        {
            case TypedConstantKind.Primitive:
                return constant.Value as string;
            case TypedConstantKind.Enum:
                return EnumMemberName(constant);
            case TypedConstantKind.Array when !constant.IsNull:
                var builder = new StringBuilder();
                foreach (var element in constant.Values)
                {
                    if (ConstantText(element) is not { } text)
                    {
                        return null;
                    }

                    builder.Append(builder.Length == 0 ? string.Empty : ",").Append(text);
                }

                return builder.ToString();
            default:
                return null;
        }
    }

    private static string? EnumMemberName(TypedConstant constant)
    {
        if (constant.Type is not INamedTypeSymbol type)
        {
            return null;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant.Value))
            {
                return field.Name;
            }
        }

        return null;
    }

    private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol? contract)
    {
        if (contract is null)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, contract))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamedInHierarchy(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static string StripSuffix(string name) =>
        name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length ? name.Substring(0, name.Length - "Attribute".Length) : name;
}
