using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TenantAnalyzers.Tests.Infrastructure;

/// <summary>
/// Entry points of the rule tests: sources use <c>{|TI0001:...|}</c> markup, the booking prelude is added unless a
/// test brings its own model, and <c>tenant_isolation.*</c> options go into a <c>.globalconfig</c>.
/// </summary>
public static class Verify
{
    /// <param name="frameworks">Source copies of framework APIs the code uses (<see cref="FrameworkStubs"/>), one file each.</param>
    public static Task AnalyzerAsync<TAnalyzer>(string source, string? options = null, ReferenceAssemblies? references = null, bool prelude = true, string[]? frameworks = null, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        if (RuleTestInputs.TryRecord(source, options, references, prelude))
        {
            return Task.CompletedTask;
        }

        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = references ?? TestReferences.EfCore10,
        };
        Configure(test.TestState, source, options, prelude);
        for (var i = 0; i < (frameworks?.Length ?? 0); i++)
        {
            test.TestState.Sources.Add(($"/0/Framework{i}.cs", frameworks![i]));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task FixAsync<TAnalyzer, TFix>(string source, string fixedSource, string equivalenceKey, string? options = null, bool prelude = true, ReferenceAssemblies? references = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new TenantCodeFixTest<TFix>([new TAnalyzer()])
        {
            CodeActionEquivalenceKey = equivalenceKey,
            ReferenceAssemblies = references ?? TestReferences.EfCore10,
        };
        Configure(test.TestState, source, options, prelude);
        Configure(test.FixedState, fixedSource, options, prelude);
        return test.RunAsync();
    }

    /// <summary>
    /// A fix whose result still carries diagnostics, its own rule's included: "mark as cross-tenant" leaves the finding
    /// and TI0100 on the placeholder until a person writes the reason. Every diagnostic marked in the fixed source is
    /// expected. Only the single fix is checked: Fix All refuses this fix (see FixSafetyTests).
    /// </summary>
    public static Task FixAsync<TFix>(DiagnosticAnalyzer[] analyzers, string source, string fixedSource, string equivalenceKey, string? options = null)
        where TFix : CodeFixProvider, new()
    {
        var test = new TenantCodeFixTest<TFix>(analyzers)
        {
            CodeActionEquivalenceKey = equivalenceKey,
        };
        Configure(test.TestState, source, options, prelude: true);
        Configure(test.FixedState, fixedSource, options, prelude: true);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        return test.RunAsync();
    }

    /// <summary>Asserts the fix is not offered: the diagnostic stays and the source is unchanged.</summary>
    public static Task NoFixAsync<TAnalyzer, TFix>(string source, string equivalenceKey, string? options = null, ReferenceAssemblies? references = null, string[]? frameworks = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new TenantCodeFixTest<TFix>([new TAnalyzer()])
        {
            CodeActionEquivalenceKey = equivalenceKey,
            ReferenceAssemblies = references ?? TestReferences.EfCore10,
        };
        Configure(test.TestState, source, options, prelude: true);
        Configure(test.FixedState, source, options, prelude: true);
        for (var i = 0; i < (frameworks?.Length ?? 0); i++)
        {
            test.TestState.Sources.Add(($"/0/Framework{i}.cs", frameworks![i]));
            test.FixedState.Sources.Add(($"/0/Framework{i}.cs", frameworks[i]));
        }

        return test.RunAsync();
    }

    public static string GlobalConfig(string options) => "is_global = true\n" + options;

    private static void Configure(SolutionState state, string source, string? options, bool prelude)
    {
        state.Sources.Add(("/0/Test0.cs", source));
        if (prelude)
        {
            state.Sources.Add((Prelude.FileName, Prelude.Domain));
        }

        if (options is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig(options)));
        }
    }

    private sealed class TenantCodeFixTest<TFix> : CSharpCodeFixTest<EmptyAnalyzer, TFix, DefaultVerifier>
        where TFix : CodeFixProvider, new()
    {
        private readonly DiagnosticAnalyzer[] _analyzers;

        public TenantCodeFixTest(DiagnosticAnalyzer[] analyzers)
        {
            _analyzers = analyzers;
            ReferenceAssemblies = TestReferences.EfCore10;
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => _analyzers;
    }

    /// <summary>Placeholder type argument: <see cref="TenantCodeFixTest{TFix}"/> supplies the real analyzers.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
        }
    }
}
