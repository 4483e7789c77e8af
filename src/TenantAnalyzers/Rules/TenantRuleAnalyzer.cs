using Microsoft.CodeAnalysis.Diagnostics;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Rules;

/// <summary>
/// What every tenant rule does before its own work: no generated code, concurrent execution, the shared tenant model of
/// the compilation, and no registration at all where the model says there is nothing to analyze (test projects).
/// </summary>
public abstract class TenantRuleAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var model = TenantModel.For(start.Compilation, start.Options.AnalyzerConfigOptionsProvider);
            if (model.ShouldAnalyze)
            {
                Register(start, model);
            }
        });
    }

    /// <summary>Registers the rule's cheap syntax callbacks for one compilation.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext start, TenantModel model);
}
