using System.IO;

namespace TenantAnalyzers.Cli.CommandLine;

/// <summary>Progress and warnings on standard error (reports and diffs go to standard output or --output); --quiet keeps progress quiet, never warnings.</summary>
internal sealed class ProgressLog
{
    private readonly TextWriter _error;
    private readonly bool _quiet;

    public ProgressLog(TextWriter error, bool quiet)
    {
        _error = error;
        _quiet = quiet;
    }

    public void Progress(string message)
    {
        if (!_quiet)
        {
            _error.WriteLine(message);
        }
    }

    public void Warning(string message) => _error.WriteLine("warning: " + message);
}
