using System.Text.RegularExpressions;
using TenantAnalyzers.Cli.Tests.Infrastructure;

namespace TenantAnalyzers.Cli.Tests;

/// <summary>
/// The HTML report in a real headless browser (Debian's chromium; .ci/run installs it): the page renders, its chart
/// has one bar per rule with findings, and a screenshot is taken (next to the test assembly, reports/legacy.png).
/// </summary>
[Collection(LegacyScanCollection.Name)]
public sealed class HtmlReportTests
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly LegacyScanFixture _scan;

    public HtmlReportTests(LegacyScanFixture scan)
    {
        _scan = scan;
    }

    [Fact]
    public async Task Page_renders_in_headless_chromium_with_one_bar_per_rule()
    {
        Assert.True(File.Exists(Chromium), "Debian's chromium is needed (apt-get install -y chromium; .ci/run installs it)");
        var page = _scan.ReportPath("html");

        var (exitCode, dom) = await BrowseAsync("--dump-dom", new Uri(page).AbsoluteUri);

        Assert.True(exitCode == 0, dom);
        var chart = Regex.Match(dom, "<svg id=\"rule-chart\".*?</svg>", RegexOptions.Singleline);
        Assert.True(chart.Success, "no rule chart in the rendered page");
        var bars = Regex.Matches(chart.Value, "<g class=\"bar\" data-rule=\"(TI\\d{4})\" data-count=\"(\\d+)\"").Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value))).ToList();
        var expected = Repository.ExpectedFindings().GroupBy(f => f.Rule).Select(g => (g.Key, g.Count())).Order().ToList();
        Assert.Equal(expected, bars.Order().ToList());
        Assert.Contains($"data-total=\"total\">Findings<b>{Repository.ExpectedFindings().Count}</b>", dom);
        Assert.Equal(Repository.ExpectedFindings().Count, Regex.Matches(dom, "<tr class=\"finding\">").Count);
    }

    [Fact]
    public async Task Screenshot_is_taken()
    {
        Assert.True(File.Exists(Chromium), "Debian's chromium is needed (apt-get install -y chromium; .ci/run installs it)");
        var screenshot = Path.Combine(_scan.ReportFolder, "legacy.png");
        File.Delete(screenshot);

        var (exitCode, output) = await BrowseAsync($"--screenshot={screenshot}", "--window-size=1280,1600", new Uri(_scan.ReportPath("html")).AbsoluteUri);

        Assert.True(exitCode == 0, output);
        var bytes = File.ReadAllBytes(screenshot);
        Assert.True(bytes.Length > 10_000, $"screenshot of {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    [Fact]
    public void Page_is_self_contained()
    {
        var html = File.ReadAllText(_scan.ReportPath("html"));

        Assert.DoesNotMatch("<(script|link|img|iframe)[\\s>]", html);
        Assert.DoesNotMatch("src=|url\\(|@import", html);
    }

    private static async Task<(int, string)> BrowseAsync(params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("tenant-audit-chromium");
        try
        {
            string[] flags =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile.FullName,
            ];
            return await Processes.RunAsync(Chromium, profile.FullName, TimeSpan.FromMinutes(3), [.. flags, .. arguments]);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
