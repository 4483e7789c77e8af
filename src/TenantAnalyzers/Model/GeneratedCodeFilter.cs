using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Model;

/// <summary>
/// The rules' own check for generated code, done at report time. The rules ask the driver to run them everywhere and
/// to keep all they report (<c>GeneratedCodeAnalysisFlags.Analyze | ReportDiagnostics</c>), skip generated files
/// themselves and drop findings in members marked <c>[GeneratedCode]</c> or under <c>#line hidden</c> here: the
/// driver's own filter finds the <c>[GeneratedCode]</c> members of a file by binding every declaration in it, on the
/// first finding in each file, which costs more than the rules' whole work on that file.
/// </summary>
internal sealed class GeneratedCodeFilter
{
    private readonly Lazy<INamedTypeSymbol?> _generatedCodeAttribute;

    public GeneratedCodeFilter(Compilation compilation)
    {
        _generatedCodeAttribute = new Lazy<INamedTypeSymbol?>(
            () => compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute"),
            LazyThreadSafetyMode.PublicationOnly);
    }

    public bool IsGenerated(Location location, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (!location.IsInSource || location.SourceTree != semanticModel.SyntaxTree)
        {
            return false;
        }

        var position = location.SourceSpan.Start;
        if (semanticModel.SyntaxTree.GetLineVisibility(position, cancellationToken) == LineVisibility.Hidden)
        {
            return true;
        }

        if (_generatedCodeAttribute.Value is not { } attribute)
        {
            return false;
        }

        for (var symbol = semanticModel.GetEnclosingSymbol(position, cancellationToken); symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (HasAttribute(symbol, attribute) || (symbol is IMethodSymbol { AssociatedSymbol: { } associated } && HasAttribute(associated, attribute)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }
}
