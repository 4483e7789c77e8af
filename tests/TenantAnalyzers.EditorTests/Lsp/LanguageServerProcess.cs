using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using TenantAnalyzers.EditorTests.Infrastructure;

namespace TenantAnalyzers.EditorTests.Lsp;

/// <summary>
/// A language server process spoken to over stdio with JSON-RPC: requests with their responses, notifications both
/// ways, and requests from the server answered by <see cref="IServerRequests"/>. The server's stderr is kept (the
/// last lines) for failure messages. Disposing kills the process tree unless the server has exited.
/// </summary>
internal sealed class LanguageServerProcess : IAsyncDisposable
{
    private const int MethodNotFound = -32601;
    private const int LogLinesKept = 200;
    private static readonly TimeSpan CleanupBound = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Stream _serverInput;
    private readonly IServerRequests _client;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly ConcurrentDictionary<int, (string Method, TaskCompletionSource<JsonNode?> Answer)> _pending = new();
    private readonly Queue<string> _log = new();
    private readonly CancellationTokenSource _stopReading = new();
    private readonly Task _reading;
    private int _lastRequestId;
    private volatile bool _closed;

    private LanguageServerProcess(Process process, IServerRequests client)
    {
        _process = process;
        _client = client;
        _serverInput = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, e) => AddLog(e.Data);
        process.BeginErrorReadLine();
        _reading = Task.Run(ReadMessagesAsync);
    }

    public static LanguageServerProcess Start(
        string executable,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        IServerRequests client)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        ChildProcess.ApplyQuietEnvironment(start);

        // The tool's executable is an app host, which looks for the runtime in DOTNET_ROOT and the global install
        // locations but not on PATH: point it at the dotnet that runs the tests.
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is null or "" && Path.IsPathFullyQualified(ChildProcess.DotnetHost))
        {
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(ChildProcess.DotnetHost);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        return new LanguageServerProcess(process, client);
    }

    /// <summary>The last lines the server wrote to stderr, for failure messages.</summary>
    public string LogTail
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log);
            }
        }
    }

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan bound)
    {
        int id = Interlocked.Increment(ref _lastRequestId);
        var answer = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = (method, answer);
        if (_closed)
        {
            FailPending("the language server has closed its output");
        }

        await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        try
        {
            return await answer.Task.WaitAsync(bound);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no answer to {method} within {bound.TotalMinutes:0.#} min; server log:\n{LogTail}");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Waits for the process to exit by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan bound)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(bound);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the language server did not exit within {bound.TotalSeconds:0} s; server log:\n{LogTail}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true); // does nothing if it exited meanwhile
        }

        // Bounded: a killed server's pipes close at once, and a test must not hang on its cleanup.
        _stopReading.Cancel();
        await Task.WhenAny(_reading, Task.Delay(CleanupBound));
        _process.Dispose();
        _stopReading.Dispose();
        _writing.Dispose();
    }

    private async Task WriteAsync(JsonNode message)
    {
        byte[] frame = MessageFraming.Frame(message);
        await _writing.WaitAsync();
        try
        {
            await _serverInput.WriteAsync(frame);
            await _serverInput.FlushAsync();
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task ReadMessagesAsync()
    {
        string ending = "the language server closed its output";
        try
        {
            var output = new BufferedStream(_process.StandardOutput.BaseStream);
            while (await MessageFraming.ReadAsync(output, _stopReading.Token) is JsonObject message)
            {
                await DispatchAsync(message);
            }
        }
        catch (OperationCanceledException) when (_stopReading.IsCancellationRequested)
        {
            ending = "the test stopped reading from the language server";
        }
        catch (Exception exception)
        {
            ending = $"reading from the language server failed: {exception}";
        }

        _closed = true;
        FailPending(ending);
    }

    private async Task DispatchAsync(JsonObject message)
    {
        string? method = message["method"]?.GetValue<string>();
        JsonNode? id = message["id"];
        if (method is not null && id is not null)
        {
            await AnswerServerRequestAsync(id, method, message["params"]);
        }
        else if (method is not null)
        {
            _client.Notified(method, message["params"]);
        }
        else if (id is not null && _pending.TryRemove(id.GetValue<int>(), out var pending))
        {
            if (message["error"] is JsonNode error)
            {
                pending.Answer.TrySetException(new ResponseErrorException(
                    pending.Method,
                    error["code"]?.GetValue<int>() ?? 0,
                    error["message"]?.GetValue<string>() ?? error.ToJsonString()));
            }
            else
            {
                pending.Answer.TrySetResult(message["result"]?.DeepClone());
            }
        }
    }

    private async Task AnswerServerRequestAsync(JsonNode id, string method, JsonNode? parameters)
    {
        var response = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone() };
        if (_client.TryAnswer(method, parameters, out JsonNode? result))
        {
            response["result"] = result;
        }
        else
        {
            response["error"] = new JsonObject { ["code"] = MethodNotFound, ["message"] = $"the test client does not handle {method}" };
        }

        await WriteAsync(response);
    }

    private void FailPending(string reason)
    {
        foreach (int id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Answer.TrySetException(new IOException($"{reason} before answering {pending.Method}; server log:\n{LogTail}"));
            }
        }
    }

    private void AddLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            if (_log.Count > LogLinesKept)
            {
                _log.Dequeue();
            }
        }
    }
}

/// <summary>A request the server answered with an error.</summary>
internal sealed class ResponseErrorException(string method, int code, string message)
    : Exception($"{method} failed with error {code}: {message}")
{
    public int Code { get; } = code;
}

/// <summary>What the client side does with the messages a language server starts.</summary>
internal interface IServerRequests
{
    /// <summary>Answers a request from the server; false for a method the client does not handle.</summary>
    bool TryAnswer(string method, JsonNode? parameters, out JsonNode? result);

    void Notified(string method, JsonNode? parameters);
}
