namespace TenantAnalyzers.Benchmarks.Corpus;

/// <summary>What a generated method is, for the corpus statistics the benchmark checks the analyzers against.</summary>
public enum MethodKind
{
    /// <summary>Tenant-safe code: filtered queries, keys from the context, re-scoped bypasses.</summary>
    Clean,

    /// <summary>One of the audited holes (TI0001..TI0005).</summary>
    Violation,

    /// <summary>A deliberate bypass under <c>[CrossTenant("...")]</c>.</summary>
    JustifiedBypass,
}

/// <summary>
/// One method shape of the generated services and controllers. <paramref name="IgnoreQueryFiltersCalls"/> counts the
/// calls it contains, which the banned-API analyzer and the one-line baseline must all find.
/// </summary>
public sealed record MethodTemplate(string Id, MethodKind Kind, int IgnoreQueryFiltersCalls, Func<EntitySpec, int, string> Render);
