using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TenantAnalyzers.Cli.CommandLine;

namespace TenantAnalyzers.Cli.Fixing;

internal static class BulkFixCommand
{
    public static Task<int> RunAsync(AuditOptions options, IReadOnlyList<string> rules, TextWriter output, ProgressLog log, CancellationToken cancellationToken) =>
        Task.FromResult(ExitCodes.Error);
}
