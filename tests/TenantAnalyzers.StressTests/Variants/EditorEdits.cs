using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantAnalyzers.StressTests.Variants;

/// <summary>
/// The states a file passes through while someone types in it, as edits of its text: cut off at any point, a line
/// half typed, tokens deleted, braces unbalanced, a lambda with nothing after <c>=&gt;</c>, generic arguments and
/// closing parentheses missing, lines duplicated or deleted, tokens and identifiers swapped, a receiver deleted while
/// retyping it (<c>CompanyId = .CompanyId</c>), a stray token, an unterminated string or comment.
/// </summary>
public static class EditorEdits
{
    private static readonly string[] StrayTokens =
        ["?", "sealed", "=>", "(", ")", ".", "{", "}", ";", ",", "new", "await", "<", ">", "==", "!", "[", "]", "=", "&&", "is", "var", "return", "@", ":"];

    /// <summary>Every kind of edit, by name.</summary>
    public static IReadOnlyList<(string Name, Func<Random, EditableText, string?> Apply)> All { get; } =
    [
        ("truncate", Truncate),
        ("half-typed line", HalfTypedLine),
        ("delete token", DeleteToken),
        ("delete tokens", DeleteTokens),
        ("drop brace", DropBrace),
        ("extra brace", ExtraBrace),
        ("half-written lambda", HalfWrittenLambda),
        ("missing generic argument", MissingGenericArgument),
        ("drop closing parenthesis", DropClosingParenthesis),
        ("duplicate line", DuplicateLine),
        ("delete line", DeleteLine),
        ("swap tokens", SwapTokens),
        ("swap identifiers", SwapIdentifiers),
        ("delete receiver", DeleteReceiver),
        ("stray token", StrayToken),
        ("unterminated string or comment", Unterminated),
    ];

    /// <summary>Cut off after a random token, or inside one.</summary>
    private static string? Truncate(Random random, EditableText source)
    {
        var token = source.RandomToken(random);
        var end = random.Next(3) == 0 ? token.SpanStart + random.Next(token.Span.Length + 1) : token.Span.End;
        return source.Text[..end];
    }

    /// <summary>A line typed up to a random point, the rest of the file as it was.</summary>
    private static string? HalfTypedLine(Random random, EditableText source)
    {
        var token = source.RandomToken(random);
        var from = token.SpanStart + random.Next(token.Span.Length + 1);
        var lineEnd = source.Text.IndexOf('\n', from);
        return source.Replace(from, (lineEnd < 0 ? source.Text.Length : lineEnd) - from, string.Empty);
    }

    private static string? DeleteToken(Random random, EditableText source)
    {
        var token = source.RandomToken(random);
        return source.Replace(token.SpanStart, token.Span.Length, string.Empty);
    }

    private static string? DeleteTokens(Random random, EditableText source)
    {
        var first = random.Next(source.Tokens.Count);
        var last = Math.Min(source.Tokens.Count - 1, first + 1 + random.Next(5));
        var start = source.Tokens[first].SpanStart;
        return source.Replace(start, source.Tokens[last].Span.End - start, " ");
    }

    private static string? DropBrace(Random random, EditableText source) =>
        source.RandomToken(random, t => t.IsKind(SyntaxKind.OpenBraceToken) || t.IsKind(SyntaxKind.CloseBraceToken)) is { } brace
            ? source.Replace(brace.SpanStart, 1, string.Empty)
            : null;

    private static string? ExtraBrace(Random random, EditableText source) =>
        source.Replace(source.RandomToken(random).SpanStart, 0, random.Next(2) == 0 ? "{ " : "} ");

    /// <summary><c>x =&gt;</c> with the rest of its line gone.</summary>
    private static string? HalfWrittenLambda(Random random, EditableText source)
    {
        if (source.RandomToken(random, t => t.IsKind(SyntaxKind.EqualsGreaterThanToken)) is not { } arrow)
        {
            return null;
        }

        var lineEnd = source.Text.IndexOf('\n', arrow.Span.End);
        return source.Replace(arrow.Span.End, (lineEnd < 0 ? source.Text.Length : lineEnd) - arrow.Span.End, random.Next(2) == 0 ? string.Empty : " ;");
    }

    /// <summary><c>Set&lt;&gt;()</c>, or <c>Set&lt;Customer()</c>.</summary>
    private static string? MissingGenericArgument(Random random, EditableText source)
    {
        if (source.RandomToken(random, t => t.IsKind(SyntaxKind.LessThanToken) && t.Parent is TypeArgumentListSyntax) is not { Parent: TypeArgumentListSyntax list })
        {
            return null;
        }

        return random.Next(2) == 0
            ? source.Replace(list.LessThanToken.Span.End, list.GreaterThanToken.SpanStart - list.LessThanToken.Span.End, string.Empty)
            : source.Replace(list.GreaterThanToken.SpanStart, list.GreaterThanToken.Span.Length, string.Empty);
    }

    private static string? DropClosingParenthesis(Random random, EditableText source) =>
        source.RandomToken(random, t => t.IsKind(SyntaxKind.CloseParenToken)) is { } paren
            ? source.Replace(paren.SpanStart, 1, string.Empty)
            : null;

    private static string? DuplicateLine(Random random, EditableText source)
    {
        var (start, end) = source.RandomLine(random);
        return source.Replace(start, 0, source.Text[start..end]);
    }

    private static string? DeleteLine(Random random, EditableText source)
    {
        var (start, end) = source.RandomLine(random);
        return source.Replace(start, end - start, string.Empty);
    }

    private static string? SwapTokens(Random random, EditableText source)
    {
        if (source.Tokens.Count < 2)
        {
            return null;
        }

        var index = random.Next(source.Tokens.Count - 1);
        var (first, second) = (source.Tokens[index], source.Tokens[index + 1]);
        var between = source.Text[first.Span.End..second.SpanStart];
        return source.Replace(first.SpanStart, second.Span.End - first.SpanStart, second.Text + between + first.Text);
    }

    private static string? SwapIdentifiers(Random random, EditableText source)
    {
        if (source.RandomToken(random, t => t.IsKind(SyntaxKind.IdentifierToken)) is not { } first
            || source.RandomToken(random, t => t.IsKind(SyntaxKind.IdentifierToken) && t.Span != first.Span && t.Text != first.Text) is not { } second)
        {
            return null;
        }

        // The later one first: the earlier one's position stays valid.
        var (left, right) = first.SpanStart < second.SpanStart ? (first, second) : (second, first);
        var text = source.Text;
        text = text[..right.SpanStart] + left.Text + text[right.Span.End..];
        return text[..left.SpanStart] + right.Text + text[left.Span.End..];
    }

    /// <summary><c>CompanyId = _companyContext.CompanyId</c> becomes <c>CompanyId = .CompanyId</c>.</summary>
    private static string? DeleteReceiver(Random random, EditableText source)
    {
        if (source.RandomToken(random, t => t.IsKind(SyntaxKind.DotToken) && t.Parent is MemberAccessExpressionSyntax) is not { Parent: MemberAccessExpressionSyntax access })
        {
            return null;
        }

        var receiver = access.Expression;
        return source.Replace(receiver.SpanStart, receiver.Span.Length, string.Empty);
    }

    private static string? StrayToken(Random random, EditableText source) =>
        source.Replace(source.RandomToken(random).SpanStart, 0, StrayTokens[random.Next(StrayTokens.Length)] + " ");

    private static string? Unterminated(Random random, EditableText source) =>
        source.Replace(source.RandomToken(random).SpanStart, 0, random.Next(3) switch { 0 => "\"", 1 => "/*", _ => "\"\"\"" });
}
