using System.Net.Http.Json;
using BookingApp.Data.Seeding;
using BookingApp.Tests.Attacks;
using BookingApp.Tests.Hosting;
using Xunit.Abstractions;

namespace BookingApp.Tests.BulkFixing;

/// <summary>
/// What a team with hundreds of findings does: <c>dotnet format analyzers</c> over the whole project, here the legacy
/// sample on the packed package. It must leave code that builds, close the leaks it fixes, and keep sign-in working —
/// the bypasses sign-in needs are left for a person, since no company is known before sign-in.
/// </summary>
public sealed class DotnetFormatTests
{
    private static readonly string[] BulkRules = ["TI0001", "TI0002", "TI0003", "TI0004", "TI0005"];

    /// <summary>What bulk fixing leaves for a person on the legacy sample: the two sign-in lookups of users of every company.</summary>
    private static readonly string[] LeftForAPerson =
    [
        "TI0001 Assistant/AuthenticationTools.cs",
        "TI0001 Services/LoginService.cs",
    ];

    /// <summary>The catalog's attack that stays open with them: sign-in through company A's assistant with company B's credentials.</summary>
    private static readonly string[] AttacksLeftOpen = ["assistant: sign in with company B's credentials"];

    private readonly ITestOutputHelper _output;

    public DotnetFormatTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Dotnet_format_closes_the_leaks_of_the_packed_legacy_sample_and_sign_in_still_works()
    {
        using PackedLegacyCopy copy = await PackedLegacyCopy.CreateAsync();
        BuildResult before = await copy.BuildAsync();
        Assert.True(before.Succeeded, before.Command.ToString());
        IReadOnlyList<AttackOutcome> attacksBefore = await AttackAsync(copy, "before dotnet format");

        CommandResult format = await copy.FormatAsync(BulkRules);
        BuildResult after = await copy.BuildAsync();
        IReadOnlyList<AttackOutcome> attacksAfter = await AttackAsync(copy, "after dotnet format");

        Report(before, after, attacksBefore, attacksAfter, format);
        Assert.True(format.ExitCode == 0, format.ToString());
        Assert.DoesNotContain("No associated code fix", format.Output, StringComparison.Ordinal);
        Assert.Equal(ExpectedLegacyFindingCount(), before.Findings.Count);
        Assert.All(attacksBefore, a => Assert.True(a.ReachedVictim, $"before the fixes: {a}"));
        Assert.True(after.Succeeded, after.Command.ToString());
        Assert.Equal(LeftForAPerson, after.Findings.Select(f => f[..f.LastIndexOf(':')]).Order(StringComparer.Ordinal));
        Assert.Equal(AttacksLeftOpen, attacksAfter.Where(a => a.ReachedVictim).Select(a => a.Attack.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>Runs the built copy, signs in as both companies' admins (which must work) and sends every attack of the legacy catalog.</summary>
    private static async Task<IReadOnlyList<AttackOutcome>> AttackAsync(PackedLegacyCopy copy, string stage)
    {
        await using BuiltAppProcess app = await BuiltAppProcess.StartAsync(copy.AppAssembly, copy.WorkDirectory);
        await AssertSignInWorksAsync(app, SeedAccounts.AuroraAdminEmail, SeedAccounts.AuroraAdminPassword, stage);
        await AssertSignInWorksAsync(app, SeedAccounts.NordlichtAdminEmail, SeedAccounts.NordlichtAdminPassword, stage);

        var outcomes = new List<AttackOutcome>();
        foreach (string name in AttackCatalog.LegacyNames())
        {
            outcomes.Add(await AttackProbe.RunAsync(app, AttackCatalog.Named(name)));
        }

        return outcomes;
    }

    private static async Task AssertSignInWorksAsync(BuiltAppProcess app, string email, string password, string stage)
    {
        using HttpClient client = app.CreateAnonymousClient();
        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.True(response.IsSuccessStatusCode,
            $"{stage}: sign-in as {email} answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{app.Output}");
    }

    private void Report(BuildResult before, BuildResult after, IReadOnlyList<AttackOutcome> attacksBefore, IReadOnlyList<AttackOutcome> attacksAfter, CommandResult format)
    {
        foreach (string rule in BulkRules)
        {
            _output.WriteLine($"{rule}: {before.Count(rule)} findings before, {after.Count(rule)} after");
        }

        _output.WriteLine($"total: {before.Findings.Count} before, {after.Findings.Count} after: {string.Join(", ", after.Findings)}");
        _output.WriteLine($"attacks reaching company B: {attacksBefore.Count(a => a.ReachedVictim)} of {attacksBefore.Count} before, {attacksAfter.Count(a => a.ReachedVictim)} after");
        foreach (AttackOutcome outcome in attacksAfter)
        {
            _output.WriteLine($"  {(outcome.ReachedVictim ? "OPEN  " : "closed")} {outcome}");
        }

        _output.WriteLine(format.ToString());
    }

    private static int ExpectedLegacyFindingCount()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string expected = Path.Combine(directory.FullName, "samples", "BookingApp.Legacy", "expected-findings.txt");
            if (File.Exists(expected))
            {
                return File.ReadAllLines(expected).Count(line => line.Length > 0);
            }
        }

        throw new InvalidOperationException("samples/BookingApp.Legacy/expected-findings.txt not found");
    }
}
