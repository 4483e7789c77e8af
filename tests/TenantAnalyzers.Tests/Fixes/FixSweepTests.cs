using Microsoft.CodeAnalysis;
using TenantAnalyzers.CodeFixes;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TenantAnalyzers.Tests.Fixes;

/// <summary>
/// Every action of every provider on every rule-test input and on the legacy sample, single and Fix All (see
/// <see cref="FixSweep"/>), and what a bulk host sees first for each finding.
/// </summary>
public sealed class FixSweepTests
{
    private static readonly Dictionary<Type, Task<IReadOnlyList<RuleTestInput>>> Harvests = new();
    private static readonly Dictionary<RuleTestInput, Task<(Solution Solution, ProjectState State)>> Analyses = new();

    private readonly ITestOutputHelper _output;

    public FixSweepTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<string> RuleTestClasses()
    {
        var names = new TheoryData<string>();
        foreach (var type in RuleTestInputs.RuleTestClasses)
        {
            names.Add(type.Name);
        }

        return names;
    }

    public static TheoryData<string> Providers()
    {
        var names = new TheoryData<string>();
        foreach (var provider in FixSweep.Providers)
        {
            names.Add(provider.GetType().Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(RuleTestClasses))]
    public async Task Every_fix_on_every_input_of_the_rule_tests_compiles_and_removes_its_finding(string ruleTestClass)
    {
        var inputs = await HarvestAsync(RuleTestInputs.RuleTestClasses.Single(t => t.Name == ruleTestClass));
        Assert.NotEmpty(inputs);

        var failures = new List<string>();
        var applied = 0;
        foreach (var input in inputs)
        {
            var (solution, project) = await SweepWorkspace.ForRuleTestAsync(input);
            var result = await FixSweep.RunAsync(input.Name, solution, project);
            failures.AddRange(result.Failures);
            applied += result.Applied;
        }

        _output.WriteLine($"{inputs.Count} inputs, {applied} fixes applied");
        Assert.True(failures.Count == 0, $"{failures.Count} broken fix(es):\n  " + string.Join("\n  ", failures));
    }

    [Fact]
    public async Task Every_fix_on_the_legacy_sample_compiles_and_removes_its_finding()
    {
        var (solution, legacy) = await SweepWorkspace.ForLegacySampleAsync();

        var result = await FixSweep.RunAsync("BookingApp.Legacy", solution, legacy);

        _output.WriteLine($"{result.Applied} fixes applied");
        Assert.True(result.Applied > 100, $"only {result.Applied} fixes applied: the sample's findings are not being fixed");
        Assert.True(result.Failures.Count == 0, $"{result.Failures.Count} broken fix(es):\n  " + string.Join("\n  ", result.Failures));
    }

    [Fact]
    public async Task Every_fix_on_a_fresh_minimal_api_compiles_and_removes_its_finding()
    {
        var (solution, project) = await SweepWorkspace.ForMinimalApiSampleAsync();
        var findings = (await ProjectState.AnalyzeAsync(solution, project, CancellationToken.None)).Findings;

        var result = await FixSweep.RunAsync("minimal API", solution, project);

        _output.WriteLine($"{string.Join(", ", findings.Select(f => f.Id))}: {result.Applied} fixes applied");
        Assert.Equal(["TI0001", "TI0001", "TI0002", "TI0003", "TI0003", "TI0004", "TI0004", "TI0005"], findings.Select(f => f.Id).Order(StringComparer.Ordinal));
        Assert.True(result.Failures.Count == 0, $"{result.Failures.Count} broken fix(es):\n  " + string.Join("\n  ", result.Failures));
    }

    /// <summary>
    /// <c>dotnet format analyzers</c> applies the first action of a rule's first finding to all of them: for every finding
    /// of the rule tests, the first registered action is bulk-safe, or the finding has no bulk-safe action and its first
    /// registration is a group of the others, whose key names no fix: Fix All then applies each finding's own bulk-safe
    /// fix. Every key is classified.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task First_action_of_every_finding_is_bulk_safe_and_every_key_is_classified(string providerName)
    {
        var provider = FixSweep.Providers.Single(p => p.GetType().Name == providerName);
        var failures = new List<string>();
        int findings = 0, bulkSafeFirst = 0;
        foreach (var type in RuleTestInputs.RuleTestClasses)
        {
            foreach (var input in await HarvestAsync(type))
            {
                var (solution, state) = await AnalyzeAsync(input);
                foreach (var finding in state.Findings.Where(f => provider.FixableDiagnosticIds.Contains(f.Id)))
                {
                    findings++;
                    var actions = await FixSweep.RegisteredActionsAsync(provider, solution.GetDocument(finding.Location.SourceTree)!, finding, CancellationToken.None);
                    var keys = actions.SelectMany(NestedCodeActions.Leaves).Select(a => a.EquivalenceKey).ToList();
                    failures.AddRange(keys.Where(k => FixSafety.Classify(k) is null).Select(k => $"{input.Name}: {finding.Id}: key '{k}' is not classified in FixSafety"));
                    if (actions.Count == 0)
                    {
                        continue;
                    }

                    if (FixSafety.IsSafeForBulk(actions[0].EquivalenceKey))
                    {
                        bulkSafeFirst++;
                    }
                    else if (keys.Any(FixSafety.IsSafeForBulk) || NestedCodeActions.Leaves(actions[0]).SequenceEqual([actions[0]]))
                    {
                        failures.Add($"{input.Name}: {finding.Id}: first action '{actions[0].Title}' ({actions[0].EquivalenceKey ?? "no key"}) is not bulk-safe; offered: {string.Join(", ", keys)}");
                    }
                }
            }
        }

        _output.WriteLine($"{findings} findings, {bulkSafeFirst} with a bulk-safe first action");
        Assert.True(bulkSafeFirst > 0, "no finding of the rule tests offers a bulk-safe fix");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Each input analyzed once for the five provider tests.</summary>
    private static Task<(Solution Solution, ProjectState State)> AnalyzeAsync(RuleTestInput input)
    {
        lock (Analyses)
        {
            if (!Analyses.TryGetValue(input, out var analysis))
            {
                analysis = Analyze(input);
                Analyses.Add(input, analysis);
            }

            return analysis;
        }

        static async Task<(Solution, ProjectState)> Analyze(RuleTestInput input)
        {
            var (solution, project) = await SweepWorkspace.ForRuleTestAsync(input);
            return (solution, await ProjectState.AnalyzeAsync(solution, project, CancellationToken.None));
        }
    }

    private static Task<IReadOnlyList<RuleTestInput>> HarvestAsync(Type ruleTestClass)
    {
        lock (Harvests)
        {
            if (!Harvests.TryGetValue(ruleTestClass, out var harvest))
            {
                harvest = RuleTestInputs.HarvestAsync(ruleTestClass);
                Harvests.Add(ruleTestClass, harvest);
            }

            return harvest;
        }
    }
}
