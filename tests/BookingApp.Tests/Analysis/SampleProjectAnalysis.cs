using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BookingApp.Tests.Analysis;

/// <summary>A finding as the expectations file spells it: rule, file relative to the project, Type.Member.</summary>
public sealed record Finding(string RuleId, string File, string Member)
{
    public override string ToString() => $"{RuleId}\t{File}\t{Member}";

    public static Finding Parse(string line)
    {
        string[] parts = line.Split('\t');
        return new Finding(parts[0], parts[1], parts[2]);
    }
}

/// <summary>
/// Compiles a sample project's source in-process, as the build would (its .cs files outside obj/bin,
/// the framework and package assemblies the tests run on, its .globalconfig), and runs every
/// TenantAnalyzers analyzer on it.
/// </summary>
public sealed class SampleProjectAnalysis
{
    private static readonly string[] SampleAssemblies = ["BookingApp", "BookingApp.Legacy"];

    private SampleProjectAnalysis(string projectDirectory, CSharpCompilation compilation)
    {
        ProjectDirectory = projectDirectory;
        Compilation = compilation;
    }

    public string ProjectDirectory { get; }

    public CSharpCompilation Compilation { get; }

    public static SampleProjectAnalysis Load(string projectName)
    {
        string projectDirectory = Path.Combine(RepositoryRoot(), "samples", projectName);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        SyntaxTree[] trees = Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(projectDirectory, path))
            .Order(StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path))
            .ToArray();

        // The test process runs on the same framework and packages as the samples; the samples' own
        // assemblies are left out, since their source is what is being compiled, and so is the test
        // machinery: with a test framework referenced the compilation would be a test project, which the
        // analyzers skip.
        MetadataReference[] references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => !SampleAssemblies.Contains(Path.GetFileNameWithoutExtension(path)))
            .Where(path => !IsTestMachinery(Path.GetFileNameWithoutExtension(path)))
            .Select(path => MetadataReference.CreateFromFile(path))
            .ToArray<MetadataReference>();

        var compilation = CSharpCompilation.Create(projectName, trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return new SampleProjectAnalysis(projectDirectory, compilation);
    }

    private static bool IsTestMachinery(string assemblyName) =>
        assemblyName.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
        || assemblyName.StartsWith("testhost", StringComparison.OrdinalIgnoreCase)
        || assemblyName.StartsWith("Microsoft.TestPlatform", StringComparison.Ordinal)
        || assemblyName.StartsWith("Microsoft.VisualStudio.TestPlatform", StringComparison.Ordinal)
        || assemblyName.StartsWith("Microsoft.VisualStudio.CodeCoverage", StringComparison.Ordinal);

    public IReadOnlyList<Diagnostic> CompilationErrors() =>
        Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>Every TenantAnalyzers analyzer, found by reflection so that new rules are picked up without touching this test.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> TenantAnalyzers() =>
        Assembly.Load("TenantAnalyzers").GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages.Contains(LanguageNames.CSharp) == true)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t, nonPublic: true)!)
            .ToImmutableArray();

    /// <summary>Runs the analyzers with the project's .globalconfig (if any); analyzer exceptions are collected, not swallowed.</summary>
    public async Task<AnalyzerRun> RunAnalyzersAsync(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        if (analyzers.IsEmpty)
        {
            return new AnalyzerRun([], []);
        }

        string globalConfig = Path.Combine(ProjectDirectory, ".globalconfig");
        AnalyzerConfigOptionsProvider options = File.Exists(globalConfig)
            ? GlobalConfigOptionsProvider.FromFile(globalConfig)
            : new GlobalConfigOptionsProvider(ImmutableDictionary<string, string>.Empty);
        var exceptions = new List<string>();
        var withAnalyzers = Compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([], options),
            onAnalyzerException: (exception, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer}: {exception}"); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return new AnalyzerRun(diagnostics, exceptions);
    }

    public Finding ToFinding(Diagnostic diagnostic)
    {
        SyntaxTree tree = diagnostic.Location.SourceTree!;
        ISymbol? symbol = Compilation.GetSemanticModel(tree).GetEnclosingSymbol(diagnostic.Location.SourceSpan.Start);
        return new Finding(diagnostic.Id, RelativePath(tree.FilePath), MemberName(symbol));
    }

    /// <summary>The <c>// TIxxxx:</c> annotations in the source, each mapped to the member it sits in.</summary>
    public IReadOnlyList<Finding> Annotations()
    {
        var annotations = new List<Finding>();
        foreach (SyntaxTree tree in Compilation.SyntaxTrees)
        {
            SemanticModel model = Compilation.GetSemanticModel(tree);
            foreach (SyntaxTrivia comment in tree.GetRoot().DescendantTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia)))
            {
                System.Text.RegularExpressions.Match rule = System.Text.RegularExpressions.Regex.Match(comment.ToString(), @"^//\s*(TI\d{4}):");
                if (!rule.Success)
                {
                    continue;
                }

                MemberDeclarationSyntax member = comment.Token.Parent!.AncestorsAndSelf().OfType<MemberDeclarationSyntax>()
                    .First(m => m is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or FieldDeclarationSyntax);
                ISymbol? symbol = member is FieldDeclarationSyntax field
                    ? model.GetDeclaredSymbol(field.Declaration.Variables[0])
                    : model.GetDeclaredSymbol(member);
                annotations.Add(new Finding(rule.Groups[1].Value, RelativePath(tree.FilePath), MemberName(symbol)));
            }
        }

        return annotations;
    }

    /// <summary>Lambdas and local functions belong to the member that declares them; accessors to their property.</summary>
    private static string MemberName(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        if (symbol is IMethodSymbol { AssociatedSymbol: { } property })
        {
            symbol = property;
        }

        return symbol switch
        {
            null => "?",
            INamedTypeSymbol type => type.Name,
            _ => $"{symbol.ContainingType.Name}.{symbol.Name}",
        };
    }

    private string RelativePath(string path) => Path.GetRelativePath(ProjectDirectory, path).Replace('\\', '/');

    private static bool IsBuildOutput(string projectDirectory, string path)
    {
        string first = Path.GetRelativePath(projectDirectory, path).Split(Path.DirectorySeparatorChar)[0];
        return first is "obj" or "bin";
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TenantAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TenantAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>What one analyzer run produced.</summary>
public sealed record AnalyzerRun(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> AnalyzerExceptions);
