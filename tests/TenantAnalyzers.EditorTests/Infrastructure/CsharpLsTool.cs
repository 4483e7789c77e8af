namespace TenantAnalyzers.EditorTests.Infrastructure;

/// <summary>
/// The language server the test drives: csharp-ls, a dotnet tool, installed into a private tool path under
/// artifacts/editor-test (never globally) and reused by later runs.
/// </summary>
internal static class CsharpLsTool
{
    public const string Version = "0.28.0";

    /// <summary>Installs the tool unless this version is already there; returns the path of its executable.</summary>
    public static async Task<string> InstallAsync()
    {
        string toolPath = Path.Combine(RepositoryPaths.EditorTestArtifacts, $"csharp-ls-{Version}");
        string executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");
        if (File.Exists(executable))
        {
            return executable;
        }

        // An install that was interrupted leaves a tool path without the executable: start over.
        if (Directory.Exists(toolPath))
        {
            Directory.Delete(toolPath, recursive: true);
        }

        Directory.CreateDirectory(RepositoryPaths.EditorTestArtifacts);
        await ChildProcess.RunDotnetAsync(
            RepositoryPaths.EditorTestArtifacts,
            ["tool", "install", "csharp-ls", "--version", Version, "--tool-path", toolPath],
            TimeSpan.FromMinutes(5));
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"dotnet tool install reported success but {executable} is missing");
        }

        return executable;
    }
}
