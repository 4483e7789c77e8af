using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Rules;

/// <summary>
/// What every tenant rule does before its own work: no generated code, concurrent execution, the shared tenant model of
/// the compilation, and no registration at all where the model says there is nothing to analyze (test projects).
/// </summary>
/// <remarks>
/// Rules start from names, not from node kinds: one semantic-model callback per file searches the file's text for the
/// names a finding needs (<see cref="IdentifierScan"/>) and checks only the nodes around the hits. A syntax-node action
/// on every invocation of a solution costs each rule a callback per call; a text search costs a fraction of that and
/// leaves the files without the names untouched.
/// </remarks>
public abstract class TenantRuleAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        // Generated code is skipped by the rules themselves, more cheaply than the driver would: see GeneratedCodeFilter.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
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

    /// <summary>Registers the rule's callbacks for one compilation.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext start, TenantModel model);

    /// <summary>Calls <paramref name="analyze"/> for every file of the compilation that is not generated.</summary>
    private protected static void RegisterFileAction(CompilationStartAnalysisContext start, Action<SemanticModelAnalysisContext> analyze) =>
        start.RegisterSemanticModelAction(context =>
        {
            if (!context.IsGeneratedCode)
            {
                analyze(context);
            }
        });

    /// <summary>
    /// Calls <paramref name="analyze"/> for every identifier named as <paramref name="names"/> lists, file by file.
    /// The whole file is searched even when the host asks for a span: a finding's location can start before the name
    /// that triggers it (a <c>??</c> fallback), and the host keeps only what touches its span.
    /// </summary>
    private protected static void RegisterIdentifierAction(CompilationStartAnalysisContext start, TenantModel model, IdentifierScan names, Action<CandidateContext> analyze)
    {
        if (names.IsEmpty)
        {
            return;
        }

        RegisterFileAction(start, context => names.Find(
            context.SemanticModel.SyntaxTree,
            span: null,
            (Context: context, Model: model, Analyze: analyze),
            static (token, state) => state.Analyze(new CandidateContext(state.Context, state.Model, token)),
            context.CancellationToken));
    }

    /// <summary>Calls <paramref name="analyze"/> for every invocation of a method named as <paramref name="names"/> lists.</summary>
    private protected static void RegisterInvocationAction(
        CompilationStartAnalysisContext start,
        TenantModel model,
        IdentifierScan names,
        Action<CandidateContext, InvocationExpressionSyntax> analyze) =>
        RegisterIdentifierAction(start, model, names, context =>
        {
            if (SyntaxNames.InvocationNamedBy(context.Token) is { } invocation)
            {
                analyze(context, invocation);
            }
        });
}
