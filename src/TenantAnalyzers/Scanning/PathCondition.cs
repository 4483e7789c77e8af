using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantAnalyzers.Scanning;

/// <summary>A condition a path through the code depends on: the path runs only when <see cref="Condition"/> is <see cref="Value"/>.</summary>
internal readonly struct PathCondition
{
    public PathCondition(ExpressionSyntax condition, bool value)
    {
        Condition = condition;
        Value = value;
    }

    public ExpressionSyntax Condition { get; }

    public bool Value { get; }
}
