using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantAnalyzers.Scanning;

/// <summary>Cheap name checks on syntax, done before any semantic work.</summary>
internal static class SyntaxNames
{
    /// <summary>The simple name of the invoked method: <c>Where</c> in <c>q.Where(...)</c>, <c>q?.Where(...)</c> or <c>Where&lt;T&gt;(...)</c>.</summary>
    public static string? GetInvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The name node of the invoked method, where diagnostics about a call start.</summary>
    public static SimpleNameSyntax? GetInvokedNameNode(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name,
        MemberBindingExpressionSyntax binding => binding.Name,
        SimpleNameSyntax name => name,
        _ => null,
    };

    /// <summary>The invocation whose invoked name is <paramref name="identifier"/>: <c>Where</c> of <c>q.Where(...)</c>, <c>q?.Where(...)</c> or <c>Where(...)</c>.</summary>
    public static InvocationExpressionSyntax? InvocationNamedBy(SyntaxToken identifier)
    {
        if (identifier.Parent is not SimpleNameSyntax name)
        {
            return null;
        }

        ExpressionSyntax invoked = name.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name => access,
            MemberBindingExpressionSyntax binding => binding,
            _ => name,
        };

        return invoked.Parent is InvocationExpressionSyntax invocation && invocation.Expression == invoked ? invocation : null;
    }

    /// <summary>
    /// The expression that ends in <paramref name="identifier"/> as a member name: <c>e.CompanyId</c>, <c>e?.CompanyId</c>'s
    /// binding, or <c>CompanyId</c> alone (an initializer's target); null when the name is the left part of an access.
    /// </summary>
    public static ExpressionSyntax? MemberNamedBy(SyntaxToken identifier)
    {
        if (identifier.Parent is not SimpleNameSyntax name)
        {
            return null;
        }

        return name.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Name == name ? access : null,
            MemberBindingExpressionSyntax binding => binding,
            _ => name,
        };
    }

    /// <summary>True when an argument of the call is a lambda: <c>FirstOrDefault(c =&gt; ...)</c>.</summary>
    public static bool HasLambdaArgument(InvocationExpressionSyntax invocation)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is LambdaExpressionSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the call or a call it is chained on (<c>q.Where(e =&gt; e.Id == id).First()</c>) takes a lambda whose
    /// body compares a key-like member (<c>Id</c>, <c>CustomerId</c>, <c>...Key</c>, <c>...Number</c>) for equality: the syntax a key lookup
    /// needs before it is worth binding.
    /// </summary>
    public static bool ChainHasKeyEquality(InvocationExpressionSyntax invocation)
    {
        for (ExpressionSyntax? current = invocation; current is InvocationExpressionSyntax call;)
        {
            foreach (var argument in call.ArgumentList.Arguments)
            {
                if (argument.Expression is LambdaExpressionSyntax { ExpressionBody: BinaryExpressionSyntax body }
                    && body.IsKind(SyntaxKind.EqualsExpression)
                    && (IsKeyLikeMember(body.Left) || IsKeyLikeMember(body.Right)))
                {
                    return true;
                }
            }

            current = call.Expression is MemberAccessExpressionSyntax access ? access.Expression : null;
        }

        return false;
    }

    /// <summary>How primary keys are named in practice: <c>Id</c>, <c>CustomerId</c>, <c>OrderKey</c>, <c>InvoiceNumber</c>, <c>Code</c>.</summary>
    private static readonly string[] KeyLikeSuffixes = ["Id", "ID", "Key", "Number", "Code", "No", "Guid", "Uid"];

    private static bool IsKeyLikeMember(ExpressionSyntax expression)
    {
        if (expression is not MemberAccessExpressionSyntax access)
        {
            return false;
        }

        var name = access.Name.Identifier.ValueText;
        foreach (var suffix in KeyLikeSuffixes)
        {
            if (name.EndsWith(suffix, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What a query chain starts from, by name: the DbSet member (<c>Companies</c> in <c>db.Companies.Where(...)</c>) or
    /// the entity of <c>Set&lt;Company&gt;()</c> / <c>Find&lt;Company&gt;(id)</c>; null when the chain starts elsewhere.
    /// </summary>
    public static string? QueryRootName(InvocationExpressionSyntax call)
    {
        if (call.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } && generic.TypeArgumentList.Arguments.Count == 1)
        {
            return LastTypeName(generic.TypeArgumentList.Arguments[0]);
        }

        ExpressionSyntax? receiver = (call.Expression as MemberAccessExpressionSyntax)?.Expression;
        while (receiver is InvocationExpressionSyntax inner)
        {
            if (inner.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Set" } set } && set.TypeArgumentList.Arguments.Count == 1)
            {
                return LastTypeName(set.TypeArgumentList.Arguments[0]);
            }

            receiver = (inner.Expression as MemberAccessExpressionSyntax)?.Expression;
        }

        return receiver switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
    }

    private static string? LastTypeName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
