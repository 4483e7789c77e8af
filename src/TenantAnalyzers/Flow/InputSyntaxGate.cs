using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Flow;

/// <summary>
/// The syntax test TI0005 runs before binding anything: could the value at this node be request input at all? Only
/// inside something that looks like an entry point — a public method of a controller-like class or page model, a lambda
/// handed to a minimal-API <c>Map*</c> call, a method group handed to one in the same file, a type or method naming a
/// configured <c>entry_points</c> type or attribute — when the value reads a member of a parameter typed as a request
/// model, or when the member names the request's headers, query, form, cookies or route values.
/// A false positive here only costs a binding; a false negative would hide a finding, so the test is generous.
/// </summary>
internal sealed class InputSyntaxGate
{
    /// <summary>The names through which code reads the request itself: <c>Request.Headers[...]</c>, <c>RouteData.Values[...]</c>...</summary>
    private static readonly IdentifierScan RequestDataNames = new(["Headers", "Query", "Form", "Cookies", "RouteValues", "RouteData", "GetRouteValue"]);

    private readonly TenantOptions _options;
    private readonly ConcurrentDictionary<SyntaxTree, HashSet<string>> _mappedMethodGroups = new();

    public InputSyntaxGate(TenantOptions options)
    {
        _options = options;
    }

    public bool MayBeInput(SyntaxNode node, SyntaxNode value) =>
        IsInsideEntryPointLike(node) || ReadsRequestModelParameter(value, node) || MentionsRequestData(node);

    /// <summary>The member around <paramref name="node"/> names the request's headers, query, form, cookies or route values.</summary>
    private static bool MentionsRequestData(SyntaxNode node)
    {
        var member = SyntaxScope.EnclosingMember(node);
        return member is not CompilationUnitSyntax
            && RequestDataNames.Any(node.SyntaxTree, member.Span, 0, static (_, _) => true, CancellationToken.None);
    }

    private bool IsInsideEntryPointLike(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda when IsMapArgument(lambda):
                    return true;
                case MethodDeclarationSyntax method:
                    return (method.Modifiers.Any(SyntaxKind.PublicKeyword)
                            && ((method.Parent is TypeDeclarationSyntax type && IsEntryPointLikeType(type)) || NamesConfiguredEntryPoint(method.AttributeLists)))
                        || IsMappedMethodGroup(method);
                case LocalFunctionStatementSyntax localFunction when IsMappedMethodGroup(localFunction.Identifier.ValueText, node.SyntaxTree):
                    return true;
                case GlobalStatementSyntax or CompilationUnitSyntax or TypeDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool IsMapArgument(AnonymousFunctionExpressionSyntax lambda) =>
        lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
        && EntryPoints.IsMapMethodName(SyntaxNames.GetInvokedName(call));

    private bool IsEntryPointLikeType(TypeDeclarationSyntax type)
    {
        if (type.Identifier.ValueText.EndsWith("Controller", StringComparison.Ordinal) || NamesConfiguredEntryPoint(type.AttributeLists))
        {
            return true;
        }

        foreach (var attributeList in type.AttributeLists)
        {
            foreach (var attribute in attributeList.Attributes)
            {
                if (LastIdentifier(attribute.Name) is "ApiController" or "ApiControllerAttribute")
                {
                    return true;
                }
            }
        }

        if (type.BaseList is null)
        {
            return false;
        }

        foreach (var baseType in type.BaseList.Types)
        {
            var name = LastIdentifier(baseType.Type);
            if (name is null)
            {
                continue;
            }

            // A controller base of the application (ApiControllerBase) or of MVC, a Razor Pages page model, or a
            // configured entry point type.
            if (name.EndsWith("Controller", StringComparison.Ordinal) || name.EndsWith("ControllerBase", StringComparison.Ordinal)
                || name.EndsWith("PageModel", StringComparison.Ordinal) || MatchesConfigured(name))
            {
                return true;
            }
        }

        return false;
    }

    private bool NamesConfiguredEntryPoint(SyntaxList<AttributeListSyntax> attributeLists)
    {
        if (_options.EntryPoints.IsEmpty)
        {
            return false;
        }

        foreach (var attributeList in attributeLists)
        {
            foreach (var attribute in attributeList.Attributes)
            {
                if (LastIdentifier(attribute.Name) is { } name && (MatchesConfigured(name) || MatchesConfigured(name + "Attribute")))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool MatchesConfigured(string name)
    {
        foreach (var configured in _options.EntryPoints)
        {
            var simple = configured.Substring(configured.LastIndexOf('.') + 1);
            if (simple == name || simple == name + "Attribute" || simple + "Attribute" == name)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsMappedMethodGroup(MethodDeclarationSyntax method) => IsMappedMethodGroup(method.Identifier.ValueText, method.SyntaxTree);

    private bool IsMappedMethodGroup(string name, SyntaxTree tree) =>
        _mappedMethodGroups.GetOrAdd(tree, t => CollectMappedMethodGroups(t)).Contains(name);

    /// <summary>
    /// The names handed to <c>Map*</c> calls in the file. Most files register no endpoint: a text search for the
    /// <c>Map*</c> names finds the calls, no walk of the file's syntax.
    /// </summary>
    private static HashSet<string> CollectMappedMethodGroups(SyntaxTree tree)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        EntryPoints.MapCallNames.Find(tree, span: null, names, static (token, found) =>
        {
            if (SyntaxNames.InvocationNamedBy(token) is not { } call)
            {
                return;
            }

            foreach (var argument in call.ArgumentList.Arguments)
            {
                if (LastIdentifier(argument.Expression) is { } name)
                {
                    found.Add(name);
                }
            }
        }, CancellationToken.None);
        return names;
    }

    /// <summary>
    /// Could <paramref name="value"/> carry input through something other than a parameter or local: the request itself
    /// (<c>Request</c>, <c>HttpContext</c>, <c>RouteData</c>), or a property of the enclosing type that model binding
    /// fills (<c>[BindProperty]</c>, or any property of a <c>[BindProperties]</c> type)?
    /// </summary>
    public static bool ReadsRequestMember(SyntaxNode value)
    {
        TypeDeclarationSyntax? type = null;
        foreach (var identifier in value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (identifier.IsMissing || identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
            {
                continue;
            }

            var name = identifier.Identifier.ValueText;
            if (name is "Request" or "HttpContext" or "RouteData")
            {
                return true;
            }

            type ??= identifier.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (type is not null && IsBoundPropertyName(type, name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBoundPropertyName(TypeDeclarationSyntax type, string name)
    {
        var bindsAll = NamesAttribute(type.AttributeLists, "BindProperties");
        foreach (var member in type.Members)
        {
            if (member is PropertyDeclarationSyntax property && property.Identifier.ValueText == name)
            {
                return bindsAll || NamesAttribute(property.AttributeLists, "BindProperty");
            }
        }

        return false;
    }

    private static bool NamesAttribute(SyntaxList<AttributeListSyntax> attributeLists, string name)
    {
        foreach (var list in attributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (LastIdentifier(attribute.Name) is { } written && (written == name || written == name + "Attribute"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>request.CompanyId</c> where <c>request</c> is a parameter declared with a request-model type name.</summary>
    private static bool ReadsRequestModelParameter(SyntaxNode value, SyntaxNode position)
    {
        foreach (var access in value.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>())
        {
            if (access.Expression is IdentifierNameSyntax root && DeclaredParameterType(root.Identifier.ValueText, position) is { } typeName
                && EntryPoints.IsRequestModelName(typeName))
            {
                return true;
            }
        }

        return false;
    }

    private static string? DeclaredParameterType(string name, SyntaxNode position)
    {
        foreach (var ancestor in position.Ancestors())
        {
            var parameters = ancestor switch
            {
                BaseMethodDeclarationSyntax method => method.ParameterList.Parameters,
                LocalFunctionStatementSyntax localFunction => localFunction.ParameterList.Parameters,
                ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters,
                _ => default,
            };

            foreach (var parameter in parameters)
            {
                if (parameter.Identifier.ValueText == name && parameter.Type is { } type)
                {
                    return LastIdentifier(type);
                }
            }
        }

        return null;
    }

    private static string? LastIdentifier(SyntaxNode node) => node switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        NullableTypeSyntax nullable => LastIdentifier(nullable.ElementType),
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };
}
