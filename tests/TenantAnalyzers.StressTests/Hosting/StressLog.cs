using Xunit.Abstractions;
using Xunit.Sdk;

namespace TenantAnalyzers.StressTests.Hosting;

/// <summary>
/// Where a run's figures go: the test log as an xunit diagnostic message (<c>dotnet test</c> prints those, see
/// xunit.runner.json), and <c>stress-summary.txt</c> next to the test assembly.
/// </summary>
public sealed class StressLog
{
    private readonly IMessageSink _sink;

    public StressLog(IMessageSink sink)
    {
        _sink = sink;
    }

    public string Write(string part, string figures)
    {
        var line = $"[stress] {part}: {figures}";
        lock (this)
        {
            File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "stress-summary.txt"), $"{DateTime.UtcNow:u} {line}\n");
        }

        _sink.OnMessage(new DiagnosticMessage(line));
        return line;
    }
}

/// <summary>All stress tests share the log and run one after the other (their timings must not overlap).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StressCollection : ICollectionFixture<StressLog>
{
    public const string Name = "stress";
}
