using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantAnalyzers.StressTests.Sources;

/// <summary>
/// The C# the rule tests feed the analyzers: the raw and verbatim string literals of tests/TenantAnalyzers.Tests that
/// parse as C# declarations, read by parsing those test files (their <c>{|TI0001:...|}</c> markup removed). An
/// interpolated raw string keeps its text parts, the holes left empty.
/// </summary>
public static partial class RuleTestInputs
{
    public static IEnumerable<(string Name, string Text)> Read(string repositoryRoot)
    {
        var testsDirectory = Path.Combine(repositoryRoot, "tests", "TenantAnalyzers.Tests");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(testsDirectory, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(repositoryRoot, file).Replace('\\', '/');
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal))
            {
                continue;
            }

            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), StressProject.ParseOptions, file);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (LiteralText(node) is not { } literal)
                {
                    continue;
                }

                var text = Unmark(literal);
                if (LooksLikeCSharp(text) && seen.Add(text))
                {
                    var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    yield return ($"{relative}:{line}", text);
                }
            }
        }
    }

    private static string? LiteralText(SyntaxNode node) => node switch
    {
        LiteralExpressionSyntax literal when IsRawOrVerbatim(literal.Token) => literal.Token.ValueText,
        InterpolatedStringExpressionSyntax interpolated when interpolated.StringStartToken.Text.Contains("\"\"\"", StringComparison.Ordinal)
            || interpolated.StringStartToken.Text.Contains('@') => TextParts(interpolated),
        _ => null,
    };

    private static bool IsRawOrVerbatim(SyntaxToken token) =>
        token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
        || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
        || (token.IsKind(SyntaxKind.StringLiteralToken) && token.Text.StartsWith('@'));

    private static string TextParts(InterpolatedStringExpressionSyntax interpolated)
    {
        var text = new StringBuilder();
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax part)
            {
                text.Append(part.TextToken.ValueText);
            }
        }

        return text.ToString();
    }

    /// <summary>The source without the verifiers' markup: <c>{|TI0001:</c>, <c>|}</c>, <c>[|</c>, <c>|]</c>.</summary>
    private static string Unmark(string text) => Markup().Replace(text, string.Empty);

    /// <summary>A type, namespace or member declaration without a syntax error, or any text declaring a type (the broken repros).</summary>
    private static bool LooksLikeCSharp(string text)
    {
        if (text.Length < 20)
        {
            return false;
        }

        var root = CSharpSyntaxTree.ParseText(text, StressProject.ParseOptions).GetRoot();
        var declares = root.DescendantNodes().Any(n => n is BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax or BaseMethodDeclarationSyntax);
        return declares && (!root.ContainsDiagnostics || DeclaresType().IsMatch(text));
    }

    [GeneratedRegex(@"\{\|[A-Za-z0-9_]+:|\|\}|\[\||\|\]")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\b(class|record|interface|struct)\s+\w+")]
    private static partial Regex DeclaresType();
}
