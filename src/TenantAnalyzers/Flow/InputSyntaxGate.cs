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
/// inside something that looks like an entry point — a public method of a controller-like class, a lambda handed to a
/// minimal-API <c>Map*</c> call, a method group handed to one in the same file, a type or method naming a configured
/// <c>entry_points</c> type or attribute — or when the value reads a member of a parameter typed as a request model.
/// A false positive here only costs a binding; a false negative would hide a finding, so the test is generous.
/// </summary>
internal sealed class InputSyntaxGate
{
    private readonly TenantOptions _options;
    private readonly ConcurrentDictionary<SyntaxTree, HashSet<string>> _mappedMethodGroups = new();

    public InputSyntaxGate(TenantOptions options)
    {
        _options = options;
    }

    public bool MayBeInput(SyntaxNode node, SyntaxNode value) =>
        IsInsideEntryPointLike(node) || ReadsRequestModelParameter(value, node);

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

            // A controller base of the application (ApiControllerBase) or of MVC, or a configured entry point type.
            if (name.EndsWith("Controller", StringComparison.Ordinal) || name.EndsWith("ControllerBase", StringComparison.Ordinal)
                || MatchesConfigured(name))
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
