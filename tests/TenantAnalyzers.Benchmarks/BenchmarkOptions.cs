namespace TenantAnalyzers.Benchmarks;

/// <summary>Command line of the harness.</summary>
public sealed record BenchmarkOptions(
    IReadOnlyList<int> Sizes,
    int Repeat,
    int IdeSize,
    int Seed,
    string OutputDirectory,
    bool Check,
    int WarmUpFiles = 500,
    int WarmUpRuns = 3,
    bool HoldOffCollections = true)
{
    public const string Usage = """
        TenantAnalyzers.Benchmarks [options]
          --sizes 500,1000,2000,4000   corpus sizes in files (default 500,1000,2000,4000)
          --repeat 3                   measurements per size and set; the median is reported (default 3)
          --ide-size 2000              corpus size of the per-document (IDE) latency pass (default 2000)
          --seed 42                    corpus generator seed (default 42)
          --output artifacts           where benchmark-results.md and .json are written (default artifacts)
          --warm-up 500x3              unmeasured runs of everything before measuring: files x runs (default 500x3)
          --quick                      CI smoke run: --sizes 50 --repeat 1 --ide-size 50 --warm-up 50x1
          --gc held-off|runtime        held-off: a generation-0 budget larger than a pass allocates, so that no
                                       collection is charged to whichever callback it interrupts (default);
                                       runtime: collections as the runtime schedules them, as in a real build
          --check                      exit 1 when a target is missed (default: report only, exit 0)
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions([500, 1000, 2000, 4000], 3, 2000, 42, "artifacts", false);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = Value().Split(',').Select(ParsePositive).ToArray() },
                "--repeat" => options with { Repeat = ParsePositive(Value()) },
                "--ide-size" => options with { IdeSize = ParsePositive(Value()) },
                "--seed" => options with { Seed = int.Parse(Value()) },
                "--output" => options with { OutputDirectory = Value() },
                "--warm-up" => ParseWarmUp(options, Value()),
                "--quick" => options with { Sizes = [50], Repeat = 1, IdeSize = 50, WarmUpFiles = 50, WarmUpRuns = 1 },
                "--gc" => options with { HoldOffCollections = ParseGcMode(Value()) },
                "--check" => options with { Check = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }

        return options;
    }

    private static BenchmarkOptions ParseWarmUp(BenchmarkOptions options, string text)
    {
        var parts = text.Split('x');
        return parts.Length == 2
            ? options with { WarmUpFiles = ParsePositive(parts[0]), WarmUpRuns = ParsePositive(parts[1]) }
            : throw new ArgumentException($"--warm-up takes files x runs, as in 500x3, not '{text}'.\n{Usage}");
    }

    private static bool ParseGcMode(string text) => text switch
    {
        "held-off" => true,
        "runtime" => false,
        _ => throw new ArgumentException($"--gc takes held-off or runtime, not '{text}'.\n{Usage}"),
    };

    private static int ParsePositive(string text) =>
        int.TryParse(text, out var value) && value > 0 ? value : throw new ArgumentException($"'{text}' is not a positive number.\n{Usage}");
}
