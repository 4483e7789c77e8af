using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Authorization;

/// <summary>
/// Razor Pages authorized by convention at start-up: <c>options.Conventions.AuthorizeFolder("/Platform", "SuperAdminOnly")</c>,
/// <c>AuthorizeAreaFolder("Admin", "/", policy)</c>, <c>AuthorizePage("/Tenants", policy)</c> and
/// <c>AuthorizeAreaPage("Admin", "/Tenants", policy)</c> with a platform policy. A page model is covered when its file
/// lies where the convention's pages do (<c>Pages/Platform/...</c>, <c>Areas/Admin/Pages/...</c>, the page's own
/// <c>.cshtml.cs</c>): Razor Pages routes pages by their files, and a page model lives next to its page.
/// </summary>
/// <remarks>Found once per compilation, on the first question, by a search of the files' text for the convention names.</remarks>
internal sealed class PageConventions
{
    private static readonly IdentifierScan Names = new(["AuthorizeFolder", "AuthorizeAreaFolder", "AuthorizePage", "AuthorizeAreaPage"]);

    private readonly Compilation _compilation;
    private readonly PlatformNames _names;
    private readonly Lazy<List<(string Path, bool IsFolder, string Reason)>> _conventions;

    public PageConventions(Compilation compilation, PlatformNames names)
    {
        _compilation = compilation;
        _names = names;
        _conventions = new Lazy<List<(string, bool, string)>>(Discover, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The platform convention that covers the page model declared in <paramref name="tree"/>; null when none does.</summary>
    public string? Find(SyntaxTree tree)
    {
        var file = tree.FilePath.Replace('\\', '/');
        if (!file.EndsWith(".cshtml.cs", StringComparison.OrdinalIgnoreCase) || _conventions.Value.Count == 0)
        {
            return null;
        }

        var page = file.Substring(0, file.Length - ".cshtml.cs".Length);
        foreach (var (path, isFolder, reason) in _conventions.Value)
        {
            var covered = isFolder
                ? page.IndexOf(path.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase) >= 0
                : page.EndsWith(path, StringComparison.OrdinalIgnoreCase);
            if (covered)
            {
                return reason;
            }
        }

        return null;
    }

    private List<(string Path, bool IsFolder, string Reason)> Discover()
    {
        var conventions = new List<(string, bool, string)>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            SemanticModel? semanticModel = null;
            foreach (var token in Names.FindAll(tree, null, CancellationToken.None))
            {
                if (SyntaxNames.InvocationNamedBy(token) is not { } call)
                {
                    continue;
                }

                semanticModel ??= _compilation.GetSemanticModel(tree);
                var arguments = new List<string>();
                foreach (var argument in call.ArgumentList.Arguments)
                {
                    if (semanticModel.GetConstantValue(argument.Expression) is not { HasValue: true, Value: string text })
                    {
                        break;
                    }

                    arguments.Add(text);
                }

                var name = token.ValueText;
                var isArea = name.IndexOf("Area", StringComparison.Ordinal) >= 0;
                var expected = isArea ? 3 : 2;
                if (arguments.Count != expected || !_names.IsPlatformPolicy(arguments[expected - 1]))
                {
                    continue;
                }

                var pagePath = arguments[expected - 2].TrimEnd('/');
                var path = isArea ? "/Areas/" + arguments[0] + "/Pages" + pagePath : "/Pages" + pagePath;
                conventions.Add((path, name.EndsWith("Folder", StringComparison.Ordinal), name + "(\"" + arguments[expected - 2] + "\", \"" + arguments[expected - 1] + "\")"));
            }
        }

        return conventions;
    }
}
