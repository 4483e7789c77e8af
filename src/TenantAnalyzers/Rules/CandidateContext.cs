using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantAnalyzers.Authorization;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Rules;

/// <summary>One name hit a rule checks: the identifier, the file's semantic model, the member it is in, and the report.</summary>
internal readonly struct CandidateContext
{
    private readonly SemanticModelAnalysisContext _context;
    private readonly TenantModel _model;

    internal CandidateContext(SemanticModelAnalysisContext context, TenantModel model, SyntaxToken token)
    {
        _context = context;
        _model = model;
        Token = token;
    }

    public SyntaxToken Token { get; }

    public SemanticModel SemanticModel => _context.SemanticModel;

    public CancellationToken CancellationToken => _context.CancellationToken;

    /// <summary>Reports, unless the finding is in generated code (see <see cref="GeneratedCodeFilter"/>).</summary>
    public void ReportDiagnostic(Diagnostic diagnostic)
    {
        if (!_model.GeneratedCode.IsGenerated(diagnostic.Location, SemanticModel, CancellationToken))
        {
            _context.ReportDiagnostic(diagnostic);
        }
    }

    /// <summary>
    /// Reports <paramref name="finding"/>, or, in deliberate cross-tenant code, TI0200 at the same place (off by default:
    /// reports turn it on to count justified bypasses with their reasons).
    /// </summary>
    public void Report(Diagnostic finding, ISymbol? member, Justification? justification)
    {
        if (justification is not { } reason)
        {
            ReportDiagnostic(finding);
            return;
        }

        var properties = ImmutableDictionary.CreateRange(new[]
        {
            new KeyValuePair<string, string?>("rule", finding.Id),
            new KeyValuePair<string, string?>("justification", reason.Reason),
            new KeyValuePair<string, string?>("source", reason.SourceName),
        });
        ReportDiagnostic(Diagnostic.Create(
            Descriptors.JustifiedCrossTenant,
            finding.Location,
            finding.AdditionalLocations,
            properties,
            finding.Id,
            MemberDisplay.Of(member),
            reason.SourceName,
            reason.Reason));
    }

    /// <summary>
    /// The member the node is in (the method, not a lambda or local function inside it; a property, not its getter's
    /// body): what messages name and where a justification attribute is looked for. Binds: call it only for candidates.
    /// </summary>
    public ISymbol? GetContainingMember(SyntaxNode node)
    {
        var symbol = SemanticModel.GetEnclosingSymbol(node.SpanStart, CancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }
}
