using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TenantAnalyzers.StressTests.Sources;

/// <summary>
/// The code a source compiles with, as a host would have it: the other files of its project (parsed once, shared by
/// every variant) and the project's <c>tenant_isolation.*</c> options.
/// </summary>
public sealed class StressProject
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public StressProject(string name, IEnumerable<SyntaxTree> trees, ImmutableDictionary<string, string> options)
    {
        Name = name;
        Trees = trees.ToImmutableArray();
        Options = options;
    }

    public string Name { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public ImmutableDictionary<string, string> Options { get; }

    public static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);
}

/// <summary>One C# file of the repository whose broken variants the suite analyses, in the project it belongs to.</summary>
public sealed class StressSource
{
    public StressSource(string name, string path, string text, StressProject project)
    {
        Name = name;
        Path = path;
        Text = text;
        Project = project;
    }

    /// <summary>Where it comes from, for messages: a repository path, with the literal's line for a rule-test input.</summary>
    public string Name { get; }

    /// <summary>The path its syntax tree gets.</summary>
    public string Path { get; }

    public string Text { get; }

    public StressProject Project { get; }

    /// <summary>The project's trees with this file replaced by <paramref name="variant"/>.</summary>
    public ImmutableArray<SyntaxTree> TreesWith(SyntaxTree variant)
    {
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>(Project.Trees.Length + 1);
        foreach (var tree in Project.Trees)
        {
            if (tree.FilePath != Path)
            {
                trees.Add(tree);
            }
        }

        trees.Add(variant);
        return trees.ToImmutable();
    }

    public override string ToString() => Name;
}
