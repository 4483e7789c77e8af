using System;
using System.Collections.Generic;
using System.Globalization;

namespace TenantAnalyzers.Baseline;

/// <summary>
/// <c>tenant-baseline.json</c>: the known findings a legacy code base is paying down, written by <c>tenant-audit
/// baseline</c> and read by the CLI and by <see cref="BaselineSuppressor"/> in every build. Self-describing and
/// versioned, so that any other JSON file is recognised as foreign:
/// <code>
/// { "format": "tenant-audit-baseline", "version": 1, "paths": "relative to this file's folder",
///   "findings": [ { "rule": "TI0001", "file": "Services/Orders.cs", "member": "M:App.Orders.List", "code": "9f86d081884c7d65", "occurrence": 0 } ] }
/// </code>
/// Other properties (a message, the tool that wrote it) are for people and are ignored.
/// </summary>
internal sealed class BaselineFile
{
    public const string FormatName = "tenant-audit-baseline";
    public const int CurrentVersion = 1;
    public const string DefaultFileName = "tenant-baseline.json";
    public const string PathsNote = "relative to this file's folder";

    private readonly HashSet<FindingKey> _keys;

    private BaselineFile(List<FindingKey> findings)
    {
        Findings = findings;
        _keys = new HashSet<FindingKey>(findings);
    }

    public IReadOnlyList<FindingKey> Findings { get; }

    public bool Contains(FindingKey key) => _keys.Contains(key);

    /// <summary>Reads a baseline; a <see cref="FormatException"/> says why a file is not one this version can use.</summary>
    public static BaselineFile Parse(string text)
    {
        object? root;
        try
        {
            root = JsonValueReader.Parse(text);
        }
        catch (FormatException e)
        {
            throw new FormatException("not valid JSON: " + e.Message, e);
        }

        if (root is not Dictionary<string, object?> document
            || !document.TryGetValue("format", out var format)
            || format is not string formatName
            || formatName != FormatName)
        {
            throw new FormatException($"not a tenant-audit baseline (no \"format\": \"{FormatName}\")");
        }

        if (!document.TryGetValue("version", out var version) || version is not double number || number != CurrentVersion)
        {
            throw new FormatException($"baseline version {Describe(version)} is not supported; this version reads version {CurrentVersion}");
        }

        if (!document.TryGetValue("findings", out var findingsValue) || findingsValue is not List<object?> items)
        {
            throw new FormatException("no \"findings\" array");
        }

        var findings = new List<FindingKey>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not Dictionary<string, object?> item
                || !TryGetString(item, "rule", out var rule)
                || !TryGetString(item, "file", out var file)
                || !TryGetString(item, "member", out var member)
                || !TryGetString(item, "code", out var code)
                || !item.TryGetValue("occurrence", out var occurrenceValue)
                || occurrenceValue is not double occurrence
                || occurrence < 0
                || occurrence != Math.Floor(occurrence))
            {
                throw new FormatException($"finding {i} needs rule, file, member, code (strings) and occurrence (a whole number)");
            }

            findings.Add(new FindingKey(rule, FindingKeys.NormalizePath(file), member, code, (int)occurrence));
        }

        return new BaselineFile(findings);
    }

    private static bool TryGetString(Dictionary<string, object?> item, string name, out string value)
    {
        value = item.TryGetValue(name, out var raw) && raw is string text ? text : null!;
        return value is not null;
    }

    private static string Describe(object? value) => value switch
    {
        null => "(missing)",
        double d => d.ToString(CultureInfo.InvariantCulture),
        string s => "\"" + s + "\"",
        _ => value.ToString() ?? "?",
    };
}
