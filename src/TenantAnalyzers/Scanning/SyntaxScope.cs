using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantAnalyzers.Scanning;

/// <summary>
/// Syntax-only facts about the code around a node, asked before any binding so that the rules bind only the few
/// members where a finding is possible.
/// </summary>
internal static class SyntaxScope
{
    /// <summary>
    /// True when <paramref name="value"/> reads a parameter of an enclosing method, local function or lambda, or a local
    /// of the enclosing member: request input can only arrive that way, never through a field (<c>_companyContext</c>).
    /// <paramref name="skipInnermostLambda"/> leaves out the parameters of the lambda the node sits in (the entity of a
    /// query predicate, <c>e</c> in <c>e =&gt; e.CompanyId == companyId</c>).
    /// </summary>
    public static bool ReadsParameterOrLocal(SyntaxNode value, bool skipInnermostLambda, CancellationToken cancellationToken)
    {
        foreach (var identifier in value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            // A name not typed yet (the parser's placeholder) refers to nothing.
            if (identifier.IsMissing || identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
            {
                continue;
            }

            if (IsParameterOrLocal(identifier, skipInnermostLambda, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsParameterOrLocal(IdentifierNameSyntax identifier, bool skipInnermostLambda, CancellationToken cancellationToken)
    {
        var name = identifier.Identifier.ValueText;
        var skipped = !skipInnermostLambda;
        foreach (var ancestor in identifier.Ancestors())
        {
            switch (ancestor)
            {
                // A lambda's parameter hides any outer name: the skipped one (the query's entity) is neither input nor local.
                case SimpleLambdaExpressionSyntax simple:
                    if (simple.Parameter.Identifier.ValueText == name)
                    {
                        return skipped;
                    }

                    skipped = true;
                    break;
                case ParenthesizedLambdaExpressionSyntax lambda:
                    if (Declares(lambda.ParameterList, name))
                    {
                        return skipped;
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
                    return Declares(method.ParameterList, name) || DeclaresLocal(method, name, cancellationToken);
                case AccessorDeclarationSyntax or BasePropertyDeclarationSyntax or FieldDeclarationSyntax or GlobalStatementSyntax:
                    return DeclaresLocal(ancestor, name, cancellationToken);
            }
        }

        return false;
    }

    private static bool Declares(ParameterListSyntax parameters, string name) => FindParameter(parameters, name) is not null;

    /// <summary>The parameter of the list by that name, if any.</summary>
    public static ParameterSyntax? FindParameter(ParameterListSyntax parameters, string name)
    {
        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.Identifier.ValueText == name)
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the member declares a local (or pattern, <c>foreach</c> or <c>catch</c> variable) by that name: a text
    /// search of the member for the first names asked, one walk for all of them after that (<see cref="DeclaredLocals"/>).
    /// </summary>
    public static bool DeclaresLocal(SyntaxNode member, string name, CancellationToken cancellationToken) =>
        DeclaredLocals.Declares(member, name, cancellationToken);

    /// <summary>
    /// The nodes of a member from <see cref="EnclosingMember"/>, each once: for the whole file (top-level statements), the
    /// nodes of its global statements, not those of the types declared after them, which are members of their own.
    /// </summary>
    public static IEnumerable<SyntaxNode> NodesOf(SyntaxNode member)
    {
        if (member is not CompilationUnitSyntax unit)
        {
            return member.DescendantNodes();
        }

        return unit.Members.OfType<GlobalStatementSyntax>().SelectMany(statement => statement.DescendantNodes());
    }

    /// <summary>The member declaration around <paramref name="node"/>; the whole file for top-level statements.</summary>
    public static SyntaxNode EnclosingMember(SyntaxNode node) =>
        node.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } declaration and not GlobalStatementSyntax
            ? declaration
            : node.SyntaxTree.GetRoot();
}
