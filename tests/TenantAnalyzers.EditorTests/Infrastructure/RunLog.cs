using Xunit.Abstractions;
using Xunit.Sdk;

namespace TenantAnalyzers.EditorTests.Infrastructure;

/// <summary>
/// Lines that `dotnet test` prints while it runs, passing or not (xunit diagnostic messages, enabled in
/// xunit.runner.json): the editor test's timings belong in the CI log, not only in a failed test's output.
/// </summary>
public sealed class RunLog(IMessageSink sink)
{
    public void WriteLine(string text) => sink.OnMessage(new DiagnosticMessage(text));
}
