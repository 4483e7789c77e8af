using System.Net;
using BookingApp.Data.Seeding;
using BookingApp.Tests.Hosting;

namespace BookingApp.Tests.Attacks;

/// <summary>
/// Every endpoint and assistant tool, attacked with company B's ids by company A's admin. Writes
/// target distinct rows of B so that, against the legacy app, one attack's damage never hides another's.
/// </summary>
public static class AttackCatalog
{
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Post = HttpMethod.Post;
    private static readonly HttpMethod Put = HttpMethod.Put;
    private static readonly HttpMethod Delete = HttpMethod.Delete;

    private static string OwnedByVictim(TenantRecords victim) => $"\"companyId\":{victim.CompanyId}";

    public static readonly IReadOnlyList<CrossTenantAttack> All =
    [
        // Portal API reads.
        new("read customer", Get, v => $"/api/customers/{v.CustomerIds[0]}", null, HttpStatusCode.NotFound, OwnedByVictim),
        new("read appointment", Get, v => $"/api/appointments/{v.AppointmentIds[0]}", null, HttpStatusCode.NotFound, OwnedByVictim),
        new("read call", Get, v => $"/api/calls/{v.CallIds[0]}", null, HttpStatusCode.NotFound, OwnedByVictim),
        new("read branch", Get, v => $"/api/branches/{v.BranchIds[0]}", null, HttpStatusCode.NotFound, OwnedByVictim),
        new("read staff", Get, v => $"/api/staff/{v.StaffIds[0]}", null, HttpStatusCode.NotFound, OwnedByVictim),
        new("read service", Get, v => $"/api/services/{v.ServiceIds[0]}", null, HttpStatusCode.NotFound, OwnedByVictim),

        // Portal API writes.
        new("update customer", Put, v => $"/api/customers/{v.CustomerIds[1]}", _ => new { name = "Hijacked", phone = "+49 000", email = "x@attacker.example" }, HttpStatusCode.NotFound, null),
        new("delete customer", Delete, v => $"/api/customers/{v.CustomerIds[2]}", null, HttpStatusCode.NotFound, null),
        new("cancel appointment", Post, v => $"/api/appointments/{v.AppointmentIds[1]}/cancel", null, HttpStatusCode.NotFound, null),
        new("update branch", Put, v => $"/api/branches/{v.BranchIds[1]}", _ => new { name = "Closed", city = "Nowhere", phone = "+49 000" }, HttpStatusCode.NotFound, null),
        new("delete staff", Delete, v => $"/api/staff/{v.StaffIds[2]}", null, HttpStatusCode.NotFound, null),
        new("update service price", Put, v => $"/api/services/{v.ServiceIds[1]}", _ => new { name = "Manual therapy", durationMinutes = 45, priceCents = 1 }, HttpStatusCode.NotFound, null),
        new("change team member role", Put, v => $"/api/team/{v.StaffUserId}/role", _ => new { role = "admin" }, HttpStatusCode.NotFound, null),
        new("book appointment claiming company B", Post, _ => "/api/appointments",
            v => new { companyId = v.CompanyId, branchId = v.BranchIds[0], serviceId = v.ServiceIds[0], staffId = v.StaffIds[0], customerName = "Mallory", customerPhone = "+49 999 0000001", startsAt = DateTime.UtcNow.AddDays(2) },
            HttpStatusCode.BadRequest, null),
        new("book with company B's branch, service and staff", Post, _ => "/api/appointments",
            v => new { branchId = v.BranchIds[0], serviceId = v.ServiceIds[0], staffId = v.StaffIds[0], customerName = "Mallory", customerPhone = v.CustomerPhones[3], startsAt = DateTime.UtcNow.AddDays(3) },
            HttpStatusCode.NotFound, v => $"\"staffId\":{v.StaffIds[0]}"),
        new("calendar webhook cancels appointment", Post, _ => "/api/webhooks/calendar/booking-cancelled",
            v => new { appointmentId = v.AppointmentIds[4] }, HttpStatusCode.NotFound, null),

        // Assistant tools.
        new("assistant: customer by phone", Post, _ => "/api/assistant/customers/find_by_phone", v => new { phone = v.CustomerPhones[0] }, HttpStatusCode.NotFound, OwnedByVictim, DenialAudited: false),
        new("assistant: customer by id", Post, _ => "/api/assistant/customers/get", v => new { customerId = v.CustomerIds[0] }, HttpStatusCode.NotFound, OwnedByVictim),
        new("assistant: branch by id", Post, _ => "/api/assistant/branches/get", v => new { branchId = v.BranchIds[0] }, HttpStatusCode.NotFound, OwnedByVictim),
        new("assistant: company overview by id", Post, _ => "/api/assistant/company/overview", v => new { companyId = v.CompanyId }, HttpStatusCode.BadRequest, _ => SeedAccounts.NordlichtCalendarApiKey),
        new("assistant: caller's appointments by phone", Post, _ => "/api/assistant/appointments/find_for_caller", v => new { phone = v.CustomerPhones[0] }, HttpStatusCode.NotFound, OwnedByVictim, DenialAudited: false),
        new("assistant: cancel appointment", Post, _ => "/api/assistant/appointments/cancel", v => new { appointmentId = v.AppointmentIds[3], phone = v.AppointmentCallerPhones[3] }, HttpStatusCode.NotFound, null),
        new("assistant: sign in with company B's credentials", Post, _ => "/api/assistant/authentication/sign_in",
            _ => new { email = SeedAccounts.NordlichtStaffEmail, password = SeedAccounts.NordlichtStaffPassword }, HttpStatusCode.NotFound, OwnedByVictim),
        new("assistant: change team member role", Post, _ => "/api/assistant/team/set_role", v => new { userId = v.AdminUserId, role = "staff" }, HttpStatusCode.NotFound, null),
        new("assistant: record call claiming company B", Post, _ => "/api/assistant/webhooks/call_ended",
            v => new { companyId = v.CompanyId, branchId = v.BranchIds[0], fromNumber = "+49 999 0000002", durationSeconds = 60, summary = "Fake call" }, HttpStatusCode.BadRequest, null),
        new("assistant: record call on company B's branch", Post, _ => "/api/assistant/webhooks/call_ended",
            v => new { branchId = v.BranchIds[1], fromNumber = "+49 999 0000003", durationSeconds = 60, summary = "Fake call" }, HttpStatusCode.NotFound, null),
    ];

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (CrossTenantAttack attack in All)
        {
            names.Add(attack.Name);
        }

        return names;
    }

    /// <summary>
    /// Attacks that do not apply to the legacy app: its call_ended always takes a company argument, and
    /// its calendar webhook scopes to a signed-in caller's own company (its hole is the anonymous
    /// fallback, tested on its own).
    /// </summary>
    private static readonly HashSet<string> SecuredAppOnly =
        ["assistant: record call on company B's branch", "calendar webhook cancels appointment"];

    public static TheoryData<string> LegacyNames()
    {
        var names = new TheoryData<string>();
        foreach (CrossTenantAttack attack in All.Where(a => !SecuredAppOnly.Contains(a.Name)))
        {
            names.Add(attack.Name);
        }

        return names;
    }

    public static CrossTenantAttack Named(string name) => All.Single(a => a.Name == name);

    public static HttpRequestMessage ToRequest(this CrossTenantAttack attack, TenantRecords victim)
    {
        var request = new HttpRequestMessage(attack.Method, attack.Path(victim));
        if (attack.Body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(attack.Body(victim));
        }

        return request;
    }
}
