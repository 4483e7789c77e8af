using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using TenantAnalyzers.Baseline;
using TenantAnalyzers.Cli.Analysis;
using TenantAnalyzers.Cli.CommandLine;

namespace TenantAnalyzers.Cli.Baselines;

/// <summary>Reads and writes <c>tenant-baseline.json</c> (the format is <see cref="BaselineFile"/>'s, shared with the build's suppressor).</summary>
internal static class BaselineStore
{
    public static BaselineFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new AuditException($"baseline not found: '{path}'.");
        }

        try
        {
            return BaselineFile.Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new AuditException($"'{path}' is not a usable baseline: {e.Message}.");
        }
    }

    /// <summary>
    /// The baseline of <paramref name="entries"/>, sorted so that a re-run over the same code writes the same bytes and a
    /// review diff shows only what changed. Each entry carries the finding's message for the reader; no line numbers.
    /// </summary>
    public static string Serialize(IEnumerable<(FindingKey Key, string Message)> entries)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", BaselineFile.FormatName);
            json.WriteNumber("version", BaselineFile.CurrentVersion);
            json.WriteString("tool", "tenant-audit " + ToolVersion.Current);
            json.WriteString("paths", BaselineFile.PathsNote);
            json.WriteString("about", "Known tenant isolation findings (TI0001-TI0005) being paid down. The build suppresses exactly these when this file is an AdditionalFile; 'tenant-audit scan --baseline' fails on any other. Keyed by rule, file, member, a hash of the flagged code and its occurrence: never by line.");
            json.WriteStartArray("findings");
            foreach (var (key, message) in entries
                .OrderBy(e => e.Key.File, StringComparer.Ordinal)
                .ThenBy(e => e.Key.Member, StringComparer.Ordinal)
                .ThenBy(e => e.Key.Rule, StringComparer.Ordinal)
                .ThenBy(e => e.Key.CodeHash, StringComparer.Ordinal)
                .ThenBy(e => e.Key.Occurrence))
            {
                json.WriteStartObject();
                json.WriteString("rule", key.Rule);
                json.WriteString("file", key.File);
                json.WriteString("member", key.Member);
                json.WriteString("code", key.CodeHash);
                json.WriteNumber("occurrence", key.Occurrence);
                json.WriteString("message", message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static IEnumerable<(FindingKey Key, string Message)> EntriesOf(IEnumerable<Finding> findings) =>
        findings.Select(f => (f.Key, f.Message));
}
