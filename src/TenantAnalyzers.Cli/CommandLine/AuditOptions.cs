using System.Collections.Generic;

namespace TenantAnalyzers.Cli.CommandLine;

internal enum AuditCommand
{
    Scan,
    Baseline,
    Fix,
}

internal enum ReportFormat
{
    Text,
    Json,
    Sarif,
    Markdown,
    Html,
}

/// <summary>A parsed command line.</summary>
internal sealed class AuditOptions
{
    public AuditCommand Command { get; set; }

    public string Path { get; set; } = "";

    public ReportFormat Format { get; set; } = ReportFormat.Text;

    /// <summary>Where the report (scan) or the baseline (baseline) goes; null: standard output, or the default baseline file.</summary>
    public string? Output { get; set; }

    /// <summary><c>scan --baseline FILE</c>.</summary>
    public string? Baseline { get; set; }

    /// <summary><c>baseline --update</c>: drop fixed entries, never add.</summary>
    public bool Update { get; set; }

    public List<string> Rules { get; } = new();

    public bool DryRun { get; set; }

    public bool Force { get; set; }

    public bool Quiet { get; set; }

    public bool NoRestore { get; set; }

    public int Top { get; set; } = 10;
}
