using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantAnalyzers.Model;

/// <summary>
/// Syntax-only facts about the code around a node, asked before any binding so that the rules bind only the few
/// members where a finding is possible.
/// </summary>
internal static class SyntaxScope
{
    private static readonly ConditionalWeakTable<SyntaxNode, HashSet<string>> LocalNames = new();

    /// <summary>
    /// True when <paramref name="value"/> reads a parameter of an enclosing method, local function or lambda, or a local
    /// of the enclosing member: request input can only arrive that way, never through a field (<c>_companyContext</c>).
    /// <paramref name="skipInnermostLambda"/> leaves out the parameters of the lambda the node sits in (the entity of a
    /// query predicate, <c>e</c> in <c>e =&gt; e.CompanyId == companyId</c>).
    /// </summary>
    public static bool ReadsParameterOrLocal(SyntaxNode value, bool skipInnermostLambda)
    {
        foreach (var identifier in value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
            {
                continue;
            }

            if (IsParameterOrLocal(identifier, skipInnermostLambda))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsParameterOrLocal(IdentifierNameSyntax identifier, bool skipInnermostLambda)
    {
        var name = identifier.Identifier.ValueText;
        var skipped = !skipInnermostLambda;
        foreach (var ancestor in identifier.Ancestors())
        {
            switch (ancestor)
            {
                case SimpleLambdaExpressionSyntax simple:
                    if (skipped && simple.Parameter.Identifier.ValueText == name)
                    {
                        return true;
                    }

                    skipped = true;
                    break;
                case ParenthesizedLambdaExpressionSyntax lambda:
                    if (skipped && Declares(lambda.ParameterList, name))
                    {
                        return true;
                    }

                    skipped = true;
                    break;
                case AnonymousMethodExpressionSyntax { ParameterList: { } anonymousParameters }:
                    if (Declares(anonymousParameters, name))
                    {
                        return true;
                    }

                    break;
                case LocalFunctionStatementSyntax localFunction:
                    if (Declares(localFunction.ParameterList, name))
                    {
                        return true;
                    }

                    break;
                case BaseMethodDeclarationSyntax method:
                    return Declares(method.ParameterList, name) || DeclaresLocal(method, name);
                case AccessorDeclarationSyntax or BasePropertyDeclarationSyntax or FieldDeclarationSyntax or GlobalStatementSyntax:
                    return DeclaresLocal(ancestor, name);
            }
        }

        return false;
    }

    private static bool Declares(ParameterListSyntax parameters, string name)
    {
        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool DeclaresLocal(SyntaxNode member, string name) =>
        LocalNames.GetValue(member, CollectLocalNames).Contains(name);

    /// <summary>The names of the locals a member declares, collected once per member (syntax is immutable).</summary>
    private static HashSet<string> CollectLocalNames(SyntaxNode member)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in member.DescendantNodes())
        {
            var declared = node switch
            {
                VariableDeclaratorSyntax declarator => declarator.Identifier.ValueText,
                SingleVariableDesignationSyntax designation => designation.Identifier.ValueText,
                ForEachStatementSyntax forEach => forEach.Identifier.ValueText,
                _ => null,
            };

            if (declared is not null)
            {
                names.Add(declared);
            }
        }

        return names;
    }

    /// <summary>The member declaration around <paramref name="node"/>; the whole file for top-level statements.</summary>
    public static SyntaxNode EnclosingMember(SyntaxNode node) =>
        node.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } declaration and not GlobalStatementSyntax
            ? declaration
            : node.SyntaxTree.GetRoot();
}
