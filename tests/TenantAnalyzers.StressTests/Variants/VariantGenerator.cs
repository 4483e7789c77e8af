using TenantAnalyzers.StressTests.Sources;

namespace TenantAnalyzers.StressTests.Variants;

/// <summary>One broken state of a source and the edits that made it.</summary>
public sealed record Variant(StressSource Source, int Index, string Text, string Edits)
{
    public override string ToString() => $"{Source.Name} variant {Index} ({Edits})";
}

/// <summary>
/// Derives broken variants of a source by one to three <see cref="EditorEdits"/> in a row. Deterministic: the same seed
/// and source give the same variants, in the same order, on every machine (the random generator of each source is
/// seeded from the run's seed and a stable hash of the source's name).
/// </summary>
public static class VariantGenerator
{
    public static IEnumerable<Variant> For(StressSource source, int count, int seed)
    {
        var random = new Random(seed ^ StableHash(source.Name));
        for (var index = 0; index < count; index++)
        {
            var text = source.Text;
            var edits = new List<string>();
            var editCount = random.NextDouble() switch { < 0.6 => 1, < 0.9 => 2, _ => 3 };
            for (var attempt = 0; edits.Count < editCount && attempt < 20; attempt++)
            {
                var editable = new EditableText(text);
                if (editable.Tokens.Count == 0)
                {
                    break;
                }

                var (name, apply) = EditorEdits.All[random.Next(EditorEdits.All.Count)];
                if (apply(random, editable) is { } edited && edited != text)
                {
                    text = edited;
                    edits.Add(name);
                }
            }

            yield return new Variant(source, index, text, edits.Count == 0 ? "unchanged" : string.Join(" + ", edits));
        }
    }

    /// <summary>FNV-1a: <see cref="string.GetHashCode()"/> differs from one process to the next.</summary>
    public static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }
}
