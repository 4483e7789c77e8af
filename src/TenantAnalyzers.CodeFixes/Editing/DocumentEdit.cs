using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>
/// One pass of edits over a document, shared by a single fix and Fix All: rules queue node replacements and context
/// injections; <see cref="ApplyAsync"/> applies them in one syntax editor (so nested and repeated edits compose),
/// injects the company context once per type or handler, then adds the imports the fixes asked for (<see cref="TypeReference"/>),
/// simplifies names and formats what changed.
/// </summary>
internal sealed class DocumentEdit
{
    private readonly Document _document;
    private readonly SyntaxEditor _editor;
    private readonly Dictionary<SyntaxNode, CompanyContextAccess> _injections = new();
    private readonly Dictionary<INamedTypeSymbol, bool> _constructorCheck = new(SymbolEqualityComparer.Default);
    private readonly HashSet<SyntaxNode> _marked = new();
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

    public Document Document => _document;

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

    /// <summary>
    /// The "mark as cross-tenant" action for a finding at <paramref name="node"/>; null when the project has no bypass
    /// attribute, no member around the finding can carry it, or the member carries it with a placeholder already (what is
    /// missing there is the reason, which only a person can write).
    /// </summary>
    public FixAction? MarkCrossTenantAction(SyntaxNode node, string equivalenceKey) =>
        CrossTenantMarker.Plan(node, SemanticModel, Model) is not null
            ? new FixAction($"Mark as cross-tenant ([{Model.Options.BypassAttribute}] with a justification to write)", equivalenceKey)
            : null;

    /// <summary>
    /// Puts the bypass attribute with a placeholder justification on the member around <paramref name="node"/>, or fills
    /// the empty justification of the one it carries (once, however many findings it holds); false when it cannot.
    /// </summary>
    public bool TryMarkCrossTenant(SyntaxNode node)
    {
        if (CrossTenantMarker.Plan(node, SemanticModel, Model) is not { } plan)
        {
            return false;
        }

        if (_marked.Add(plan.Target))
        {
            if (plan.Import is { } import)
            {
                ImportNamespace(import);
            }

            Replace(plan.Target, current => plan.Apply(current));
        }

        return true;
    }

    /// <summary>The company context at <paramref name="position"/>, or how to inject it; nothing is queued until <see cref="Use"/>.</summary>
    public async Task<CompanyContextAccess?> ContextAsync(SyntaxNode position, string? preferredKeyName, CancellationToken cancellationToken)
    {
        var access = await CompanyContextAccess.ResolveAsync(this, position, preferredKeyName, cancellationToken).ConfigureAwait(false);
        return access?.InjectInto is { } target && _injections.TryGetValue(target, out var planned) ? planned : access;
    }

    /// <summary>Queues the injection <paramref name="access"/> needs (once per type or handler) and returns it for the fix to read.</summary>
    public CompanyContextAccess Use(CompanyContextAccess access)
    {
        if (access.InjectInto is { } target && !_injections.ContainsKey(target))
        {
            _injections.Add(target, access);
            access.ContextTypeReference.UseIn(this);
        }

        return access;
    }

    /// <summary>
    /// True when a parameter can be added to every instance constructor of <paramref name="type"/> without breaking code:
    /// one declaration (not partial across files), nothing derives from it, and nothing outside it calls its constructors
    /// (<c>new ReportService(db)</c> in a test, a factory registration) — dependency injection is then what builds it.
    /// </summary>
    public async Task<bool> CanAddConstructorParameterAsync(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (_constructorCheck.TryGetValue(type, out var known))
        {
            return known;
        }

        var result = await CheckConstructorsAsync(type, cancellationToken).ConfigureAwait(false);
        _constructorCheck[type] = result;
        return result;
    }

    private async Task<bool> CheckConstructorsAsync(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.IsStatic || type.DeclaringSyntaxReferences.Length != 1 || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        var solution = _document.Project.Solution;
        if ((await SymbolFinder.FindDerivedClassesAsync(type, solution, transitive: false, cancellationToken: cancellationToken).ConfigureAwait(false)).Any())
        {
            return false;
        }

        var declaration = type.DeclaringSyntaxReferences[0];
        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var reference in await SymbolFinder.FindReferencesAsync(constructor, solution, cancellationToken).ConfigureAwait(false))
            {
                foreach (var location in reference.Locations)
                {
                    // A chained constructor of the type itself passes the new parameter on; any other call would miss it.
                    if (location.Location.SourceTree != declaration.SyntaxTree || !declaration.Span.Contains(location.Location.SourceSpan))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>Adds <c>using <paramref name="namespaceName"/>;</c> once: for extension methods a fix starts calling where they are not in scope.</summary>
    public void ImportNamespace(string namespaceName) => _imports.Add(namespaceName);

    public async Task<Document> ApplyAsync(CancellationToken cancellationToken)
    {
        foreach (var injection in _injections)
        {
            var access = injection.Value;
            _editor.ReplaceNode(injection.Key, (current, _) => ContextInjection.Apply(current, access));
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
