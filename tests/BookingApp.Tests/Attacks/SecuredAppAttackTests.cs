using System.Net;
using BookingApp.Data;
using BookingApp.Data.Seeding;
using BookingApp.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Tests.Attacks;

/// <summary>Against the secured app every cross-tenant attempt is refused and leaves company B byte-for-byte unchanged.</summary>
public sealed class SecuredAppAttackTests : IClassFixture<SecureAppFixture>
{
    private readonly SecureAppFixture _app;

    public SecuredAppAttackTests(SecureAppFixture app)
    {
        _app = app;
    }

    [Theory]
    [MemberData(nameof(AttackCatalog.Names), MemberType = typeof(AttackCatalog))]
    public async Task Attack_is_refused_and_company_B_is_unchanged(string attackName)
    {
        CrossTenantAttack attack = AttackCatalog.Named(attackName);
        using HttpClient attacker = await _app.SignInAsync(SeedAccounts.AuroraAdminEmail, SeedAccounts.AuroraAdminPassword);
        string victimBefore = Snapshot(_app.Victim.CompanyId);
        int deniedBefore = CountDenials(_app.Attacker.CompanyId);

        using HttpResponseMessage response = await attacker.SendAsync(attack.ToRequest(_app.Victim));

        Assert.Equal(attack.SecuredStatus, response.StatusCode);
        Assert.DoesNotContain($"\"companyId\":{_app.Victim.CompanyId}", await response.Content.ReadAsStringAsync());
        Assert.Equal(victimBefore, Snapshot(_app.Victim.CompanyId));
        if (attack.SecuredStatus == HttpStatusCode.NotFound && attack.DenialAudited)
        {
            Assert.True(CountDenials(_app.Attacker.CompanyId) > deniedBefore, "the refusal is written to company A's audit log");
        }
    }

    [Theory]
    [InlineData("/api/team/{0}/role", "PUT")]
    [InlineData("/api/assistant/team/set_role", "POST")]
    public async Task Admin_cannot_grant_super_admin(string pathFormat, string method)
    {
        using HttpClient admin = await _app.SignInAsync(SeedAccounts.AuroraAdminEmail, SeedAccounts.AuroraAdminPassword);
        int staffUserId = _app.Attacker.StaffUserId;
        var request = new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, staffUserId))
        {
            Content = System.Net.Http.Json.JsonContent.Create(method == "PUT" ? new { role = UserRoles.SuperAdmin } : (object)new { userId = staffUserId, role = UserRoles.SuperAdmin }),
        };

        using HttpResponseMessage response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using BookingDbContext db = _app.OpenDatabase();
        Assert.Equal(UserRoles.Staff, db.Users.IgnoreQueryFilters().Single(u => u.Id == staffUserId).Role);
        Assert.Contains(db.AuditLog.IgnoreQueryFilters().Where(e => e.CompanyId == _app.Attacker.CompanyId).ToList(),
            e => e.Action == "privilege_escalation_denied");
    }

    [Fact]
    public async Task Requests_without_a_company_are_unauthorized_and_change_nothing()
    {
        using HttpClient anonymous = _app.CreateAnonymousClient();
        string attackerBefore = Snapshot(_app.Attacker.CompanyId);

        using HttpResponseMessage webhook = await anonymous.PostAsync("/api/webhooks/calendar/booking-cancelled",
            System.Net.Http.Json.JsonContent.Create(new { appointmentId = _app.Attacker.AppointmentIds[0] }));
        using HttpResponseMessage customers = await anonymous.GetAsync("/api/customers");
        using HttpResponseMessage tool = await anonymous.PostAsync("/api/assistant/company/overview", System.Net.Http.Json.JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.Unauthorized, webhook.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, customers.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tool.StatusCode);
        Assert.Equal(attackerBefore, Snapshot(_app.Attacker.CompanyId));
    }

    [Fact]
    public async Task Forged_token_is_unauthorized()
    {
        using HttpClient client = _app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "CfDJ8forged-company-2");

        using HttpResponseMessage response = await client.GetAsync("/api/customers");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_refuses_another_companys_branch()
    {
        using HttpClient attacker = await _app.SignInAsync(SeedAccounts.AuroraAdminEmail, SeedAccounts.AuroraAdminPassword);

        using HttpResponseMessage response = await attacker.GetAsync($"/api/dashboard?branchId={_app.Victim.BranchIds[0]}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private string Snapshot(int companyId)
    {
        using BookingDbContext db = _app.OpenDatabase();
        return TenantRecords.Snapshot(db, companyId);
    }

    private int CountDenials(int companyId)
    {
        using BookingDbContext db = _app.OpenDatabase();
        return db.AuditLog.IgnoreQueryFilters().Count(e => e.CompanyId == companyId && e.Action == "access_denied");
    }
}
