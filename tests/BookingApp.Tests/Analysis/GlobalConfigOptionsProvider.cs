using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BookingApp.Tests.Analysis;

/// <summary>
/// Hands the options of a project's <c>.globalconfig</c> to analyzers, as the compiler does in a build:
/// a global config applies to every file, so every tree sees the same options.
/// </summary>
public sealed class GlobalConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions _options;

    public GlobalConfigOptionsProvider(ImmutableDictionary<string, string> options)
    {
        _options = new DictionaryOptions(options);
    }

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    /// <summary>Reads a <c>.globalconfig</c> with Roslyn's own parser, so its rules (is_global, comments, sections) hold.</summary>
    public static GlobalConfigOptionsProvider FromFile(string path)
    {
        AnalyzerConfig config = AnalyzerConfig.Parse(File.ReadAllText(path), path);
        AnalyzerConfigSet set = AnalyzerConfigSet.Create(ImmutableArray.Create(config));
        return new GlobalConfigOptionsProvider(set.GlobalConfigOptions.AnalyzerOptions);
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values)
        {
            _values = values;
        }

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
