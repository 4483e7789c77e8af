using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TenantAnalyzers.Tests.Infrastructure;

/// <summary>
/// A multi-file test application under <c>Fixtures/&lt;name&gt;</c> (copied next to the test assembly), compiled
/// together against ASP.NET Core 10 and EF Core 10 and analyzed by every analyzer of the package with no options,
/// TI0200 turned on as reports do. Its expectations are the <c>// expect: TI000x</c> and <c>// justified: TI000x</c>
/// comments on the lines where findings start.
/// </summary>
public sealed partial class FixtureApp
{
    private FixtureApp(string name, ImmutableArray<Diagnostic> errors, ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<Exception> exceptions, IReadOnlyList<Mark> marks)
    {
        Name = name;
        CompilationErrors = errors;
        Diagnostics = diagnostics;
        AnalyzerExceptions = exceptions;
        Marks = marks;
    }

    public string Name { get; }

    public ImmutableArray<Diagnostic> CompilationErrors { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public IReadOnlyList<Exception> AnalyzerExceptions { get; }

    public IReadOnlyList<Mark> Marks { get; }

    public static async Task<FixtureApp> AnalyzeAsync(string name)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        var files = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: Path.GetRelativePath(root, f).Replace('\\', '/'))).ToArray();
        var references = await TestReferences.AspNetCore10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            name,
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions([new KeyValuePair<string, ReportDiagnostic>("TI0200", ReportDiagnostic.Info)]));

        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AnalyzerRunner.AllAnalyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return new FixtureApp(name, errors, diagnostics, exceptions, ReadMarks(trees));
    }

    /// <summary>The findings of TI0001–TI0005 as <c>rule file:line</c>.</summary>
    public IReadOnlyList<string> Findings() =>
        Diagnostics.Where(d => d.Id is "TI0001" or "TI0002" or "TI0003" or "TI0004" or "TI0005").Select(d => Key(d.Id, d.Location)).ToList();

    /// <summary>The justified findings (TI0200) as <c>rule file:line</c>, by the rule they stand for.</summary>
    public IReadOnlyList<string> Justified() =>
        Diagnostics.Where(d => d.Id == "TI0200").Select(d => Key(d.Properties["rule"]!, d.Location)).ToList();

    public IReadOnlyList<string> Expected(string kind) => Marks.Where(m => m.Kind == kind).Select(m => m.Rule + " " + m.File + ":" + m.Line).ToList();

    private static string Key(string rule, Location location)
    {
        var span = location.GetLineSpan();
        return rule + " " + span.Path + ":" + (span.StartLinePosition.Line + 1);
    }

    private static List<Mark> ReadMarks(IEnumerable<SyntaxTree> trees)
    {
        var marks = new List<Mark>();
        foreach (var tree in trees)
        {
            var lines = tree.GetText().Lines;
            foreach (var line in lines)
            {
                var match = MarkPattern().Match(line.ToString());
                if (!match.Success)
                {
                    continue;
                }

                foreach (var rule in match.Groups["rules"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    marks.Add(new Mark(match.Groups["kind"].Value, rule, tree.FilePath, line.LineNumber + 1));
                }
            }
        }

        return marks;
    }

    [GeneratedRegex(@"//\s*(?<kind>expect|justified):\s*(?<rules>TI\d{4}(\s*,\s*TI\d{4})*)")]
    private static partial Regex MarkPattern();

    public sealed record Mark(string Kind, string Rule, string File, int Line);
}
