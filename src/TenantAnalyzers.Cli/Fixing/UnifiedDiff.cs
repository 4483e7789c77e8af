using System;
using System.Collections.Generic;
using System.Text;

namespace TenantAnalyzers.Cli.Fixing;

/// <summary>A unified diff (<c>diff -u</c> style, 3 lines of context) of one file, from a longest-common-subsequence of its lines.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string path, string before, string after)
    {
        var a = SplitLines(before);
        var b = SplitLines(after);
        var edits = Edits(a, b);
        var output = new StringBuilder();
        output.Append("--- a/").Append(path).Append('\n');
        output.Append("+++ b/").Append(path).Append('\n');
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk: from Context lines before this change to Context lines after the last change closer than 2*Context.
            var start = Math.Max(0, i - Context);
            var end = i;
            var lastChange = i;
            while (end < edits.Count && (edits[end].Kind != ' ' || end - lastChange <= 2 * Context))
            {
                if (edits[end].Kind != ' ')
                {
                    lastChange = end;
                }

                end++;
            }

            end = Math.Min(edits.Count, lastChange + Context + 1);
            var oldStart = edits[start].OldLine;
            var newStart = edits[start].NewLine;
            int oldCount = 0, newCount = 0;
            for (var k = start; k < end; k++)
            {
                oldCount += edits[k].Kind != '+' ? 1 : 0;
                newCount += edits[k].Kind != '-' ? 1 : 0;
            }

            output.Append($"@@ -{oldStart + 1},{oldCount} +{newStart + 1},{newCount} @@\n");
            for (var k = start; k < end; k++)
            {
                output.Append(edits[k].Kind).Append(edits[k].Text).Append('\n');
            }

            i = end;
        }

        return output.ToString();
    }

    private static List<(char Kind, string Text, int OldLine, int NewLine)> Edits(string[] a, string[] b)
    {
        // Common prefix and suffix first: a fix changes a few lines of a file, so the table below stays small.
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        int n = a.Length - prefix - suffix, m = b.Length - prefix - suffix;
        var lcs = new int[n + 1, m + 1];
        for (var x = n - 1; x >= 0; x--)
        {
            for (var y = m - 1; y >= 0; y--)
            {
                lcs[x, y] = a[prefix + x] == b[prefix + y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
            }
        }

        var edits = new List<(char, string, int, int)>();
        for (var k = 0; k < prefix; k++)
        {
            edits.Add((' ', a[k], k, k));
        }

        int p = 0, q = 0;
        while (p < n || q < m)
        {
            if (p < n && q < m && a[prefix + p] == b[prefix + q])
            {
                edits.Add((' ', a[prefix + p], prefix + p, prefix + q));
                p++;
                q++;
            }
            else if (p < n && (q == m || lcs[p + 1, q] >= lcs[p, q + 1]))
            {
                edits.Add(('-', a[prefix + p], prefix + p, prefix + q));
                p++;
            }
            else
            {
                edits.Add(('+', b[prefix + q], prefix + p, prefix + q));
                q++;
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            edits.Add((' ', a[a.Length - suffix + k], a.Length - suffix + k, b.Length - suffix + k));
        }

        return edits;
    }

    private static string[] SplitLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return lines.Length > 0 && lines[^1].Length == 0 ? lines[..^1] : lines;
    }
}
