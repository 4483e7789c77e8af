using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantAnalyzers.Scanning;

/// <summary>
/// The rules' own check for generated code, done at report time. The rules ask the driver to run them everywhere and
/// to keep all they report (<c>GeneratedCodeAnalysisFlags.Analyze | ReportDiagnostics</c>), skip generated files
/// themselves and drop findings in members marked <c>[GeneratedCode]</c> or under <c>#line hidden</c> here: the
/// driver's own filter finds the <c>[GeneratedCode]</c> members of a file by binding every declaration in it, on the
/// first finding in each file, which costs more than the rules' whole work on that file.
/// </summary>
internal sealed class GeneratedCodeFilter
{
    private const string GeneratedCode = "GeneratedCode";

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
        var root = semanticModel.SyntaxTree.GetRoot(cancellationToken);

        // The line map of a file is built from all its directives: without any, no line is hidden.
        if (root.ContainsDirectives && semanticModel.SyntaxTree.GetLineVisibility(position, cancellationToken) == LineVisibility.Hidden)
        {
            return true;
        }

        if (!MayCarryGeneratedCodeAttribute(root.FindToken(position).Parent) || _generatedCodeAttribute.Value is not { } attribute)
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

    /// <summary>
    /// The syntax test before binding: an enclosing declaration names <c>GeneratedCode</c> in its attributes, or is
    /// <c>partial</c> (another part may carry it), or the file aliases a name to it. Most findings are in plain members,
    /// and binding their declarations' attributes costs more than the finding did.
    /// </summary>
    private static bool MayCarryGeneratedCodeAttribute(SyntaxNode? node)
    {
        for (; node is not null; node = node.Parent)
        {
            var attributeLists = node switch
            {
                MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.PartialKeyword) => default(SyntaxList<AttributeListSyntax>?),
                MemberDeclarationSyntax member => member.AttributeLists,
                AccessorDeclarationSyntax accessor => accessor.AttributeLists,
                LocalFunctionStatementSyntax localFunction => localFunction.AttributeLists,
                LambdaExpressionSyntax lambda => lambda.AttributeLists,
                _ => new SyntaxList<AttributeListSyntax>(),
            };
            if (attributeLists is not { } lists || NamesGeneratedCode(lists))
            {
                return true;
            }

            var usings = node switch
            {
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                CompilationUnitSyntax unit => unit.Usings,
                _ => default,
            };
            foreach (var directive in usings)
            {
                if (directive.Alias is not null && directive.Name?.ToString().Contains(GeneratedCode) == true)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool NamesGeneratedCode(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                var name = attribute.Name switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                };
                if (name is GeneratedCode or GeneratedCode + "Attribute")
                {
                    return true;
                }
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
