using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TenantAnalyzers.Baseline;

/// <summary>
/// Computes <see cref="FindingKey"/>s. One implementation for the baseline suppressor in the build and for the audit
/// CLI, so that a finding the CLI wrote into a baseline is the finding the build suppresses.
/// </summary>
internal static class FindingKeys
{
    /// <summary>
    /// The key of a finding at <paramref name="location"/>, with occurrence 0 (see <see cref="NumberOccurrences"/>).
    /// <paramref name="file"/> is the file as the baseline names it (see <see cref="RelativePath"/>).
    /// </summary>
    public static FindingKey Compute(string ruleId, Location location, string file, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var root = location.SourceTree!.GetRoot(cancellationToken);
        var span = location.SourceSpan;
        var node = root.FullSpan.Contains(span) ? root.FindNode(span, getInnermostNodeForTie: true) : root;
        var member = semanticModel.GetEnclosingSymbol(span.Start, cancellationToken);
        return new FindingKey(ruleId, file, MemberId(member), CodeHash(node, span), 0);
    }

    /// <summary>
    /// Numbers findings that share a site (rule, file, member, code) in source order: 0, 1, 2... Returns the keys in
    /// the order of <paramref name="findings"/>.
    /// </summary>
    public static FindingKey[] NumberOccurrences(IReadOnlyList<(FindingKey Key, int Position)> findings)
    {
        var keys = new FindingKey[findings.Count];
        var order = Enumerable.Range(0, findings.Count)
            .OrderBy(i => findings[i].Key.Site, StringComparer.Ordinal)
            .ThenBy(i => findings[i].Position)
            .ThenBy(i => i);
        string? site = null;
        var occurrence = 0;
        foreach (var i in order)
        {
            var key = findings[i].Key;
            occurrence = string.Equals(site, key.Site, StringComparison.Ordinal) ? occurrence + 1 : 0;
            site = key.Site;
            keys[i] = key.WithOccurrence(occurrence);
        }

        return keys;
    }

    /// <summary>
    /// The declaration id of the member the code is in (<c>M:Ns.Type.Method(System.Int32)</c>): a lambda or local
    /// function counts as its member, an accessor as its property. Empty outside any member.
    /// </summary>
    public static string MemberId(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        if (symbol is IMethodSymbol { AssociatedSymbol: { } associated })
        {
            symbol = associated;
        }

        for (; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (DocumentationCommentId.CreateDeclarationId(symbol) is { Length: > 0 } id)
            {
                return id;
            }
        }

        return string.Empty;
    }

    /// <summary>
    /// A hash (FNV-1a, 64 bits, hex) of the flagged code with whitespace and comments left out: the tokens of the
    /// smallest node around the finding, one space apart. Reformatting or re-indenting keeps it; a changed expression
    /// does not.
    /// </summary>
    public static string CodeHash(SyntaxNode node, TextSpan span)
    {
        var text = new StringBuilder();
        foreach (var token in node.DescendantTokens(node.Span))
        {
            if (token.Span.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(token.Text);
        }

        if (text.Length == 0)
        {
            text.Append(node.SyntaxTree.GetText().ToString(span));
        }

        const ulong offsetBasis = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offsetBasis;
        for (var i = 0; i < text.Length; i++)
        {
            hash ^= text[i];
            hash *= prime;
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="baseDirectory"/>, '/'-separated (<c>src/App/Orders.cs</c>,
    /// <c>../lib/Shared.cs</c>); the normalised full path when the two share no root.
    /// </summary>
    public static string RelativePath(string path, string baseDirectory)
    {
        var target = Segments(path);
        var from = Segments(baseDirectory);
        var comparison = LooksLikeWindows(path) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var common = 0;
        while (common < target.Count && common < from.Count && string.Equals(target[common], from[common], comparison))
        {
            common++;
        }

        if (common == 0)
        {
            return string.Join("/", target);
        }

        var parts = new List<string>();
        for (var i = common; i < from.Count; i++)
        {
            parts.Add("..");
        }

        for (var i = common; i < target.Count; i++)
        {
            parts.Add(target[i]);
        }

        return string.Join("/", parts);
    }

    /// <summary>A path with '/' separators and no '.', '..' or empty segments (a leading '/' kept as an empty first segment).</summary>
    public static string NormalizePath(string path) => string.Join("/", Segments(path));

    private static List<string> Segments(string path)
    {
        var segments = new List<string>();
        var raw = path.Replace('\\', '/').Split('/');
        for (var i = 0; i < raw.Length; i++)
        {
            var segment = raw[i];
            if (i == 0 && segment.Length == 0)
            {
                segments.Add(string.Empty);
            }
            else if (segment.Length == 0 || segment == ".")
            {
                continue;
            }
            else if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] is not ".." and not "")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else
            {
                segments.Add(segment);
            }
        }

        return segments;
    }

    private static bool LooksLikeWindows(string path) => path.Length >= 2 && path[1] == ':' || path.IndexOf('\\') >= 0;
}
