using System.Collections.Immutable;

namespace TenantAnalyzers.Benchmarks.Measurement;

/// <summary>
/// One analyzer set over one whole compilation. <see cref="ExecutionMs"/> is the analyzers' own time as the
/// compiler's telemetry counts it (the time inside their callbacks); <see cref="WallMs"/> includes the binding the
/// driver did for them. <see cref="Collections"/> counts the garbage collections during the pass (see
/// <see cref="CollectionHoldOff"/>).
/// </summary>
public sealed record AnalyzerRun(
    string Set,
    double ExecutionMs,
    double WallMs,
    ImmutableDictionary<string, double> ExecutionMsByAnalyzer,
    ImmutableDictionary<string, int> DiagnosticsById,
    int AnalyzerExceptions,
    int Collections);
