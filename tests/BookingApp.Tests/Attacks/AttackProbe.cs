using BookingApp.Data;
using BookingApp.Data.Seeding;
using BookingApp.Tests.Hosting;

namespace BookingApp.Tests.Attacks;

/// <summary>What one attack of the catalog did to company B.</summary>
/// <param name="ReachedVictim">The request succeeded and leaked B's data (reads) or changed B's rows (writes).</param>
public sealed record AttackOutcome(CrossTenantAttack Attack, bool ReachedVictim, int Status, string Body)
{
    public override string ToString() => $"{Attack.Name}: {Status} {(Body.Length > 200 ? Body[..200] + "..." : Body)}";
}

/// <summary>Sends an attack of the catalog as company A's admin and judges whether it reached company B.</summary>
public static class AttackProbe
{
    public static async Task<AttackOutcome> RunAsync(BookingAppHost app, CrossTenantAttack attack)
    {
        using HttpClient attacker = await app.SignInAsync(SeedAccounts.AuroraAdminEmail, SeedAccounts.AuroraAdminPassword);
        string victimBefore = Snapshot(app, app.Victim.CompanyId);

        using HttpResponseMessage response = await attacker.SendAsync(attack.ToRequest(app.Victim));
        string body = await response.Content.ReadAsStringAsync();

        bool reached = response.IsSuccessStatusCode && (attack.LegacyLeakMarker is { } marker
            ? body.Contains(marker(app.Victim), StringComparison.Ordinal)
            : victimBefore != Snapshot(app, app.Victim.CompanyId));
        return new AttackOutcome(attack, reached, (int)response.StatusCode, body);
    }

    private static string Snapshot(BookingAppHost app, int companyId)
    {
        using BookingDbContext db = app.OpenDatabase();
        return TenantRecords.Snapshot(db, companyId);
    }
}
