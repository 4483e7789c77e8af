using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TenantAnalyzers.Baseline;
using TenantAnalyzers.Cli.Analysis;
using TenantAnalyzers.Cli.Baselines;
using TenantAnalyzers.Cli.Fixing;
using TenantAnalyzers.Cli.Loading;
using TenantAnalyzers.Cli.Reports;

namespace TenantAnalyzers.Cli.CommandLine;

/// <summary>tenant-audit's commands. Everything the user must fix is checked before a solution is loaded, and nothing is written on an error.</summary>
internal static class AuditCommandLine
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var options = ArgumentParser.Parse(args);
            var log = new ProgressLog(error, options.Quiet);
            var rules = SelectedRules(options);
            return options.Command switch
            {
                AuditCommand.Scan => await ScanAsync(options, rules, output, log, cancellationToken).ConfigureAwait(false),
                AuditCommand.Baseline => await BaselineAsync(options, rules, output, log, cancellationToken).ConfigureAwait(false),
                _ => await BulkFixCommand.RunAsync(options, rules, output, log, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (AuditException e)
        {
            error.WriteLine("tenant-audit: error: " + e.Message);
            return ExitCodes.Error;
        }
    }

    private static async Task<int> ScanAsync(AuditOptions options, IReadOnlyList<string> rules, TextWriter output, ProgressLog log, CancellationToken cancellationToken)
    {
        var input = InputPath.Resolve(options.Path);
        var baselinePath = options.Baseline is null ? null : Path.GetFullPath(options.Baseline);
        var baseline = baselinePath is null ? null : BaselineStore.Read(baselinePath);
        var outputPath = options.Output is null ? null : CheckWritable(options.Output);
        var root = baselinePath is null ? input.FindRepositoryRoot() : Path.GetDirectoryName(baselinePath)!;

        using var loaded = await LoadAsync(input, options, log, cancellationToken).ConfigureAwait(false);
        var analysis = await SolutionAnalyzer.AnalyzeAsync(loaded.Solution, loaded.Targets, root, TenantRules.Shipped, log, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<Finding> findings = analysis.Findings.Where(f => rules.Contains(f.RuleId)).ToList();
        BaselineComparison? comparison = null;
        if (baseline is not null)
        {
            (comparison, findings) = BaselineComparison.Compare(Path.GetRelativePath(root, baselinePath!), baseline, findings, rules);
        }

        var report = new AuditReport(
            FindingKeys.RelativePath(input.File, root), root, analysis, loaded.Failures, rules, TenantRules.Shipped.Descriptors, findings, comparison, options.Top);
        var text = options.Format switch
        {
            ReportFormat.Json => JsonReport.Write(report),
            ReportFormat.Sarif => SarifReport.Write(report),
            ReportFormat.Markdown => MarkdownReport.Write(report),
            ReportFormat.Html => HtmlReport.Write(report),
            _ => null,
        };
        if (text is null)
        {
            using var writer = new StringWriter();
            TextReport.Write(report, writer);
            text = writer.ToString();
        }

        if (outputPath is null)
        {
            output.Write(text);
        }
        else
        {
            File.WriteAllText(outputPath, text);
            log.Progress($"Wrote the {options.Format.ToString().ToLowerInvariant()} report to {outputPath}.");
        }

        if (comparison is not null)
        {
            log.Progress($"Baseline: Initial {comparison.Initial}, Fixed {comparison.Fixed}, Remaining {comparison.Remaining}, New {comparison.New}, Reduction {comparison.ReductionPercent:0.0}%.");
        }

        return comparison is { New: > 0 } ? ExitCodes.NewFindings : ExitCodes.Success;
    }

    private static async Task<int> BaselineAsync(AuditOptions options, IReadOnlyList<string> rules, TextWriter output, ProgressLog log, CancellationToken cancellationToken)
    {
        var input = InputPath.Resolve(options.Path);
        var path = CheckWritable(options.Output ?? Path.Combine(input.Directory, BaselineFile.DefaultFileName));
        var existing = options.Update ? BaselineStore.Read(path) : null;
        var root = Path.GetDirectoryName(path)!;

        using var loaded = await LoadAsync(input, options, log, cancellationToken).ConfigureAwait(false);
        if (loaded.Failures.Count > 0)
        {
            // A baseline from part of the solution would drop (or, updated, lose) the findings of the missing projects.
            throw new AuditException($"{loaded.Failures.Count} project(s) failed to load ({string.Join(", ", loaded.Failures.Select(f => Path.GetFileName(f.Project)))}): a baseline needs the whole solution; nothing written.");
        }

        var analysis = await SolutionAnalyzer.AnalyzeAsync(loaded.Solution, loaded.Targets, root, TenantRules.Shipped, log, cancellationToken).ConfigureAwait(false);
        var findings = analysis.Findings.Where(f => rules.Contains(f.RuleId)).ToList();
        if (existing is null)
        {
            File.WriteAllText(path, BaselineStore.Serialize(BaselineStore.EntriesOf(findings)));
            output.WriteLine($"Wrote {findings.Count} findings to {path}.");
            foreach (var count in rules.Select(r => (Rule: r, Count: findings.Count(f => f.RuleId == r))))
            {
                output.WriteLine($"  {count.Rule}  {count.Count}");
            }

            return ExitCodes.Success;
        }

        var (comparison, marked) = BaselineComparison.Compare(Path.GetFileName(path), existing, findings, rules);
        var stale = new HashSet<FindingKey>(comparison.FixedEntries);
        var messages = findings.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Message);
        var kept = existing.Findings.Where(k => !stale.Contains(k)).Select(k => (k, messages.TryGetValue(k, out var m) ? m : "")).ToList();
        File.WriteAllText(path, BaselineStore.Serialize(kept));
        output.WriteLine($"Updated {path}: removed {stale.Count} entries that no longer match a finding (fixed, or their code changed); {kept.Count} remain.");
        foreach (var key in comparison.FixedEntries)
        {
            output.WriteLine($"  stale: {key.Rule} {key.File} {key.Member}");
        }

        var added = marked.Count(f => f.State == BaselineState.New);
        if (added > 0)
        {
            output.WriteLine($"{added} findings are not in the baseline and were not added: --update never adds (fix them, or justify them).");
        }

        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Initial {comparison.Initial}   Fixed {comparison.Fixed}   Remaining {comparison.Remaining}   New {comparison.New}   Reduction {comparison.ReductionPercent:0.0}%"));
        return ExitCodes.Success;
    }

    public static async Task<LoadedSolution> LoadAsync(InputPath input, AuditOptions options, ProgressLog log, CancellationToken cancellationToken) =>
        await SolutionLoader.LoadAsync(input, !options.NoRestore, log, cancellationToken).ConfigureAwait(false);

    /// <summary>The rules asked for with --rule (each must be one the tool counts), else all of them.</summary>
    private static IReadOnlyList<string> SelectedRules(AuditOptions options)
    {
        var known = TenantRules.Shipped.BaselinedRules;
        foreach (var rule in options.Rules)
        {
            if (!known.Contains(rule))
            {
                throw new AuditException($"unknown rule '{rule}': tenant-audit counts and fixes {string.Join(", ", known)}.");
            }
        }

        return options.Rules.Count == 0 ? known : known.Where(options.Rules.Contains).ToList();
    }

    /// <summary>The full path of an output file, checked before any work: its folder must exist.</summary>
    private static string CheckWritable(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new AuditException($"'{path}' is a folder; give a file name.");
        }

        if (!Directory.Exists(Path.GetDirectoryName(full)))
        {
            throw new AuditException($"the folder of '{path}' does not exist.");
        }

        return full;
    }
}
