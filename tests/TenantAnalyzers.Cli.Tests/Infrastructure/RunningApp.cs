using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TenantAnalyzers.Cli.Tests.Infrastructure;

/// <summary>A built sample app started on a free loopback port with its own SQLite file (seeded on start), stopped on dispose.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly Process _process;

    private RunningApp(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<RunningApp> StartAsync(string projectDirectory, string assembly)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--ConnectionStrings:Booking=Data Source=" + Path.Combine(projectDirectory, $"signin-{port}.db"));
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new RunningApp(process, address);

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                await client.GetAsync(address);
                return app;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(500);
            }
            catch (TaskCanceledException)
            {
            }
        }

        await app.DisposeAsync();
        throw new InvalidOperationException($"the app did not start within two minutes (exited: {process.HasExited})");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
