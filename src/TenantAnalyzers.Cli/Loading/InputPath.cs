using System;
using System.IO;
using System.Linq;
using TenantAnalyzers.Cli.CommandLine;

namespace TenantAnalyzers.Cli.Loading;

/// <summary>What the user pointed at: a solution (.sln/.slnx) or a C# project, found in a folder when a folder is given.</summary>
internal sealed class InputPath
{
    private InputPath(string file, bool isSolution)
    {
        File = file;
        IsSolution = isSolution;
    }

    /// <summary>The full path of the solution or project file.</summary>
    public string File { get; }

    public bool IsSolution { get; }

    public string Directory => System.IO.Path.GetDirectoryName(File)!;

    public static InputPath Resolve(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (System.IO.File.Exists(full))
        {
            return System.IO.Path.GetExtension(full).ToLowerInvariant() switch
            {
                ".sln" or ".slnx" => new InputPath(full, isSolution: true),
                ".csproj" => new InputPath(full, isSolution: false),
                _ => throw new AuditException($"'{path}' is not a solution (.sln, .slnx) or a C# project (.csproj)."),
            };
        }

        if (!System.IO.Directory.Exists(full))
        {
            throw new AuditException($"path not found: '{path}'.");
        }

        var solutions = System.IO.Directory.GetFiles(full, "*.sln").Concat(System.IO.Directory.GetFiles(full, "*.slnx")).Order(StringComparer.Ordinal).ToArray();
        if (solutions.Length == 1)
        {
            return new InputPath(solutions[0], isSolution: true);
        }

        if (solutions.Length > 1)
        {
            throw new AuditException($"'{path}' holds {solutions.Length} solutions ({string.Join(", ", solutions.Select(System.IO.Path.GetFileName))}): name one.");
        }

        var projects = System.IO.Directory.GetFiles(full, "*.csproj").Order(StringComparer.Ordinal).ToArray();
        return projects.Length switch
        {
            1 => new InputPath(projects[0], isSolution: false),
            0 => throw new AuditException($"'{path}' holds no solution (.sln, .slnx) and no C# project (.csproj)."),
            _ => throw new AuditException($"'{path}' holds {projects.Length} projects ({string.Join(", ", projects.Select(System.IO.Path.GetFileName))}): name one."),
        };
    }

    /// <summary>The folder whose relative paths reports use: the git work tree around the input, else the input's folder.</summary>
    public string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.Directory.Exists(System.IO.Path.Combine(directory.FullName, ".git")) || System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, ".git")))
            {
                return directory.FullName;
            }
        }

        return Directory;
    }
}
