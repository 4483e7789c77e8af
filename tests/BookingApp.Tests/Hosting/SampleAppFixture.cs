using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BookingApp.Tests.Hosting;

/// <summary>Hosts one sample app in-process (<see cref="WebApplicationFactory{TEntryPoint}"/>) for a test class.</summary>
public abstract class SampleAppFixture<TEntryPoint> : BookingAppHost, IAsyncLifetime
    where TEntryPoint : class
{
    private readonly WebApplicationFactory<TEntryPoint> _factory;

    protected SampleAppFixture()
        : base(Path.Combine(Path.GetTempPath(), $"booking-tests-{Guid.NewGuid():N}.db"))
    {
        _factory = new WebApplicationFactory<TEntryPoint>().WithWebHostBuilder(builder =>
            builder.UseSetting("ConnectionStrings:Booking", ConnectionString));
    }

    public Task InitializeAsync()
    {
        _factory.CreateClient().Dispose(); // starts the app, which creates and seeds the database
        LoadTenants();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        File.Delete(DatabasePath);
    }

    public override HttpClient CreateAnonymousClient() => _factory.CreateClient();
}

public sealed class SecureAppFixture : SampleAppFixture<SecureProgram>;

public sealed class LegacyAppFixture : SampleAppFixture<Legacy.LegacyProgram>;
