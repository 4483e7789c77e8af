using System.Threading;
using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Authorization;

/// <summary>
/// The one answer every rule asks before it reports: is this code deliberately cross-tenant, and why? Rules report such
/// a finding as TI0200 (off by default, counted by reports) instead of their own id.
/// </summary>
internal sealed class CrossTenantScope
{
    private readonly CrossTenantAttributeReader _attribute;

    public CrossTenantScope(CrossTenantAttributeReader attribute)
    {
        _attribute = attribute;
    }

    /// <summary>
    /// The justification that covers <paramref name="node"/> in <paramref name="member"/> for the rule
    /// <paramref name="ruleId"/>; null when the finding must be reported.
    /// </summary>
    public Justification? Find(string ruleId, SyntaxNode node, ISymbol? member, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        _attribute.FindJustification(member);
}
