using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Queries;

/// <summary>
/// Which entity types a filter call reaches when it does not name them: a loop over <c>modelBuilder.Model.GetEntityTypes()</c>
/// that configures <c>modelBuilder.Entity(entityType.ClrType)</c> or <c>entityType.SetQueryFilter(...)</c>. The answer is
/// the type tests that guard the call, read from the code between the call and its method:
/// <list type="bullet">
/// <item>the conditions of the <c>if</c>s whose then-branch holds it, and of the <c>if (...) continue;</c> guards before it
/// (negated);</item>
/// <item>the <c>Where</c> lambdas of the loop's collection (<c>GetEntityTypes().Where(t =&gt; ...)</c>, also through a local),
/// and of the receiver of a <c>ForEach</c> whose lambda holds the call.</item>
/// </list>
/// A test is <c>typeof(X).IsAssignableFrom(t)</c>, <c>t.IsAssignableTo(typeof(X))</c>, <c>t.IsSubclassOf(typeof(X))</c>,
/// <c>t.GetInterfaces().Contains(typeof(X))</c> or <c>t.GetInterface(nameof(X)) != null</c>; <c>&amp;&amp;</c> requires
/// both, <c>||</c> either. Anything else (a helper, a negated test, a name check) restricts nothing that can be read, and
/// the covering it leaves admits every tenant-owned type: a filter on the tenant key only compiles for types that have it.
/// </summary>
internal sealed class FilterCoverage
{
    private const int MaxAlternatives = 16;

    /// <summary>One alternative with no requirement: every tenant-owned type.</summary>
    private static readonly List<string[]> Unrestricted = [[]];

    private readonly SemanticModel _semanticModel;
    private readonly CancellationToken _cancellationToken;

    private FilterCoverage(SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        _semanticModel = semanticModel;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The alternatives of types the call covers, each a list of metadata names an entity must derive from or implement
    /// (all of them); one empty alternative when no restriction can be read.
    /// </summary>
    public static List<string[]> Read(SyntaxNode call, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        new FilterCoverage(semanticModel, cancellationToken).Read(call);

    private List<string[]> Read(SyntaxNode call)
    {
        var coverage = Unrestricted;
        for (SyntaxNode node = call; node.Parent is { } parent; node = parent)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (parent)
            {
                case IfStatementSyntax ifStatement when ifStatement.Statement == node:
                    coverage = And(coverage, Condition(ifStatement.Condition, positive: true));
                    break;
                case BlockSyntax block:
                    coverage = And(coverage, Guards(block, node));
                    break;
                case ForEachStatementSyntax loop when loop.Statement == node:
                    coverage = And(coverage, CollectionTests(loop.Expression, parent));
                    break;
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } when node is AnonymousFunctionExpressionSyntax:
                    coverage = And(coverage, CollectionTests(invocation.Expression, parent));
                    break;
                case MemberDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax:
                    return coverage;
            }
        }

        return coverage;
    }

    /// <summary><c>if (!typeof(ITenant).IsAssignableFrom(t)) continue;</c> before the statement: the rest of the block sees only ITenant.</summary>
    private List<string[]> Guards(BlockSyntax block, SyntaxNode statement)
    {
        var coverage = Unrestricted;
        foreach (var sibling in block.Statements)
        {
            if (sibling == statement)
            {
                break;
            }

            if (sibling is IfStatementSyntax { Else: null } guard && Exits(guard.Statement))
            {
                coverage = And(coverage, Condition(guard.Condition, positive: false));
            }
        }

        return coverage;
    }

    private static bool Exits(StatementSyntax statement) => statement switch
    {
        ContinueStatementSyntax or ReturnStatementSyntax or BreakStatementSyntax or ThrowStatementSyntax => true,
        BlockSyntax { Statements.Count: 1 } block => Exits(block.Statements[0]),
        _ => false,
    };

    /// <summary>The <c>Where</c> lambdas of a collection expression (through one local holding it).</summary>
    private List<string[]> CollectionTests(ExpressionSyntax collection, SyntaxNode scope)
    {
        if (collection is IdentifierNameSyntax local
            && _semanticModel.GetSymbolInfo(local, _cancellationToken).Symbol is ILocalSymbol symbol
            && symbol.DeclaringSyntaxReferences.Length == 1
            && symbol.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
        {
            collection = initializer;
        }

        var coverage = Unrestricted;
        for (var current = collection; current is not null;)
        {
            switch (current)
            {
                case InvocationExpressionSyntax invocation:
                    if (SyntaxNames.GetInvokedName(invocation) == "Where"
                        && invocation.ArgumentList.Arguments.Count == 1
                        && invocation.ArgumentList.Arguments[0].Expression is LambdaExpressionSyntax { Body: ExpressionSyntax body })
                    {
                        coverage = And(coverage, Condition(body, positive: true));
                    }

                    current = invocation.Expression;
                    break;
                case MemberAccessExpressionSyntax access:
                    current = access.Expression;
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    current = parenthesized.Expression;
                    break;
                default:
                    current = null;
                    break;
            }
        }

        return coverage;
    }

    private List<string[]> Condition(ExpressionSyntax condition, bool positive)
    {
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Condition(parenthesized.Expression, positive);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                return Condition(not.Operand, !positive);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } and:
                return positive
                    ? And(Condition(and.Left, true), Condition(and.Right, true))
                    : Or(Condition(and.Left, false), Condition(and.Right, false));
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } or:
                return positive
                    ? Or(Condition(or.Left, true), Condition(or.Right, true))
                    : And(Condition(or.Left, false), Condition(or.Right, false));
            default:
                return positive && TestedType(condition) is { } tested ? [[tested]] : Unrestricted;
        }
    }

    /// <summary>The metadata name of X in a type test of the entity's CLR type; null for anything else.</summary>
    private string? TestedType(ExpressionSyntax test)
    {
        TypeSyntax? type = test switch
        {
            // typeof(X).IsAssignableFrom(t)
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsAssignableFrom", Expression: TypeOfExpressionSyntax typeOf } } => typeOf.Type,

            // t.IsAssignableTo(typeof(X)), t.IsSubclassOf(typeof(X)), t.GetInterfaces().Contains(typeof(X))
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsAssignableTo" or "IsSubclassOf" or "Contains" }, ArgumentList.Arguments: { Count: 1 } arguments }
                when arguments[0].Expression is TypeOfExpressionSyntax typeOf => typeOf.Type,

            // t.GetInterface(nameof(X)) != null
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.NotEqualsExpression, Left: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetInterface" } } getInterface, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } }
                => NameOfArgument(getInterface),
            _ => null,
        };

        if (type is null || _semanticModel.GetTypeInfo(type, _cancellationToken).Type is not { TypeKind: not TypeKind.Error } tested)
        {
            return null;
        }

        return QueryFilterFacts.MetadataNameOf(tested.OriginalDefinition);
    }

    /// <summary><c>X</c> of <c>GetInterface(nameof(X))</c>.</summary>
    private static TypeSyntax? NameOfArgument(InvocationExpressionSyntax call) =>
        call.ArgumentList.Arguments.Count == 1
        && call.ArgumentList.Arguments[0].Expression is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } nameOf
        && nameOf.ArgumentList.Arguments.Count == 1
            ? nameOf.ArgumentList.Arguments[0].Expression as TypeSyntax
            : null;

    private static List<string[]> And(List<string[]> left, List<string[]> right)
    {
        if (IsUnrestricted(left))
        {
            return right;
        }

        if (IsUnrestricted(right))
        {
            return left;
        }

        var product = new List<string[]>();
        foreach (var a in left)
        {
            foreach (var b in right)
            {
                product.Add(a.Concat(b).Distinct().ToArray());
            }
        }

        return product.Count > MaxAlternatives ? Unrestricted : product;
    }

    private static List<string[]> Or(List<string[]> left, List<string[]> right)
    {
        if (IsUnrestricted(left) || IsUnrestricted(right))
        {
            return Unrestricted;
        }

        var union = new List<string[]>(left);
        union.AddRange(right);
        return union.Count > MaxAlternatives ? Unrestricted : union;
    }

    private static bool IsUnrestricted(List<string[]> coverage)
    {
        foreach (var alternative in coverage)
        {
            if (alternative.Length == 0)
            {
                return true;
            }
        }

        return false;
    }
}
