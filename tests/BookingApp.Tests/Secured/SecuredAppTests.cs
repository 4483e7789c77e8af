using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BookingApp.Data;
using BookingApp.Data.Seeding;
using BookingApp.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Tests.Secured;

/// <summary>Company A's own work goes through in the secured app: the fixes refuse only what is not A's.</summary>
public sealed class SecuredAppTests : IClassFixture<SecureAppFixture>
{
    private readonly SecureAppFixture _app;

    public SecuredAppTests(SecureAppFixture app)
    {
        _app = app;
    }

    [Theory]
    [InlineData("/api/customers")]
    [InlineData("/api/appointments")]
    [InlineData("/api/calls")]
    [InlineData("/api/branches")]
    [InlineData("/api/staff")]
    [InlineData("/api/services")]
    [InlineData("/api/team")]
    public async Task Lists_hold_only_the_companys_own_rows(string path)
    {
        using HttpClient admin = await SignInAsAdminAsync();

        JsonElement rows = await admin.GetFromJsonAsync<JsonElement>(path);

        Assert.NotEqual(0, rows.GetArrayLength());
        if (path != "/api/team")
        {
            Assert.All(rows.EnumerateArray(), row => Assert.Equal(_app.Attacker.CompanyId, row.GetProperty("companyId").GetInt32()));
        }
    }

    [Fact]
    public async Task Own_records_can_be_read_updated_and_deleted()
    {
        using HttpClient admin = await SignInAsAdminAsync();

        using HttpResponseMessage created = await admin.PostAsJsonAsync("/api/customers", new { name = "Hanna Roth", phone = "+49 151 1000099", email = "hanna@mail.example" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        JsonElement customer = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(_app.Attacker.CompanyId, customer.GetProperty("companyId").GetInt32());
        int id = customer.GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/customers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/customers/{id}", new { name = "Hanna Roth-Weber", phone = "+49 151 1000099", email = "hanna@mail.example" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/customers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/customers/{id}")).StatusCode);
    }

    [Fact]
    public async Task Booking_with_own_branch_service_and_staff_creates_the_appointment_in_the_company()
    {
        using HttpClient admin = await SignInAsAdminAsync();
        using BookingDbContext db = _app.OpenDatabase();
        var staff = db.Staff.IgnoreQueryFilters().First(s => s.CompanyId == _app.Attacker.CompanyId);

        using HttpResponseMessage response = await admin.PostAsJsonAsync("/api/appointments", new
        {
            branchId = staff.BranchId, serviceId = _app.Attacker.ServiceIds[0], staffId = staff.Id,
            customerName = "Nina Frank", customerPhone = "+49 151 1000098", startsAt = DateTime.UtcNow.AddDays(1),
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        int appointmentId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var appointment = db.Appointments.IgnoreQueryFilters().Single(a => a.Id == appointmentId);
        Assert.Equal(_app.Attacker.CompanyId, appointment.CompanyId);
        Assert.Equal(_app.Attacker.CompanyId, db.Customers.IgnoreQueryFilters().Single(c => c.Id == appointment.CustomerId).CompanyId);
    }

    [Fact]
    public async Task Calendar_api_key_is_encrypted_at_rest_and_never_returned()
    {
        using HttpClient admin = await SignInAsAdminAsync();
        const string newKey = "cal_live_aurora_rotated_5b9e";

        string before = await admin.GetStringAsync("/api/settings/integrations");
        using HttpResponseMessage saved = await admin.PutAsJsonAsync("/api/settings/integrations", new { provider = "calcom", eventTypeId = "evt_aurora_haircut", apiKey = newKey });
        string after = await saved.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.DoesNotContain(SeedAccounts.AuroraCalendarApiKey, before);
        Assert.DoesNotContain(newKey, after);
        Assert.True((await admin.GetFromJsonAsync<JsonElement>("/api/settings/integrations")).GetProperty("apiKeyConfigured").GetBoolean());
        using BookingDbContext db = _app.OpenDatabase();
        string stored = db.CalendarIntegrations.IgnoreQueryFilters().Single(i => i.CompanyId == _app.Attacker.CompanyId).ApiKey;
        Assert.NotEqual(newKey, stored);
        Assert.DoesNotContain("cal_live", stored);
    }

    [Fact]
    public async Task Assistant_tools_serve_the_companys_own_records()
    {
        using HttpClient admin = await SignInAsAdminAsync();

        using HttpResponseMessage customer = await admin.PostAsJsonAsync("/api/assistant/customers/find_by_phone", new { phone = _app.Attacker.CustomerPhones[0] });
        JsonElement overview = await (await admin.PostAsJsonAsync("/api/assistant/company/overview", new { })).Content.ReadFromJsonAsync<JsonElement>();
        using HttpResponseMessage signIn = await admin.PostAsJsonAsync("/api/assistant/authentication/sign_in",
            new { email = SeedAccounts.AuroraStaffEmail, password = SeedAccounts.AuroraStaffPassword });

        Assert.Equal(HttpStatusCode.OK, customer.StatusCode);
        Assert.Equal("Salon Aurora", overview.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task Admin_can_change_roles_within_the_company()
    {
        using HttpClient admin = await SignInAsAdminAsync();

        using HttpResponseMessage promoted = await admin.PutAsJsonAsync($"/api/team/{_app.Attacker.StaffUserId}/role", new { role = UserRoles.Admin });
        using HttpResponseMessage demoted = await admin.PutAsJsonAsync($"/api/team/{_app.Attacker.StaffUserId}/role", new { role = UserRoles.Staff });

        Assert.Equal(HttpStatusCode.NoContent, promoted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, demoted.StatusCode);
    }

    [Fact]
    public async Task Only_the_platform_operator_sees_the_cross_company_usage_report()
    {
        using HttpClient admin = await SignInAsAdminAsync();
        using HttpClient platformOperator = await _app.SignInAsync(SeedAccounts.OperatorEmail, SeedAccounts.OperatorPassword);

        using HttpResponseMessage refused = await admin.GetAsync("/api/platform/usage");
        JsonElement usage = await platformOperator.GetFromJsonAsync<JsonElement>("/api/platform/usage");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(3, usage.GetArrayLength());
    }

    [Fact]
    public async Task Wrong_password_is_unauthorized()
    {
        using HttpClient client = _app.CreateAnonymousClient();

        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/auth/login", new { email = SeedAccounts.AuroraAdminEmail, password = "guess" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Database_without_a_company_context_reads_no_tenant_rows()
    {
        using BookingDbContext db = _app.OpenDatabase();

        Assert.Empty(db.Customers.ToList());
        Assert.Empty(db.Appointments.ToList());
        Assert.Empty(db.Users.ToList());
        Assert.NotEmpty(db.Customers.IgnoreQueryFilters().ToList());
    }

    private Task<HttpClient> SignInAsAdminAsync() => _app.SignInAsync(SeedAccounts.AuroraAdminEmail, SeedAccounts.AuroraAdminPassword);
}
