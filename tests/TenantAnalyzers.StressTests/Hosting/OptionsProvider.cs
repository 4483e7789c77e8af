using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TenantAnalyzers.StressTests.Hosting;

/// <summary>Options as a <c>.globalconfig</c> gives them: the same values for every file.</summary>
public sealed class OptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions _options;

    public OptionsProvider(ImmutableDictionary<string, string> options)
    {
        _options = new DictionaryOptions(options);
    }

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

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
