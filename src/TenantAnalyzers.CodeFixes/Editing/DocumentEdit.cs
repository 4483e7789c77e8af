using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>
/// One pass of edits over a document, shared by a single fix and Fix All: rules queue node replacements and context
/// injections; <see cref="ApplyAsync"/> applies them in one syntax editor (so nested and repeated edits compose),
/// injects the company context once per type, then adds imports, simplifies names and formats what changed.
/// </summary>
internal sealed class DocumentEdit
{
    private readonly Document _document;
    private readonly SyntaxEditor _editor;
    private readonly Dictionary<TypeDeclarationSyntax, CompanyContextAccess> _injections = new();
    private readonly HashSet<MemberDeclarationSyntax> _marked = new();
    private readonly HashSet<SyntaxNode> _replacedOnce = new();
    private readonly SortedSet<string> _imports = new(System.StringComparer.Ordinal);

    private DocumentEdit(Document document, SyntaxNode root, SemanticModel semanticModel, TenantModel model)
    {
        _document = document;
        _editor = new SyntaxEditor(root, document.Project.Solution.Services);
        Root = root;
        SemanticModel = semanticModel;
        Model = model;
    }

    public SyntaxNode Root { get; }

    public SemanticModel SemanticModel { get; }

    public TenantModel Model { get; }

    public static async Task<DocumentEdit?> StartAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return null;
        }

        var model = TenantModel.For(semanticModel.Compilation, document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider);
        return new DocumentEdit(document, root, semanticModel, model);
    }

    public void Replace(SyntaxNode node, System.Func<SyntaxNode, SyntaxNode> replacement) =>
        _editor.ReplaceNode(node, (current, _) => replacement(current));

    /// <summary>Queues a replacement of <paramref name="node"/> only the first time it is asked for (a parameter added to a handler once, however many findings it holds).</summary>
    public void ReplaceOnce(SyntaxNode node, System.Func<SyntaxNode, SyntaxNode> replacement)
    {
        if (_replacedOnce.Add(node))
        {
            Replace(node, replacement);
        }
    }

    /// <summary>
    /// The "mark as cross-tenant" action for a finding at <paramref name="node"/>; null when the project has no bypass
    /// attribute, there is no member to put it on, or the member already carries one (its justification is what a person
    /// has to write: a second attribute would not compile).
    /// </summary>
    public FixAction? MarkCrossTenantAction(SyntaxNode node, string equivalenceKey) =>
        CrossTenantMarker.FindTarget(node) is { } target
        && CrossTenantMarker.FindAttributeType(SemanticModel.Compilation, Model.Options.BypassAttribute) is not null
        && !CarriesBypassAttribute(target)
            ? new FixAction($"Mark as cross-tenant ([{Model.Options.BypassAttribute}] with a justification to write)", equivalenceKey)
            : null;

    private bool CarriesBypassAttribute(MemberDeclarationSyntax member)
    {
        if (SemanticModel.GetDeclaredSymbol(member) is not { } symbol)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (Model.CrossTenant.IsBypassAttribute(attribute.AttributeClass))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Adds the bypass attribute with a placeholder justification to the member around <paramref name="node"/> (once,
    /// however many findings it holds); false when there is no attribute type or no member.
    /// </summary>
    public bool TryMarkCrossTenant(SyntaxNode node)
    {
        var member = CrossTenantMarker.FindTarget(node);
        var attributeType = CrossTenantMarker.FindAttributeType(SemanticModel.Compilation, Model.Options.BypassAttribute);
        if (member is null || attributeType is null)
        {
            return false;
        }

        if (_marked.Add(member))
        {
            Replace(member, current => CrossTenantMarker.AddAttribute((MemberDeclarationSyntax)current, attributeType));
        }

        return true;
    }

    /// <summary>The company context at <paramref name="position"/>; queues its injection when the type does not have it yet.</summary>
    public CompanyContextAccess? ContextAt(SyntaxNode position, string? preferredKeyName, CancellationToken cancellationToken)
    {
        var access = CompanyContextAccess.Resolve(SemanticModel, Model, position, preferredKeyName, cancellationToken);
        if (access?.InjectInto is { } type)
        {
            if (_injections.TryGetValue(type, out var planned))
            {
                return planned;
            }

            _injections.Add(type, access);
        }

        return access;
    }

    /// <summary>Adds <c>using <paramref name="namespaceName"/>;</c> once: for extension methods a fix starts calling where they are not in scope.</summary>
    public void ImportNamespace(string namespaceName) => _imports.Add(namespaceName);

    public async Task<Document> ApplyAsync(CancellationToken cancellationToken)
    {
        foreach (var injection in _injections)
        {
            var access = injection.Value;
            _editor.ReplaceNode(injection.Key, (current, _) => access.Inject((TypeDeclarationSyntax)current));
        }

        var changedRoot = _editor.GetChangedRoot();
        if (_imports.Count > 0 && changedRoot is CompilationUnitSyntax unit)
        {
            foreach (var name in _imports)
            {
                unit = unit.WithUsings(unit.Usings.Insert(
                    UsingPosition(unit.Usings, name),
                    SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name)).WithAdditionalAnnotations(Formatter.Annotation)));
            }

            changedRoot = unit;
        }

        var document = _document.WithSyntaxRoot(changedRoot);
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where a new using goes among sorted ones, System first: the same place whichever fix adds it first.</summary>
    private static int UsingPosition(SyntaxList<UsingDirectiveSyntax> usings, string name)
    {
        static string SortKey(string ns) => (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal) ? "0" : "1") + ns;

        var key = SortKey(name);
        for (var i = 0; i < usings.Count; i++)
        {
            if (usings[i].Alias is null && usings[i].StaticKeyword.IsKind(SyntaxKind.None)
                && string.CompareOrdinal(SortKey(usings[i].Name?.ToString() ?? string.Empty), key) > 0)
            {
                return i;
            }
        }

        return usings.Count;
    }

    public static ImmutableArray<Diagnostic> InSourceOrder(ImmutableArray<Diagnostic> diagnostics)
    {
        var sorted = diagnostics.ToBuilder();
        sorted.Sort((a, b) => a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start));
        return sorted.ToImmutable();
    }
}
