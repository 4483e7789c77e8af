using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeActions;

namespace TenantAnalyzers.Tests.Infrastructure;

/// <summary>The actions a user can pick from a registered action: shared by the fix sweep and the stress suite.</summary>
public static class NestedCodeActions
{
    /// <summary>The action itself, or the actions nested under it (public <c>NestedActions</c> from Roslyn 4.9, internal before).</summary>
    public static IEnumerable<CodeAction> Leaves(CodeAction action)
    {
        var property = typeof(CodeAction).GetProperty("NestedActions", BindingFlags.Public | BindingFlags.Instance)
            ?? typeof(CodeAction).GetProperty("NestedCodeActions", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("CodeAction has no nested actions property");
        var nested = (ImmutableArray<CodeAction>)property.GetValue(action)!;
        return nested.IsDefaultOrEmpty ? [action] : nested.SelectMany(Leaves);
    }
}
