using System.Net.Http.Headers;
using System.Net.Http.Json;
using BookingApp.Data;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Tests.Hosting;

/// <summary>
/// A running sample app on its own temporary SQLite file, seeded by the app itself on start-up: how tests reach it
/// (anonymous and signed-in clients) and a test-side view of its database. Hosted in-process
/// (<see cref="SampleAppFixture{TEntryPoint}"/>) or as a built app in its own process (<see cref="BuiltAppProcess"/>).
/// </summary>
public abstract class BookingAppHost
{
    protected BookingAppHost(string databasePath)
    {
        DatabasePath = databasePath;

        // Pooling off so the file is released when the test run ends and can be deleted.
        ConnectionString = $"Data Source={databasePath};Pooling=False";
    }

    public string DatabasePath { get; }

    public string ConnectionString { get; }

    /// <summary>Company A, the attacker's company ("Salon Aurora").</summary>
    public TenantRecords Attacker { get; private set; } = null!;

    /// <summary>Company B, the victim ("Nordlicht Physiotherapie").</summary>
    public TenantRecords Victim { get; private set; } = null!;

    /// <summary>A client of the app, not signed in.</summary>
    public abstract HttpClient CreateAnonymousClient();

    /// <summary>A client signed in through <c>POST /api/auth/login</c>; throws when the sign-in fails.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        HttpClient client = CreateAnonymousClient();
        HttpResponseMessage response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<LoginResult>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login!.Token);
        return client;
    }

    /// <summary>A context without a company: the filters hide everything, so tests read with IgnoreQueryFilters.</summary>
    public BookingDbContext OpenDatabase() =>
        new(new DbContextOptionsBuilder<BookingDbContext>().UseSqlite(ConnectionString).Options, new NoCompanyContext());

    /// <summary>Reads the seeded companies' ids, once the app has created the database.</summary>
    protected void LoadTenants()
    {
        using BookingDbContext db = OpenDatabase();
        Attacker = TenantRecords.Load(db, "salon-aurora");
        Victim = TenantRecords.Load(db, "nordlicht-physio");
    }

    private sealed record LoginResult(string Token);

    private sealed class NoCompanyContext : ICompanyContext
    {
        public int CompanyId => throw new InvalidOperationException("The test-side context has no company.");

        public bool HasCompany => false;
    }
}
