using System.Text.Json.Nodes;

namespace TenantAnalyzers.Cli.Tests.Infrastructure;

/// <summary>One copy of the legacy sample, scanned once per report format; the report tests read these outputs.</summary>
public sealed class LegacyScanFixture : IAsyncLifetime
{
    private SampleCopy? _copy;

    public SampleCopy Copy => _copy!;

    public string ReportFolder { get; } = Path.Combine(AppContext.BaseDirectory, "reports");

    public AuditRun JsonRun { get; private set; } = null!;

    public AuditRun SarifRun { get; private set; } = null!;

    public AuditRun HtmlRun { get; private set; } = null!;

    public AuditRun MarkdownRun { get; private set; } = null!;

    public JsonNode Json => JsonNode.Parse(File.ReadAllText(ReportPath("json")))!;

    public JsonNode Sarif => JsonNode.Parse(File.ReadAllText(ReportPath("sarif")))!;

    public string ReportPath(string format) => Path.Combine(ReportFolder, "legacy." + format);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ReportFolder);
        _copy = await SampleCopy.CreateAsync();
        JsonRun = await ScanAsync("json");
        SarifRun = await ScanAsync("sarif");
        HtmlRun = await ScanAsync("html");
        MarkdownRun = await ScanAsync("markdown");
    }

    public Task DisposeAsync()
    {
        _copy?.Dispose();
        return Task.CompletedTask;
    }

    private async Task<AuditRun> ScanAsync(string format)
    {
        var run = await TenantAudit.RunAsync("scan", Copy.Legacy, "--no-restore", "--format", format, "--output", ReportPath(format));
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }
}

/// <summary>The report tests share one scan of the legacy sample.</summary>
[CollectionDefinition(Name)]
public sealed class LegacyScanCollection : ICollectionFixture<LegacyScanFixture>
{
    public const string Name = "legacy scan";
}
