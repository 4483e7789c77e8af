using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace TenantAnalyzers.Scanning;

/// <summary>
/// Finds the identifier tokens with given names in a syntax tree by searching its text, not its nodes. A rule that
/// starts from a few names (<c>IgnoreQueryFilters</c>, <c>Find</c>, <c>CompanyId</c>) pays a vectorized text search
/// per file and a <see cref="SyntaxNode.FindToken"/> per hit, instead of a callback for every invocation, assignment
/// or object creation of the compilation. Hits in comments, strings and disabled code are dropped because the token
/// found there is not an identifier starting at the hit; <c>@</c>-prefixed identifiers are found, identifiers written
/// with Unicode escapes (<c>\u0046ind</c>) are not.
/// </summary>
internal sealed class IdentifierScan
{
    private const int ChunkLength = 16 * 1024;

    // Two per thread: a scan of a member's text may run inside the callback of a scan of its file.
    [ThreadStatic]
    private static char[]? s_buffer;

    [ThreadStatic]
    private static char[]? s_nestedBuffer;

    private readonly string[] _names;

    /// <summary>The names no other name starts with: one text search finds every name that extends it.</summary>
    private readonly string[] _stems;

    /// <summary>
    /// Stems that come in both cases of their first letter (<c>CompanyId</c> and <c>companyId</c>): one text search of
    /// the rest (<c>ompanyId</c>) finds both, checked against the letter before it.
    /// </summary>
    private readonly (string Tail, string Upper, string Lower)[] _caseFoldedStems;

    private readonly int _longestStem;

    /// <summary>Only names read as a member (<c>x.Id</c>, <c>x?.Id</c>): for names too common to check every occurrence.</summary>
    private readonly bool _memberAccessOnly;

    public IdentifierScan(IEnumerable<string> names, bool memberAccessOnly = false)
    {
        _memberAccessOnly = memberAccessOnly;
        _names = names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var stems = Stems(_names);
        _longestStem = stems.Length == 0 ? 0 : stems.Max(s => s.Length);

        // A name and its camel-case twin (CompanyId, companyId) are searched as one tail: half the text searches.
        var unfolded = new HashSet<string>(stems, StringComparer.Ordinal);
        var folded = new List<(string Tail, string Upper, string Lower)>();
        foreach (var upper in stems)
        {
            if (upper.Length > 1 && char.IsUpper(upper[0]))
            {
                var lower = char.ToLowerInvariant(upper[0]) + upper.Substring(1);
                if (unfolded.Remove(lower))
                {
                    unfolded.Remove(upper);
                    folded.Add((upper.Substring(1), upper, lower));
                }
            }
        }

        _stems = stems.Where(unfolded.Contains).ToArray();
        _caseFoldedStems = folded.ToArray();
    }

    /// <summary>
    /// One name, without the set-up of many: for the scans of a member's text made on the hot path. An empty name (the
    /// parser's placeholder for a name not typed yet) finds nothing.
    /// </summary>
    public IdentifierScan(string name)
    {
        _names = _stems = name.Length == 0 ? [] : [name];
        _caseFoldedStems = [];
        _longestStem = name.Length;
    }

    public bool IsEmpty => _names.Length == 0;

    /// <summary>
    /// The names no other name is a prefix of. In ordinal order a name's prefixes come before it, and every name between
    /// a prefix and its extension extends the prefix too: one pass keeps the last stem and drops what starts with it
    /// (a list of thousands of configured names must not cost their number squared).
    /// </summary>
    private static string[] Stems(string[] names)
    {
        var sorted = (string[])names.Clone();
        Array.Sort(sorted, StringComparer.Ordinal);
        var stems = new List<string>();
        foreach (var name in sorted)
        {
            if (stems.Count == 0 || !name.StartsWith(stems[stems.Count - 1], StringComparison.Ordinal))
            {
                stems.Add(name);
            }
        }

        return stems.ToArray();
    }

    public bool Contains(string? name) => name is not null && Array.IndexOf(_names, name) >= 0;

    /// <summary>
    /// Calls <paramref name="onHit"/> with every identifier token in <paramref name="span"/> (the whole tree when null)
    /// named one of the names, in no particular order. No list is built: a file with hundreds of hits allocates nothing.
    /// </summary>
    public void Find<TState>(SyntaxTree tree, TextSpan? span, TState state, Action<SyntaxToken, TState> onHit, CancellationToken cancellationToken) =>
        Scan(tree, span, (State: state, OnHit: onHit), static (token, s) =>
        {
            s.OnHit(token, s.State);
            return false;
        }, cancellationToken);

    /// <summary>True when <paramref name="predicate"/> holds for a hit in <paramref name="span"/>; stops at the first.</summary>
    public bool Any<TState>(SyntaxTree tree, TextSpan span, TState state, Func<SyntaxToken, TState, bool> predicate, CancellationToken cancellationToken) =>
        Scan(tree, span, state, predicate, cancellationToken);

    /// <summary>Calls <paramref name="onHit"/> per hit until it returns true; returns whether it did.</summary>
    private bool Scan<TState>(SyntaxTree tree, TextSpan? span, TState state, Func<SyntaxToken, TState, bool> onHit, CancellationToken cancellationToken)
    {
        if (IsEmpty)
        {
            return false;
        }

        var text = tree.GetText(cancellationToken);
        var root = tree.GetRoot(cancellationToken);
        var start = span?.Start ?? 0;
        var end = Math.Min(span?.End ?? text.Length, text.Length);
        WorkMeter.Search((long)Math.Max(end - start, 0) * (_stems.Length + _caseFoldedStems.Length));

        var buffer = Rent(_longestStem);
        for (var chunkStart = start; chunkStart < end; chunkStart += ChunkLength)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The chunk overlaps the next by a stem's length, so a stem across the boundary is found in this chunk.
            var count = Math.Min(end - chunkStart, ChunkLength + _longestStem - 1);
            text.CopyTo(chunkStart, buffer, 0, count);
            foreach (var stem in _stems)
            {
                // The hits of one stem come in text order: each token is looked for from the one before (see IdentifierTokenAt).
                SyntaxNode near = root;

                // Every stem is non-empty, so every hit moves the offset forward: the loop ends within the chunk.
                for (var offset = 0; offset < count;)
                {
                    var index = new ReadOnlySpan<char>(buffer, offset, count - offset).IndexOf(stem.AsSpan());
                    if (index < 0 || offset + index >= ChunkLength)
                    {
                        break;
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    var position = chunkStart + offset + index;
                    offset += index + stem.Length;
                    if (IsNameAt(text, position, stem) && IdentifierTokenAt(ref near, text, position) is { } token && onHit(token, state))
                    {
                        Return(buffer);
                        return true;
                    }
                }
            }

            foreach (var (tail, upper, lower) in _caseFoldedStems)
            {
                SyntaxNode near = root;

                // Every tail is non-empty (its stem has two characters or more): the offset moves forward on every hit.
                for (var offset = 0; offset < count;)
                {
                    var index = new ReadOnlySpan<char>(buffer, offset, count - offset).IndexOf(tail.AsSpan());
                    if (index < 0 || offset + index >= ChunkLength)
                    {
                        break;
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    var position = chunkStart + offset + index - 1;
                    offset += index + tail.Length;
                    var stem = position < start ? null : text[position] == upper[0] ? upper : text[position] == lower[0] ? lower : null;
                    if (stem is not null && IsNameAt(text, position, stem) && IdentifierTokenAt(ref near, text, position) is { } token && onHit(token, state))
                    {
                        Return(buffer);
                        return true;
                    }
                }
            }
        }

        Return(buffer);
        return false;
    }

    /// <summary>Taken, not shared, while in use: a hit's callback may scan again on this thread.</summary>
    private static char[] Rent(int longestStem)
    {
        var length = ChunkLength + Math.Max(longestStem, 64);
        if (s_buffer is { } buffer && buffer.Length >= length)
        {
            s_buffer = null;
            return buffer;
        }

        if (s_nestedBuffer is { } nested && nested.Length >= length)
        {
            s_nestedBuffer = null;
            return nested;
        }

        return new char[length];
    }

    private static void Return(char[] buffer)
    {
        if (s_buffer is null)
        {
            s_buffer = buffer;
        }
        else
        {
            s_nestedBuffer = buffer;
        }
    }

    /// <summary>The hits of <see cref="Find{TState}"/> as a list (tests, and callers that need them all at once).</summary>
    public List<SyntaxToken> FindAll(SyntaxTree tree, TextSpan? span, CancellationToken cancellationToken)
    {
        var found = new List<SyntaxToken>();
        Find(tree, span, found, static (token, list) => list.Add(token), cancellationToken);
        return found;
    }

    /// <summary>A whole identifier (nothing identifier-like before or after) that is one of the names, starting with <paramref name="stem"/>.</summary>
    private bool IsNameAt(SourceText text, int position, string stem)
    {
        if (position > 0 && SyntaxFacts.IsIdentifierPartCharacter(text[position - 1]))
        {
            return false;
        }

        if (_memberAccessOnly && !FollowsDot(text, position))
        {
            return false;
        }

        var end = position + stem.Length;
        while (end < text.Length && SyntaxFacts.IsIdentifierPartCharacter(text[end]))
        {
            end++;
        }

        var length = end - position;
        foreach (var name in _names)
        {
            if (name.Length == length && name.StartsWith(stem, StringComparison.Ordinal) && EqualsAt(text, position, name, stem.Length))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FollowsDot(SourceText text, int position)
    {
        var before = position - 1;
        while (before >= 0 && char.IsWhiteSpace(text[before]))
        {
            before--;
        }

        return before >= 0 && text[before] == '.';
    }

    private static bool EqualsAt(SourceText text, int position, string name, int alreadyMatched)
    {
        for (var i = alreadyMatched; i < name.Length; i++)
        {
            if (text[position + i] != name[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The identifier token that starts at <paramref name="position"/> (or at the <c>@</c> before it), looked for from
    /// <paramref name="near"/>, the node of the previous hit: up to the first node that holds the position, then down.
    /// From the root every hit would cost the depth of the tree, which in a generated predicate of thousands of terms is
    /// thousands of nodes; from the previous hit, hits in text order cost about the distance between them.
    /// </summary>
    private static SyntaxToken? IdentifierTokenAt(ref SyntaxNode near, SourceText text, int position)
    {
        var node = near;
        while (!node.FullSpan.Contains(position) && node.Parent is { } parent)
        {
            node = parent;
        }

        var token = node.FindToken(position);
        near = token.Parent ?? node;
        var verbatim = position > 0 && text[position - 1] == '@';
        return token.IsKind(SyntaxKind.IdentifierToken) && token.SpanStart == (verbatim ? position - 1 : position) ? token : null;
    }
}
