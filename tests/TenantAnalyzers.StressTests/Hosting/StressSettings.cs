namespace TenantAnalyzers.StressTests.Hosting;

/// <summary>
/// How much the suite does and with which seed. The CI run uses the defaults; a longer run sets
/// <c>TENANT_STRESS_VARIANTS</c> (analyzer variants; the fix and options runs scale with it) and may set
/// <c>TENANT_STRESS_SEED</c> to explore other variants. Every run prints both, so any failure can be replayed.
/// </summary>
public static class StressSettings
{
    /// <summary>The CI run: thousands of variants within a few minutes on a loaded 2-core machine.</summary>
    public const int DefaultVariants = 2000;

    public const int DefaultSeed = 16_2024;

    public static int Seed { get; } = ReadInt("TENANT_STRESS_SEED", DefaultSeed);

    public static int Variants { get; } = Math.Max(ReadInt("TENANT_STRESS_VARIANTS", DefaultVariants), 1);

    /// <summary>The scale of this run against the CI run (1 in CI).</summary>
    public static double Scale => (double)Variants / DefaultVariants;

    /// <summary>A hang check, not a speed test: no variant may need this much processor time for one analyzer or fix.</summary>
    public static readonly TimeSpan HangBound = TimeSpan.FromSeconds(2);

    /// <summary>A variant slower than this many times its source's median is suspect...</summary>
    public const double MedianFactor = 100;

    /// <summary>...when it also takes at least this long: below it, a factor of 100 is a garbage collection or a cold path.</summary>
    public static readonly TimeSpan RatioFloor = TimeSpan.FromMilliseconds(500);

    /// <summary>Wall time after which one analysis is cancelled and reported as a hang.</summary>
    public static readonly TimeSpan CancelBound = TimeSpan.FromSeconds(20);

    /// <summary>How often a suspect is measured again, alone, after the run; the least processor time counts.</summary>
    public const int Remeasurements = 3;

    public static string Describe() => $"seed {Seed} (TENANT_STRESS_SEED), {Variants} analyzer variants (TENANT_STRESS_VARIANTS)";

    private static int ReadInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}
