using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests;

/// <summary>Every shipped rule is documented where its help link points.</summary>
public sealed class DocumentationTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    public static TheoryData<string> RuleIds()
    {
        var ids = new TheoryData<string>();
        foreach (var id in AnalyzerRunner.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order())
        {
            ids.Add(id);
        }

        return ids;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_link_points_at_a_section_of_rules_md(string id)
    {
        var descriptor = AnalyzerRunner.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);
        var anchor = descriptor.HelpLinkUri[(descriptor.HelpLinkUri.IndexOf('#') + 1)..];
        var headings = File.ReadAllLines(Path.Combine(RepositoryRoot, "rules.md"))
            .Where(line => line.StartsWith("## ", StringComparison.Ordinal))
            .Select(line => GitHubAnchor(line[3..]))
            .ToList();

        Assert.Contains(anchor, headings);
        Assert.StartsWith(id.ToLowerInvariant() + "-", anchor, StringComparison.Ordinal);
        // Findings are warnings; TI0200 lists justified code for reports and is off unless a report turns it on.
        Assert.Equal(id == "TI0200" ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.Equal(id != "TI0200", descriptor.IsEnabledByDefault);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_release_tracked(string id)
    {
        var unshipped = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "TenantAnalyzers", "AnalyzerReleases.Unshipped.md"));
        var shipped = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "TenantAnalyzers", "AnalyzerReleases.Shipped.md"));

        Assert.True(unshipped.Contains(id + " |", StringComparison.Ordinal) || shipped.Contains(id + " |", StringComparison.Ordinal));
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static string GitHubAnchor(string heading) =>
        Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^a-z0-9 _-]", "").Replace(' ', '-');

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TenantAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TenantAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
