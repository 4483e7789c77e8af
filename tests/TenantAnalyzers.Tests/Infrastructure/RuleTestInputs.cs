using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace TenantAnalyzers.Tests.Infrastructure;

/// <summary>One source a rule test hands to <see cref="Verify.AnalyzerAsync{TAnalyzer}"/>, markup removed.</summary>
public sealed record RuleTestInput(string Name, string Source, string? Options, ReferenceAssemblies References, bool Prelude)
{
    public override string ToString() => Name;
}

/// <summary>
/// The inputs of the rule tests, harvested by running them: every test method of a rule test class is invoked while
/// <see cref="Verify.AnalyzerAsync{TAnalyzer}"/> records its arguments instead of verifying them. A rule test added
/// tomorrow is swept by the fix tests tomorrow, without a registry to keep in step.
/// </summary>
public static class RuleTestInputs
{
    private static readonly AsyncLocal<List<RuleTestInput>?> Recorder = new();
    private static readonly AsyncLocal<string?> CurrentTest = new();

    /// <summary>The rule test classes: those of the Rules folder named by rule id (<c>TI0001FilterBypassTests</c>).</summary>
    public static IReadOnlyList<Type> RuleTestClasses { get; } = typeof(RuleTestInputs).Assembly.GetTypes()
        .Where(t => t.Namespace == "TenantAnalyzers.Tests.Rules" && t.IsPublic && t.Name.StartsWith("TI", StringComparison.Ordinal))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>In recording mode, records the input and returns true: the caller then verifies nothing.</summary>
    internal static bool TryRecord(string source, string? options, ReferenceAssemblies? references, bool prelude)
    {
        if (Recorder.Value is not { } inputs)
        {
            return false;
        }

        TestFileMarkupParser.GetSpans(source, out string withoutMarkup, out ImmutableDictionary<string, ImmutableArray<TextSpan>> _);
        inputs.Add(new RuleTestInput($"{CurrentTest.Value} #{inputs.Count(i => i.Name.StartsWith(CurrentTest.Value + " #", StringComparison.Ordinal)) + 1}",
            withoutMarkup, options, references ?? TestReferences.EfCore10, prelude));
        return true;
    }

    /// <summary>Runs every test of <paramref name="testClass"/> (facts, and theories with inline data) in recording mode.</summary>
    public static async Task<IReadOnlyList<RuleTestInput>> HarvestAsync(Type testClass)
    {
        var inputs = new List<RuleTestInput>();
        foreach (var method in testClass.GetMethods(BindingFlags.Public | BindingFlags.Instance).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            foreach (var arguments in Invocations(method))
            {
                await RecordAsync(testClass, method, arguments, inputs);
            }
        }

        return inputs;
    }

    private static async Task RecordAsync(Type testClass, MethodInfo method, object?[] arguments, List<RuleTestInput> inputs)
    {
        // A fresh async flow per test, so that the recorder is seen by it and by nothing else.
        await Task.Run(async () =>
        {
            Recorder.Value = inputs;
            CurrentTest.Value = $"{testClass.Name}.{method.Name}" + (arguments.Length == 0 ? "" : $"({string.Join(", ", arguments)})");
            var instance = Activator.CreateInstance(testClass);
            if (method.Invoke(instance, arguments) is Task task)
            {
                await task;
            }
        });
    }

    private static IEnumerable<object?[]> Invocations(MethodInfo method)
    {
        if (method.GetCustomAttribute<TheoryAttribute>() is not null)
        {
            return method.GetCustomAttributes<InlineDataAttribute>().SelectMany(data => data.GetData(method));
        }

        return method.GetCustomAttribute<FactAttribute>() is not null && method.GetParameters().Length == 0 ? [[]] : [];
    }
}
