namespace TenantAnalyzers.Authorization;

/// <summary>Where the reason for deliberate cross-tenant code comes from.</summary>
internal enum JustificationSource
{
    /// <summary>The bypass attribute with a written reason: <c>[CrossTenant("...")]</c> on the member or a containing type.</summary>
    Attribute,

    /// <summary>Authorization that admits only platform operators (roles, policies, role guards).</summary>
    Authorization,
}

/// <summary>
/// Why a finding is not reported: deliberate cross-tenant code and its reason as a report shows it (the attribute's
/// text, or the authorization, e.g. <c>Roles=SuperAdmin on TenantAdminController</c>). Only a real reason makes one:
/// an empty or placeholder justification justifies nothing.
/// </summary>
internal readonly struct Justification
{
    public Justification(JustificationSource source, string reason)
    {
        Source = source;
        Reason = reason;
    }

    public JustificationSource Source { get; }

    public string Reason { get; }

    /// <summary>The value of the <c>source</c> property of TI0200: <c>attribute</c> or <c>authorization</c>.</summary>
    public string SourceName => Source == JustificationSource.Attribute ? "attribute" : "authorization";
}
