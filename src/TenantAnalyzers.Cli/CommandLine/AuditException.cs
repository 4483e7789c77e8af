using System;

namespace TenantAnalyzers.Cli.CommandLine;

/// <summary>A problem the user can fix (a missing path, a foreign baseline, an unknown rule): printed, exit code 2, nothing written.</summary>
internal sealed class AuditException : Exception
{
    public AuditException(string message)
        : base(message)
    {
    }
}
