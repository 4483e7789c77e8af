namespace TenantAnalyzers.EditorTests.Infrastructure;

/// <summary>The package as users get it: <c>dotnet pack src/TenantAnalyzers.Package -c Release</c> into a folder feed.</summary>
internal static class PackageFeed
{
    /// <summary>Packs into <paramref name="feedDirectory"/> (a fresh folder) and returns the package's version.</summary>
    public static async Task<string> PackAsync(string feedDirectory)
    {
        // The build goes to a private artifacts path, so that a build of the same projects running at the same time
        // (another test project, a developer's pack) never shares bin/ and obj/ with this one; kept between runs
        // so that it is incremental.
        string buildPath = Path.Combine(RepositoryPaths.EditorTestArtifacts, "pack-build");
        await ChildProcess.RunDotnetAsync(
            RepositoryPaths.Root,
            ["pack", RepositoryPaths.PackageProject, "-c", "Release", "-o", feedDirectory, "--artifacts-path", buildPath, "-nodeReuse:false", "-p:UseSharedCompilation=false"],
            TimeSpan.FromMinutes(10));

        string[] packages = Directory.GetFiles(feedDirectory, "TenantAnalyzers.*.nupkg");
        if (packages.Length != 1)
        {
            throw new InvalidOperationException($"expected one TenantAnalyzers package in {feedDirectory}, found {packages.Length}");
        }

        string fileName = Path.GetFileNameWithoutExtension(packages[0]);
        return fileName["TenantAnalyzers.".Length..];
    }
}
