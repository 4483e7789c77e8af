using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TenantAnalyzers.Benchmarks.Analyzers;

/// <summary>
/// The cheapest possible "find the bypass" rule: an invocation whose member name is IgnoreQueryFilters, matched on
/// syntax alone with no semantic model. Its cost is the floor any syntax-node-driven rule pays for being called.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IgnoreQueryFiltersSyntaxAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = "BENCH001";

    private static readonly DiagnosticDescriptor Rule = new(
        DiagnosticId, "IgnoreQueryFilters call", "IgnoreQueryFilters call", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (c.Node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IgnoreQueryFilters" } } call)
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, call.GetLocation()));
                }
            },
            SyntaxKind.InvocationExpression);
    }
}
