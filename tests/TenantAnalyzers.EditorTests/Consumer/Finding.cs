namespace TenantAnalyzers.EditorTests.Consumer;

/// <summary>
/// A TI diagnostic where it starts, zero-based as LSP counts (line, UTF-16 character); shown one-based as the build
/// prints it. The consumer's sources are ASCII, so a build column is a character offset plus one.
/// </summary>
internal readonly record struct Finding(string Id, int Line, int Character)
{
    public override string ToString() => $"{Id} at ({Line + 1},{Character + 1})";

    public static string Describe(IEnumerable<Finding> findings) =>
        string.Join(", ", findings.Order(Comparer)) is { Length: > 0 } text ? text : "none";

    public static IComparer<Finding> Comparer { get; } =
        Comparer<Finding>.Create((a, b) => (a.Line, a.Character, a.Id).CompareTo((b.Line, b.Character, b.Id)));
}
