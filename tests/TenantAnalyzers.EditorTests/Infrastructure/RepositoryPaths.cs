namespace TenantAnalyzers.EditorTests.Infrastructure;

/// <summary>Where the repository is, and the folder this test keeps between runs.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// <c>artifacts/editor-test</c>: ignored by git (artifacts/), kept between runs so that the language server is
    /// installed once and the pack's build is incremental.
    /// </summary>
    public static string EditorTestArtifacts => Path.Combine(Root, "artifacts", "editor-test");

    public static string PackageProject => Path.Combine(Root, "src", "TenantAnalyzers.Package");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TenantAnalyzers.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no TenantAnalyzers.sln above {AppContext.BaseDirectory}");
    }
}
