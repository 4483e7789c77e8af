using System.Net.Http.Headers;
using System.Net.Http.Json;
using BookingApp.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Tests.Hosting;

/// <summary>
/// Hosts one sample app in-process on its own temporary SQLite file, seeded by the app itself on
/// start-up, and gives tests signed-in clients and a test-side view of the database.
/// </summary>
public abstract class SampleAppFixture<TEntryPoint> : IAsyncLifetime
    where TEntryPoint : class
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"booking-tests-{Guid.NewGuid():N}.db");
    private readonly WebApplicationFactory<TEntryPoint> _factory;

    protected SampleAppFixture()
    {
        // Pooling off so the file is released when the test run ends and can be deleted.
        ConnectionString = $"Data Source={_databasePath};Pooling=False";
        _factory = new WebApplicationFactory<TEntryPoint>().WithWebHostBuilder(builder =>
            builder.UseSetting("ConnectionStrings:Booking", ConnectionString));
    }

    public string ConnectionString { get; }

    /// <summary>Company A, the attacker's company ("Salon Aurora").</summary>
    public TenantRecords Attacker { get; private set; } = null!;

    /// <summary>Company B, the victim ("Nordlicht Physiotherapie").</summary>
    public TenantRecords Victim { get; private set; } = null!;

    public Task InitializeAsync()
    {
        _factory.CreateClient().Dispose(); // starts the app, which creates and seeds the database
        using BookingDbContext db = OpenDatabase();
        Attacker = TenantRecords.Load(db, "salon-aurora");
        Victim = TenantRecords.Load(db, "nordlicht-physio");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        File.Delete(_databasePath);
    }

    public HttpClient CreateAnonymousClient() => _factory.CreateClient();

    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        HttpClient client = _factory.CreateClient();
        HttpResponseMessage response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<LoginResult>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login!.Token);
        return client;
    }

    /// <summary>A context without a company: the filters hide everything, so tests read with IgnoreQueryFilters.</summary>
    public BookingDbContext OpenDatabase() =>
        new(new DbContextOptionsBuilder<BookingDbContext>().UseSqlite(ConnectionString).Options, new NoCompanyContext());

    private sealed record LoginResult(string Token);

    private sealed class NoCompanyContext : ICompanyContext
    {
        public int CompanyId => throw new InvalidOperationException("The test-side context has no company.");

        public bool HasCompany => false;
    }
}

public sealed class SecureAppFixture : SampleAppFixture<SecureProgram>;

public sealed class LegacyAppFixture : SampleAppFixture<Legacy.LegacyProgram>;
