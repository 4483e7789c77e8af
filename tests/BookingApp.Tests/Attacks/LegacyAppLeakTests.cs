using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BookingApp.Data;
using BookingApp.Data.Seeding;
using BookingApp.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Tests.Attacks;

/// <summary>
/// The same attacks against the legacy app succeed. These tests assert the leaks, so the sample
/// stays honest: if a legacy hole is closed by accident, they fail.
/// </summary>
public sealed class LegacyAppLeakTests : IClassFixture<LegacyAppFixture>
{
    private readonly LegacyAppFixture _app;

    public LegacyAppLeakTests(LegacyAppFixture app)
    {
        _app = app;
    }

    [Theory]
    [MemberData(nameof(AttackCatalog.LegacyNames), MemberType = typeof(AttackCatalog))]
    public async Task Attack_reaches_company_B(string attackName)
    {
        AttackOutcome outcome = await AttackProbe.RunAsync(_app, AttackCatalog.Named(attackName));

        Assert.True(outcome.ReachedVictim, outcome.ToString());
    }

    [Theory]
    [InlineData("/api/team/{0}/role", "PUT")]
    [InlineData("/api/assistant/team/set_role", "POST")]
    public async Task Admin_can_grant_super_admin(string pathFormat, string method)
    {
        using HttpClient admin = await _app.SignInAsync(SeedAccounts.AuroraAdminEmail, SeedAccounts.AuroraAdminPassword);
        int staffUserId = _app.Attacker.StaffUserId;
        var request = new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, staffUserId))
        {
            Content = JsonContent.Create(method == "PUT" ? new { role = UserRoles.SuperAdmin } : (object)new { userId = staffUserId, role = UserRoles.SuperAdmin }),
        };

        using HttpResponseMessage response = await admin.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode);
        using BookingDbContext db = _app.OpenDatabase();
        Assert.Equal(UserRoles.SuperAdmin, db.Users.IgnoreQueryFilters().Single(u => u.Id == staffUserId).Role);
    }

    [Fact]
    public async Task Anonymous_calendar_webhook_acts_on_the_first_company()
    {
        using HttpClient anonymous = _app.CreateAnonymousClient();
        int appointmentOfFirstCompany = _app.Attacker.AppointmentIds[0];

        using HttpResponseMessage response = await anonymous.PostAsJsonAsync("/api/webhooks/calendar/booking-cancelled", new { appointmentId = appointmentOfFirstCompany });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using BookingDbContext db = _app.OpenDatabase();
        Assert.Equal("cancelled", db.Appointments.IgnoreQueryFilters().Single(a => a.Id == appointmentOfFirstCompany).Status);
    }

    [Fact]
    public async Task Settings_return_the_calendar_api_key_in_plain_text()
    {
        using HttpClient admin = await _app.SignInAsync(SeedAccounts.AuroraAdminEmail, SeedAccounts.AuroraAdminPassword);

        string settings = await admin.GetStringAsync("/api/settings/integrations");

        Assert.Contains(SeedAccounts.AuroraCalendarApiKey, settings);
    }

    [Fact]
    public async Task Created_customer_gets_no_company()
    {
        using HttpClient admin = await _app.SignInAsync(SeedAccounts.AuroraAdminEmail, SeedAccounts.AuroraAdminPassword);

        using HttpResponseMessage response = await admin.PostAsJsonAsync("/api/customers", new { name = "Orphaned Olga", phone = "+49 151 7777777", email = "olga@mail.example" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        int id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using BookingDbContext db = _app.OpenDatabase();
        Assert.Equal(0, db.Customers.IgnoreQueryFilters().Single(c => c.Id == id).CompanyId);
    }

    [Fact]
    public async Task Dashboard_shows_another_companys_branch_and_every_companys_calls()
    {
        using HttpClient attacker = await _app.SignInAsync(SeedAccounts.AuroraAdminEmail, SeedAccounts.AuroraAdminPassword);
        int victimBranch = _app.Victim.BranchIds[0];

        JsonElement ofVictimBranch = await attacker.GetFromJsonAsync<JsonElement>($"/api/dashboard?branchId={victimBranch}");
        JsonElement own = await attacker.GetFromJsonAsync<JsonElement>("/api/dashboard");

        using BookingDbContext db = _app.OpenDatabase();
        int victimStaffAtBranch = db.Staff.IgnoreQueryFilters().Count(s => s.BranchId == victimBranch && s.Active);
        DateTime dayAgo = DateTime.UtcNow.AddHours(-24);
        int attackerCalls = db.PhoneCalls.IgnoreQueryFilters().Count(c => c.CompanyId == _app.Attacker.CompanyId && c.StartedAt >= dayAgo);
        Assert.True(victimStaffAtBranch > 0);
        Assert.Equal(victimStaffAtBranch, ofVictimBranch.GetProperty("activeStaff").GetInt32());
        Assert.True(own.GetProperty("callsLast24Hours").GetInt32() > attackerCalls, "calls of other companies are counted too");
    }
}
