using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace TenantAnalyzers.Baseline;

/// <summary>
/// Suppresses exactly the findings of TI0001–TI0005 that <c>tenant-baseline.json</c> lists, when the project has it as
/// an AdditionalFile: the IDE and a <c>-warnaserror</c> build then show only new findings, while the compiler's SARIF
/// log still lists the baselined ones as suppressed. Without the file, or with a file that is not a baseline this
/// version reads, nothing is suppressed: a broken baseline never hides a finding.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BaselineSuppressor : DiagnosticSuppressor
{
    private static readonly ConditionalWeakTable<SourceText, BaselineOrError> Parsed = new();

    /// <summary>One suppression per rule a baseline covers (the ids a suppressed diagnostic's SARIF entry names).</summary>
    internal static readonly ImmutableArray<SuppressionDescriptor> Suppressions = ImmutableArray.Create(
        Create(RuleIds.FilterBypass, RuleIds.FilterBypassBaselined),
        Create(RuleIds.ArbitraryTenantFallback, RuleIds.ArbitraryTenantFallbackBaselined),
        Create(RuleIds.MissingOwnershipCheck, RuleIds.MissingOwnershipCheckBaselined),
        Create(RuleIds.TenantKeyNotForced, RuleIds.TenantKeyNotForcedBaselined),
        Create(RuleIds.TenantIdFromInput, RuleIds.TenantIdFromInputBaselined));

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions => Suppressions;

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        var (baseline, directory) = FindBaseline(context);
        if (baseline is null || baseline.Findings.Count == 0)
        {
            return;
        }

        var diagnostics = new List<Diagnostic>();
        var sites = new List<(FindingKey Key, int Position)>();
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var tree = diagnostic.Location.SourceTree;
            if (tree is null || DescriptorFor(diagnostic.Id) is null)
            {
                continue;
            }

            // The analyzers see the real source paths, also in a build with a path map (deterministic CI builds).
            var file = FindingKeys.RelativePath(tree.FilePath, directory);
            var key = FindingKeys.Compute(diagnostic.Id, diagnostic.Location, file, context.GetSemanticModel(tree), context.CancellationToken);
            diagnostics.Add(diagnostic);
            sites.Add((key, diagnostic.Location.SourceSpan.Start));
        }

        var keys = FindingKeys.NumberOccurrences(sites);
        for (var i = 0; i < keys.Length; i++)
        {
            if (baseline.Contains(keys[i]))
            {
                context.ReportSuppression(Suppression.Create(DescriptorFor(diagnostics[i].Id)!, diagnostics[i]));
            }
        }
    }

    private static (BaselineFile? Baseline, string Directory) FindBaseline(SuppressionAnalysisContext context)
    {
        foreach (var file in context.Options.AdditionalFiles)
        {
            if (!string.Equals(Path.GetFileName(file.Path), BaselineFile.DefaultFileName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var text = file.GetText(context.CancellationToken);
            if (text is null)
            {
                continue;
            }

            var parsed = Parsed.GetValue(text, static t => BaselineOrError.Read(t));
            return (parsed.Baseline, Path.GetDirectoryName(file.Path) ?? string.Empty);
        }

        return (null, string.Empty);
    }

    private static SuppressionDescriptor? DescriptorFor(string ruleId)
    {
        foreach (var descriptor in Suppressions)
        {
            if (descriptor.SuppressedDiagnosticId == ruleId)
            {
                return descriptor;
            }
        }

        return null;
    }

    private static SuppressionDescriptor Create(string ruleId, string suppressionId) =>
        new(suppressionId, ruleId, $"Known finding listed in {BaselineFile.DefaultFileName}: shown by tenant-audit, not by the build, until it is fixed.");

    /// <summary>A parsed baseline, or null when the file is not one (never throws into the compiler).</summary>
    private sealed class BaselineOrError
    {
        private BaselineOrError(BaselineFile? baseline)
        {
            Baseline = baseline;
        }

        public BaselineFile? Baseline { get; }

        public static BaselineOrError Read(SourceText text)
        {
            try
            {
                return new BaselineOrError(BaselineFile.Parse(text.ToString()));
            }
            catch (FormatException)
            {
                return new BaselineOrError(null);
            }
        }
    }
}
