using System;

namespace TenantAnalyzers.Baseline;

/// <summary>
/// A finding's identity that survives unrelated edits: the rule, the file (relative to the baseline's folder, '/'
/// separated), the containing member's documentation-comment id, a hash of the normalised code of the flagged
/// expression, and the occurrence index among findings that agree on all four. Never a line number (lines move with
/// every edit above), never a count per file or rule (a new leak could then replace a fixed one unseen).
/// </summary>
internal readonly struct FindingKey : IEquatable<FindingKey>
{
    public FindingKey(string rule, string file, string member, string codeHash, int occurrence)
    {
        Rule = rule;
        File = file;
        Member = member;
        CodeHash = codeHash;
        Occurrence = occurrence;
    }

    public string Rule { get; }

    public string File { get; }

    public string Member { get; }

    public string CodeHash { get; }

    public int Occurrence { get; }

    /// <summary>Everything but the occurrence index: findings with the same site are numbered in source order.</summary>
    public string Site => Rule + "|" + File + "|" + Member + "|" + CodeHash;

    public FindingKey WithOccurrence(int occurrence) => new(Rule, File, Member, CodeHash, occurrence);

    public bool Equals(FindingKey other) =>
        Occurrence == other.Occurrence
        && string.Equals(Rule, other.Rule, StringComparison.Ordinal)
        && string.Equals(File, other.File, StringComparison.Ordinal)
        && string.Equals(Member, other.Member, StringComparison.Ordinal)
        && string.Equals(CodeHash, other.CodeHash, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is FindingKey other && Equals(other);

    public override int GetHashCode() => (StringComparer.Ordinal.GetHashCode(Site) * 397) ^ Occurrence;

    /// <summary>The key as one string, as SARIF's partial fingerprint carries it.</summary>
    public override string ToString() => Site + "|" + Occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
