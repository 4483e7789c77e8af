using System;
using System.Collections.Generic;
using System.Globalization;

namespace TenantAnalyzers.Cli.CommandLine;

/// <summary>The few commands and options of tenant-audit, parsed by hand so that every mistake is exit code 2 with a clear message.</summary>
internal static class ArgumentParser
{
    public const string Usage = """
        tenant-audit: count, baseline, report and fix tenant isolation findings (TenantAnalyzers) in a whole solution.

        Usage:
          tenant-audit scan <path> [--format text|json|sarif|markdown|html] [--output FILE] [--baseline FILE] [--rule ID]... [--top N]
          tenant-audit baseline <path> [-o FILE] [--update]
          tenant-audit fix <path> [--rule ID]... [--dry-run] [--force]

        <path> is a .sln/.slnx, a .csproj, or a folder holding one.

        Options:
          --format, -f     report format of scan (default text)
          --output, -o     write the report (scan) or the baseline (baseline; default <solution folder>/tenant-baseline.json) to FILE
          --baseline, -b   compare with a baseline: Initial / Fixed / Remaining / New, exit code 1 when anything is new
          --update         baseline: remove the entries that no longer match a finding; never adds one
          --rule, -r       only these rules (repeatable, or comma-separated)
          --dry-run        fix: print the unified diff, write nothing
          --force          fix: also when the files it would change have uncommitted changes
          --top N          how many files the summary lists (default 10)
          --no-restore     do not run 'dotnet restore' before loading
          --quiet, -q      no progress on standard error

        Exit codes: 0 done; 1 scan --baseline found new findings; 2 error (nothing written).
        """;

    public static AuditOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new AuditException("no command given.\n\n" + Usage);
        }

        var options = new AuditOptions
        {
            Command = args[0] switch
            {
                "scan" => AuditCommand.Scan,
                "baseline" => AuditCommand.Baseline,
                "fix" => AuditCommand.Fix,
                _ => throw new AuditException($"unknown command '{args[0]}' (expected scan, baseline or fix).\n\n" + Usage),
            },
        };

        string? path = null;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--format" or "-f":
                    options.Format = ParseFormat(Value(args, ref i, arg));
                    break;
                case "--output" or "-o":
                    options.Output = Value(args, ref i, arg);
                    break;
                case "--baseline" or "-b":
                    options.Baseline = Value(args, ref i, arg);
                    break;
                case "--rule" or "-r":
                    foreach (var rule in Value(args, ref i, arg).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        options.Rules.Add(rule.ToUpperInvariant());
                    }

                    break;
                case "--top":
                    options.Top = int.TryParse(Value(args, ref i, arg), NumberStyles.None, CultureInfo.InvariantCulture, out var top) && top > 0
                        ? top
                        : throw new AuditException("--top needs a positive number.");
                    break;
                case "--update":
                    options.Update = true;
                    break;
                case "--dry-run":
                    options.DryRun = true;
                    break;
                case "--force":
                    options.Force = true;
                    break;
                case "--quiet" or "-q":
                    options.Quiet = true;
                    break;
                case "--no-restore":
                    options.NoRestore = true;
                    break;
                case "--help" or "-h":
                    throw new AuditException(Usage);
                default:
                    if (arg.StartsWith('-'))
                    {
                        throw new AuditException($"unknown option '{arg}'.\n\n" + Usage);
                    }

                    path = path is null ? arg : throw new AuditException($"one path only ('{path}', then '{arg}').");
                    break;
            }
        }

        options.Path = path ?? throw new AuditException($"{args[0]} needs a path: a .sln/.slnx, a .csproj, or a folder holding one.");
        CheckApplies(options);
        return options;
    }

    private static void CheckApplies(AuditOptions options)
    {
        if (options.Command != AuditCommand.Scan && (options.Baseline is not null || options.Format != ReportFormat.Text))
        {
            throw new AuditException("--baseline and --format apply to scan only.");
        }

        if (options.Command != AuditCommand.Baseline && options.Update)
        {
            throw new AuditException("--update applies to baseline only.");
        }

        if (options.Command != AuditCommand.Fix && (options.DryRun || options.Force))
        {
            throw new AuditException("--dry-run and --force apply to fix only.");
        }

        if (options.Command == AuditCommand.Fix && options.Output is not null)
        {
            throw new AuditException("fix writes the files it fixes; --output does not apply.");
        }
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string option) =>
        ++i < args.Count ? args[i] : throw new AuditException($"{option} needs a value.");

    private static ReportFormat ParseFormat(string value) => value.ToLowerInvariant() switch
    {
        "text" => ReportFormat.Text,
        "json" => ReportFormat.Json,
        "sarif" => ReportFormat.Sarif,
        "markdown" or "md" => ReportFormat.Markdown,
        "html" => ReportFormat.Html,
        _ => throw new AuditException($"unknown format '{value}' (text, json, sarif, markdown, html)."),
    };
}
