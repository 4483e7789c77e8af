using System.Diagnostics;
using TenantAnalyzers.EditorTests.Consumer;
using TenantAnalyzers.EditorTests.Infrastructure;
using TenantAnalyzers.EditorTests.Lsp;
using Xunit.Abstractions;

namespace TenantAnalyzers.EditorTests;

/// <summary>
/// The package in an editor: csharp-ls, a real language server, loads a consumer project that references the packed
/// package and reports our diagnostics where <c>dotnet build</c> reports them; an unsaved edit that removes one
/// violation removes its diagnostic and leaves the others. Code fixes are not tested here: csharp-ls loads fixes
/// only from Roslyn's own assemblies (the fix tests cover ours).
/// </summary>
public sealed class LanguageServerDiagnosticsTests(ITestOutputHelper output, RunLog log) : IClassFixture<RunLog>
{
    // Hang checks, not speed targets: on a busy 2-core machine loading the project takes 10-20 s.
    private static readonly TimeSpan RequestBound = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan DiagnosticsBound = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task Csharp_ls_reports_the_findings_of_the_build_and_drops_the_one_an_unsaved_edit_removes()
    {
        var timings = new StepTimings(output, log);
        string work = Path.Combine(Path.GetTempPath(), $"tenantanalyzers-editor-test-{Guid.NewGuid():N}");
        bool passed = false;
        try
        {
            string server = await timings.MeasureAsync($"install csharp-ls {CsharpLsTool.Version}", CsharpLsTool.InstallAsync);
            string feed = Path.Combine(work, "feed");
            string version = await timings.MeasureAsync("pack the package", () => PackageFeed.PackAsync(feed));
            var consumer = new ConsumerProject(Path.Combine(work, "Shop"), Path.Combine(work, "packages"));
            consumer.Write(feed, version);
            await timings.MeasureAsync("restore the consumer", consumer.RestoreAsync);
            IReadOnlySet<Finding> built = await timings.MeasureAsync("build the consumer", () => consumer.BuildAsync(consumer.ServicePath));
            timings.Note($"dotnet build reports: {Finding.Describe(built)}");

            // Without the build's findings the comparison below would prove nothing.
            Assert.Equal(["TI0001", "TI0001", "TI0003"], built.Select(finding => finding.Id).Order());
            (int editLine, int editStart) = LocateEdit();
            Finding removed = Assert.Single(built, finding => finding.Line == editLine);
            Assert.Equal("TI0001", removed.Id);

            var (session, serverInfo) = await EditorSession.StartAsync(server, consumer.Directory, consumer.Environment, RequestBound);
            await using (session)
            {
                timings.Note($"language server: {serverInfo}");
                await session.OpenAsync(consumer.ServicePath, ShopSources.Service);
                await WaitForFindingsAsync(session, consumer.ServicePath, built, "after opening the file");
                timings.Record("server start to workspace loaded", session.WorkspaceLoaded);
                timings.Record("server start to the build's findings", session.SinceStart);

                var edit = Stopwatch.StartNew();
                await session.ChangeAsync(consumer.ServicePath, 2, editLine, editStart, editStart + ShopSources.EditedText.Length, "");
                await WaitForFindingsAsync(session, consumer.ServicePath, built.Where(finding => finding != removed).ToHashSet(), $"after deleting {ShopSources.EditedText} in {ShopSources.EditedMember}");
                timings.Record("unsaved edit to updated findings", edit.Elapsed);
                Assert.Equal(ShopSources.Service, File.ReadAllText(consumer.ServicePath)); // the edit lives in the editor only

                timings.Note($"pushed publishDiagnostics: {session.PushedDiagnostics} (diagnostics are pulled)");
                Assert.Equal(0, await session.ShutdownAsync(RequestBound));
            }

            passed = true;
        }
        finally
        {
            if (passed)
            {
                Directory.Delete(work, recursive: true);
            }
            else if (Directory.Exists(work))
            {
                timings.Note($"kept for inspection: {work}");
            }
        }
    }

    /// <summary>Where the edit deletes the bypass in <see cref="ShopSources.EditedMember"/>: its line and column.</summary>
    private static (int Line, int Character) LocateEdit()
    {
        string[] lines = ShopSources.Service.Split('\n');
        int line = Array.FindIndex(lines, text => text.Contains($" {ShopSources.EditedMember}(", StringComparison.Ordinal));
        int character = line < 0 ? -1 : lines[line].IndexOf(ShopSources.EditedText, StringComparison.Ordinal);
        Assert.True(character >= 0, $"{ShopSources.EditedText} not found in {ShopSources.EditedMember}");
        return (line, character);
    }

    /// <summary>
    /// Pulls the document's diagnostics until its TI diagnostics are exactly <paramref name="expected"/> and it has no
    /// errors (which would mean the server did not load the project as the build did): the server may answer before
    /// it has loaded the project or applied the edit, and a loaded machine decides how long that takes.
    /// </summary>
    private static async Task WaitForFindingsAsync(EditorSession session, string path, IReadOnlySet<Finding> expected, string when)
    {
        var waited = Stopwatch.StartNew();
        DocumentDiagnostics? seen = null;
        while (true)
        {
            seen = await session.PullDiagnosticsAsync(path, RequestBound) ?? seen;
            if (seen is not null && seen.Tenant.SetEquals(expected) && seen.Errors.Count == 0)
            {
                return;
            }

            if (waited.Elapsed > DiagnosticsBound)
            {
                Assert.Fail($"""
                    {when}, the language server reported {seen?.ToString() ?? "nothing (every request cancelled)"}
                    instead of {Finding.Describe(expected)} and no errors (waited {waited.Elapsed.TotalSeconds:0} s).
                    server log:
                    {session.ServerLog}
                    """);
            }

            await Task.Delay(PollInterval);
        }
    }
}
