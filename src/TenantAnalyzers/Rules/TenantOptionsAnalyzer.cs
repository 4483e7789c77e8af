using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Rules;

/// <summary>TI9000: a <c>tenant_isolation.*</c> option that could not be read, reported once per compilation.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TenantOptionsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidOption);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(compilation =>
        {
            var model = TenantModel.For(compilation.Compilation, compilation.Options.AnalyzerConfigOptionsProvider);
            foreach (var invalid in model.Options.Invalid)
            {
                compilation.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidOption, Location.None, invalid.Key, invalid.Value, invalid.Reason));
            }
        });
    }
}
