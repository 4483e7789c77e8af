using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TenantAnalyzers.StressTests.Hosting;

/// <summary>
/// A code fix provider's run on a document, recorded step by step (each registration, each action's operations, each
/// Fix All) so that each step is judged by its own time; a run that throws or hangs is recorded as a whole.
/// </summary>
public static class FixRuns
{
    /// <summary>Runs <paramref name="provider"/> and records it; returns how many steps it took.</summary>
    /// <param name="open">The document again for another text (re-measuring and minimising start from scratch).</param>
    public static int Record(
        StressLedger ledger, string source, string input, Document document, ImmutableArray<Diagnostic> diagnostics, CodeFixProvider provider, Func<string, Document> open)
    {
        var subject = provider.GetType().Name;
        Measured Rerun(string again, string? step)
        {
            var document = open(again);
            var diagnostics = FixHost.DiagnosticsAsync(document, CancellationToken.None).GetAwaiter().GetResult();
            return Step(Run(document, diagnostics, provider, out var steps), steps, step);
        }

        var run = Run(document, diagnostics, provider, out var steps);
        if (steps is null)
        {
            ledger.Record(source, subject, input, run, again => Rerun(again, null));
            return 0;
        }

        foreach (var step in steps)
        {
            ledger.Record(source, subject, input, Step(run, steps, step.Name), again => Rerun(again, step.Name), step.Name);
        }

        return steps.Count;
    }

    /// <summary>The provider's whole run on the document: its steps when it completed, null when it threw or hung.</summary>
    private static Measured Run(Document document, ImmutableArray<Diagnostic> diagnostics, CodeFixProvider provider, out IReadOnlyList<FixStep>? steps)
    {
        IReadOnlyList<FixStep>? done = null;
        var run = Measurement.Run(async cancellationToken =>
        {
            done = await FixHost.ExerciseAsync(document, diagnostics, provider, cancellationToken);
            return new WorkReport([]);
        });
        steps = run.Outcome == Outcome.Completed ? done : null;
        return run;
    }

    /// <summary>One step of a run, judged by its own time; the run itself when it failed, or nothing when the step is gone.</summary>
    private static Measured Step(Measured run, IReadOnlyList<FixStep>? steps, string? name) =>
        steps?.FirstOrDefault(s => s.Name == name) is { } step
            ? run with { OwnTime = step.Cpu }
            : run.Outcome == Outcome.Completed ? run with { OwnTime = TimeSpan.Zero } : run;
}
