using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantAnalyzers.Baseline;
using TenantAnalyzers.CodeFixes;
using TenantAnalyzers.Rules;

namespace TenantAnalyzers.Cli.Analysis;

/// <summary>
/// The analyzers and fixes exactly as the package ships them, found in their assemblies (a new rule is picked up without
/// touching the CLI), and the rule metadata from their descriptors.
/// </summary>
internal sealed class TenantRules
{
    private TenantRules(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixProviders)
    {
        Analyzers = analyzers;
        FixProviders = fixProviders;
        Descriptors = analyzers.SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableDictionary(d => d.Id, StringComparer.Ordinal);
        BaselinedRules = BaselineSuppressor.Suppressions.Select(s => s.SuppressedDiagnosticId).Order(StringComparer.Ordinal).ToImmutableArray();
    }

    public static TenantRules Shipped { get; } = Load();

    /// <summary>Every rule analyzer (the baseline suppressor is not run: the CLI compares with a baseline itself).</summary>
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<CodeFixProvider> FixProviders { get; }

    public ImmutableDictionary<string, DiagnosticDescriptor> Descriptors { get; }

    /// <summary>The rules whose findings are counted, baselined and fixed: TI0001–TI0005.</summary>
    public ImmutableArray<string> BaselinedRules { get; }

    /// <summary>The id under which the rules report a finding in justified cross-tenant code (off by default; the CLI turns it on).</summary>
    public string JustifiedId => RuleIds.JustifiedCrossTenant;

    public bool IsKnownRule(string id) => Descriptors.ContainsKey(id);

    public IEnumerable<CodeFixProvider> FixProvidersFor(string ruleId) =>
        FixProviders.Where(p => p.FixableDiagnosticIds.Contains(ruleId, StringComparer.Ordinal));

    private static TenantRules Load()
    {
        var analyzers = typeof(TenantRuleAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !typeof(DiagnosticSuppressor).IsAssignableFrom(t)
                && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages.Contains(LanguageNames.CSharp) == true)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t, nonPublic: true)!)
            .ToImmutableArray();
        var fixes = typeof(FixSafety).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t)
                && t.GetCustomAttribute<ExportCodeFixProviderAttribute>()?.Languages.Contains(LanguageNames.CSharp) == true)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t, nonPublic: true)!)
            .ToImmutableArray();
        return new TenantRules(analyzers, fixes);
    }
}
