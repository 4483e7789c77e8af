namespace BookingApp.Data.Seeding;

/// <summary>
/// The sign-in accounts the seed creates. Documented so that the sample can be tried by hand
/// and so that the HTTP tests can sign in as each company.
/// </summary>
public static class SeedAccounts
{
    public const string AuroraAdminEmail = "anna.keller@salon-aurora.example";
    public const string AuroraAdminPassword = "aurora-admin-2024";
    public const string AuroraStaffEmail = "ben.wolf@salon-aurora.example";
    public const string AuroraStaffPassword = "aurora-staff-2024";

    public const string NordlichtAdminEmail = "nora.lind@nordlicht-physio.example";
    public const string NordlichtAdminPassword = "nordlicht-admin-2024";
    public const string NordlichtStaffEmail = "tim.berg@nordlicht-physio.example";
    public const string NordlichtStaffPassword = "nordlicht-staff-2024";

    public const string OperatorEmail = "ops@bookingcloud.example";
    public const string OperatorPassword = "operator-2024";

    public const string AuroraCalendarApiKey = "cal_live_aurora_7f3a9c2e41b8";
    public const string NordlichtCalendarApiKey = "cal_live_nordlicht_d41e8b07a6c5";
}
