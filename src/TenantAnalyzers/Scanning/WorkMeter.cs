using System.Threading;

namespace TenantAnalyzers.Scanning;

/// <summary>
/// How much the rules have read, process-wide: characters searched by <see cref="IdentifierScan"/>, and syntax nodes or
/// operations visited by the per-member indexes the rules share (declared locals, local uses) and by the lookups in
/// them. The scaling tests compare both for a file and the same file with four times the candidates: a rule's work must
/// grow with the file, never with the file times its candidates. One interlocked add per search, index or lookup.
/// </summary>
internal static class WorkMeter
{
    private static long s_searched;
    private static long s_visited;

    public static long Searched => Interlocked.Read(ref s_searched);

    public static long Visited => Interlocked.Read(ref s_visited);

    public static void Search(long characters) => Interlocked.Add(ref s_searched, characters);

    public static void Visit(long nodes) => Interlocked.Add(ref s_visited, nodes);
}
