using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TenantAnalyzers.Cli.Loading;

namespace TenantAnalyzers.Cli.Fixing;

/// <summary>Asks git which of the files a fix would write have uncommitted changes (modified, staged or untracked).</summary>
internal static class GitWorkingTree
{
    /// <summary>The files with uncommitted changes; null when the files are not in a git work tree (nothing to ask).</summary>
    public static async Task<IReadOnlyList<string>?> UncommittedAsync(string directory, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var (insideCode, inside, _) = await RunGitAsync(directory, cancellationToken, "rev-parse", "--is-inside-work-tree").ConfigureAwait(false);
        if (insideCode != 0 || inside.Trim() != "true")
        {
            return null;
        }

        var arguments = new List<string> { "status", "--porcelain=v1", "--untracked-files=all", "--" };
        arguments.AddRange(files);
        var (code, output, _) = await RunGitAsync(directory, cancellationToken, arguments.ToArray()).ConfigureAwait(false);
        if (code != 0)
        {
            return null;
        }

        return output.Split('\n').Where(l => l.Length > 3).Select(l => l[3..].Trim()).ToList();
    }

    private static async Task<(int, string, string)> RunGitAsync(string directory, CancellationToken cancellationToken, params string[] arguments)
    {
        try
        {
            return await ProcessRunner.RunAsync("git", directory, cancellationToken, arguments).ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, "", "");
        }
    }
}
