using System.Net;
using BookingApp.Tests.Hosting;

namespace BookingApp.Tests.Attacks;

/// <summary>
/// One attempt by company A's admin to reach company B's data through one endpoint or assistant tool.
/// </summary>
/// <param name="SecuredStatus">What the secured app must answer.</param>
/// <param name="LegacyLeakMarker">
/// For reads: text of B's data that the legacy response leaks. Null for writes, where the legacy
/// leak is that B's rows change.
/// </param>
/// <param name="DenialAudited">
/// Whether the secured app writes a 404 refusal to the audit log. Look-ups by an id are; look-ups of
/// an unknown phone number are not, since a first-time caller is normal, not a probe.
/// </param>
public sealed record CrossTenantAttack(
    string Name,
    HttpMethod Method,
    Func<TenantRecords, string> Path,
    Func<TenantRecords, object>? Body,
    HttpStatusCode SecuredStatus,
    Func<TenantRecords, string>? LegacyLeakMarker,
    bool DenialAudited = true)
{
    public override string ToString() => Name;
}
