using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TenantAnalyzers.StressTests.Variants;

/// <summary>A text with its tokens, for the edits to pick positions from.</summary>
public sealed class EditableText
{
    public EditableText(string text)
    {
        Text = text;
        Tokens = CSharpSyntaxTree.ParseText(text, Sources.StressProject.ParseOptions).GetRoot()
            .DescendantTokens()
            .Where(t => t.Span.Length > 0 && !t.IsKind(SyntaxKind.EndOfFileToken))
            .ToList();
    }

    public string Text { get; }

    /// <summary>The tokens that have text (missing ones and the end of the file left out).</summary>
    public IReadOnlyList<SyntaxToken> Tokens { get; }

    public SyntaxToken RandomToken(Random random) => Tokens[random.Next(Tokens.Count)];

    /// <summary>A random token that satisfies <paramref name="filter"/>; null when there is none.</summary>
    public SyntaxToken? RandomToken(Random random, Func<SyntaxToken, bool> filter)
    {
        var matching = Tokens.Where(filter).ToList();
        return matching.Count == 0 ? null : matching[random.Next(matching.Count)];
    }

    /// <summary>A random line, its line break included.</summary>
    public (int Start, int End) RandomLine(Random random)
    {
        var position = random.Next(Text.Length);
        var start = Text.LastIndexOf('\n', Math.Max(position - 1, 0)) + 1;
        if (position == 0)
        {
            start = 0;
        }

        var end = Text.IndexOf('\n', position);
        return (start, end < 0 ? Text.Length : end + 1);
    }

    public string Replace(int start, int length, string replacement) => string.Concat(Text.AsSpan(0, start), replacement, Text.AsSpan(start + length));
}
