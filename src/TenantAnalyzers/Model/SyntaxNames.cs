using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantAnalyzers.Model;

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
}
