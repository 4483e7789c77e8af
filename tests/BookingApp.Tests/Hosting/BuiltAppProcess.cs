using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BookingApp.Tests.Hosting;

/// <summary>
/// A sample app built elsewhere (a copy the bulk fixers changed), run as its own process on a free localhost port with
/// a temporary SQLite file, so the attack suite can be sent to it over HTTP like to the in-process fixtures.
/// </summary>
public sealed class BuiltAppProcess : BookingAppHost, IAsyncDisposable
{
    /// <summary>Generous: the app starts and seeds its database in a few seconds on an idle machine.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Uri _address;

    private BuiltAppProcess(string assemblyPath, string databasePath, int port)
        : base(databasePath)
    {
        _address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assemblyPath, "--urls", _address.ToString() },
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Booking"] = ConnectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    /// <summary>What the app printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the app and waits until it answers HTTP and its database is seeded.</summary>
    public static async Task<BuiltAppProcess> StartAsync(string assemblyPath, string workDirectory)
    {
        var app = new BuiltAppProcess(assemblyPath, Path.Combine(workDirectory, $"booking-{Guid.NewGuid():N}.db"), FreePort());
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        await app.WaitUntilAnsweringAsync();
        app.LoadTenants();
        return app;
    }

    public override HttpClient CreateAnonymousClient() => new() { BaseAddress = _address };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        File.Delete(DatabasePath);
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = Stopwatch.StartNew();
        using HttpClient client = CreateAnonymousClient();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with {_process.ExitCode} before answering:\n{Output}");
            }

            try
            {
                // Any answer will do (401: not signed in): the app seeds its database before it listens.
                using HttpResponseMessage response = await client.GetAsync("/api/customers");
                return;
            }
            catch (HttpRequestException) when (deadline.Elapsed < StartTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
