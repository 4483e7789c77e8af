namespace TenantAnalyzers.Cli.Tests.Infrastructure;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string LegacySample => Path.Combine(Root, "samples", "BookingApp.Legacy");

    /// <summary>The legacy sample's expected findings (rule, file, member), as the sample's own test reads them.</summary>
    public static IReadOnlyList<(string Rule, string File, string Member)> ExpectedFindings() =>
        File.ReadAllLines(Path.Combine(LegacySample, "expected-findings.txt"))
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(parts => (parts[0], parts[1], parts[2]))
            .ToList();

    private static string FindRoot()
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
