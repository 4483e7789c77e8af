using System.Diagnostics;
using System.Text.Json.Nodes;
using TenantAnalyzers.EditorTests.Consumer;

namespace TenantAnalyzers.EditorTests.Lsp;

/// <summary>
/// The editor's side of an LSP session with csharp-ls, as VS Code or Neovim would hold it: initialize with the
/// consumer folder as the workspace, answer the server's requests (the <c>csharp</c> configuration section turns
/// analyzers on; capability registrations and progress tokens are accepted), open and edit a document in memory,
/// and pull its diagnostics.
/// </summary>
internal sealed class EditorSession : IAsyncDisposable, IServerRequests
{
    // Errors with which LSP tells a client to ask again.
    private const int RequestCancelled = -32800;
    private const int ContentModified = -32801;
    private const int ServerCancelled = -32802;

    private const int ErrorSeverity = 1;

    /// <summary>csharp-ls 0.24+ runs analyzers (ours among them) only when the client's configuration asks for it.</summary>
    private static readonly JsonObject CsharpSection = new() { ["analyzersEnabled"] = true };

    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();
    private readonly HashSet<string> _workspaceLoadTokens = [];
    private readonly LanguageServerProcess _server;
    private int _pushedDiagnostics;

    private EditorSession(string executable, string workspaceDirectory, IReadOnlyDictionary<string, string> environment)
    {
        _server = LanguageServerProcess.Start(executable, workspaceDirectory, environment, this);
    }

    /// <summary>From the start of the server until its progress report said the workspace folder was loaded.</summary>
    public TimeSpan? WorkspaceLoaded { get; private set; }

    /// <summary>How many textDocument/publishDiagnostics the server sent (0.28.0 serves diagnostics by pull only).</summary>
    public int PushedDiagnostics => Volatile.Read(ref _pushedDiagnostics);

    public TimeSpan SinceStart => _sinceStart.Elapsed;

    public string ServerLog => _server.LogTail;

    /// <summary>Starts the server and completes the initialize handshake; returns the server's name and version.</summary>
    public static async Task<(EditorSession Session, string ServerInfo)> StartAsync(
        string executable,
        string workspaceDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan bound)
    {
        var session = new EditorSession(executable, workspaceDirectory, environment);
        try
        {
            string workspaceUri = new Uri(workspaceDirectory).AbsoluteUri;
            JsonNode? result = await session._server.RequestAsync("initialize", new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["clientInfo"] = new JsonObject { ["name"] = "TenantAnalyzers.EditorTests" },
                ["rootUri"] = workspaceUri,
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = workspaceUri, ["name"] = Path.GetFileName(workspaceDirectory) }),
                ["capabilities"] = new JsonObject
                {
                    ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                    ["textDocument"] = new JsonObject
                    {
                        ["synchronization"] = new JsonObject { ["didSave"] = true },
                        ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = true },
                        ["publishDiagnostics"] = new JsonObject(),
                    },
                    ["window"] = new JsonObject { ["workDoneProgress"] = true },
                },
            }, bound);
            await session._server.NotifyAsync("initialized", new JsonObject());
            JsonNode? serverInfo = result?["serverInfo"];
            return (session, $"{serverInfo?["name"]} {serverInfo?["version"]}");
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public Task OpenAsync(string path, string text) =>
        _server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });

    /// <summary>An unsaved edit: replaces one range of the open document (an incremental change, as editors send).</summary>
    public Task ChangeAsync(string path, int version, int line, int startCharacter, int endCharacter, string newText) =>
        _server.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject
                {
                    ["start"] = new JsonObject { ["line"] = line, ["character"] = startCharacter },
                    ["end"] = new JsonObject { ["line"] = line, ["character"] = endCharacter },
                },
                ["text"] = newText,
            }),
        });

    /// <summary>
    /// A document's diagnostics, pulled (textDocument/diagnostic) as an editor does after a change; null when the
    /// server cancelled the request because the document or the solution changed meanwhile, which LSP tells the
    /// client to answer by asking again.
    /// </summary>
    public async Task<DocumentDiagnostics?> PullDiagnosticsAsync(string path, TimeSpan bound)
    {
        JsonNode? report;
        try
        {
            report = await _server.RequestAsync("textDocument/diagnostic", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri(path) },
            }, bound);
        }
        catch (ResponseErrorException error) when (error.Code is RequestCancelled or ServerCancelled or ContentModified)
        {
            return null;
        }

        string? kind = report?["kind"]?.GetValue<string>();
        if (kind != "full")
        {
            throw new InvalidOperationException($"expected a full diagnostic report, got: {report?.ToJsonString() ?? "null"}");
        }

        var tenant = new HashSet<Finding>();
        var errors = new List<string>();
        foreach (JsonNode? item in report!["items"]?.AsArray() ?? [])
        {
            // A code is a string or a number in LSP; Roslyn's are strings.
            string code = item?["code"] is JsonValue value && value.TryGetValue(out string? text) ? text : "";
            JsonNode start = item!["range"]!["start"]!;
            var finding = new Finding(code, start["line"]!.GetValue<int>(), start["character"]!.GetValue<int>());
            if (code.StartsWith("TI", StringComparison.Ordinal))
            {
                tenant.Add(finding);
            }
            else if (item["severity"]?.GetValue<int>() == ErrorSeverity)
            {
                errors.Add($"{finding}: {item["message"]}");
            }
        }

        return new DocumentDiagnostics(tenant, errors);
    }

    /// <summary>shutdown, then exit, as an editor closes a session; returns the server's exit code.</summary>
    public async Task<int> ShutdownAsync(TimeSpan bound)
    {
        await _server.RequestAsync("shutdown", null, bound);
        await _server.NotifyAsync("exit", null);
        return await _server.WaitForExitAsync(bound);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    bool IServerRequests.TryAnswer(string method, JsonNode? parameters, out JsonNode? result)
    {
        result = null;
        switch (method)
        {
            case "workspace/configuration":
                var sections = new JsonArray();
                foreach (JsonNode? item in parameters?["items"]?.AsArray() ?? [])
                {
                    sections.Add(item?["section"]?.GetValue<string>() == "csharp" ? CsharpSection.DeepClone() : null);
                }

                result = sections;
                return true;
            case "client/registerCapability":
            case "client/unregisterCapability":
            case "window/workDoneProgress/create":
                return true;
            default:
                return false;
        }
    }

    void IServerRequests.Notified(string method, JsonNode? parameters)
    {
        switch (method)
        {
            case "textDocument/publishDiagnostics":
                Interlocked.Increment(ref _pushedDiagnostics);
                break;
            case "$/progress":
                TrackWorkspaceLoad(parameters);
                break;
        }
    }

    private void TrackWorkspaceLoad(JsonNode? progress)
    {
        string? token = progress?["token"]?.ToJsonString();
        JsonNode? value = progress?["value"];
        string? kind = value?["kind"]?.GetValue<string>();
        lock (_workspaceLoadTokens)
        {
            if (kind == "begin" && value?["title"]?.GetValue<string>() is { } title && title.StartsWith("Loading workspace", StringComparison.Ordinal))
            {
                _workspaceLoadTokens.Add(token!);
            }
            else if (kind == "end" && token is not null && _workspaceLoadTokens.Contains(token))
            {
                WorkspaceLoaded ??= _sinceStart.Elapsed;
            }
        }
    }

    private static string Uri(string path) => new Uri(path).AbsoluteUri;
}

/// <summary>What an editor shows for a document: our TI diagnostics, and any compiler or analyzer errors.</summary>
internal sealed record DocumentDiagnostics(IReadOnlySet<Finding> Tenant, IReadOnlyList<string> Errors)
{
    public override string ToString() =>
        Errors.Count == 0 ? Finding.Describe(Tenant) : $"{Finding.Describe(Tenant)} and errors: {string.Join("; ", Errors)}";
}
