namespace BookingApp.Data;

/// <summary>
/// The company (tenant) of the current request. The only trusted source of a tenant id:
/// the query filters and every create read it from here, never from request input.
/// </summary>
public interface ICompanyContext
{
    /// <summary>The authenticated company. Throws when there is none, so code that forgets to check fails secure.</summary>
    int CompanyId { get; }

    /// <summary>Whether the request carries an authenticated company.</summary>
    bool HasCompany { get; }
}
