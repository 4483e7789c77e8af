using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Authorization;

/// <summary>
/// The one answer every rule asks before it reports: is this code deliberately cross-tenant, and why? A justified
/// bypass attribute (<c>[CrossTenant("...")]</c>), or — for every rule but TI0004 — platform scope: authorization that
/// admits only platform operators (<see cref="PlatformScope"/>). Rules report such a finding as TI0200 (off by
/// default, counted by reports) instead of their own id.
/// </summary>
/// <remarks>
/// TI0004 is the exception: a platform operator who creates a row still has to give it an owner, so authorization
/// does not excuse a missing tenant key; only a written reason does.
/// </remarks>
internal sealed class CrossTenantScope
{
    private readonly CrossTenantAttributeReader _attribute;
    private readonly PlatformScope _platform;

    public CrossTenantScope(CrossTenantAttributeReader attribute, PlatformScope platform)
    {
        _attribute = attribute;
        _platform = platform;
    }

    /// <summary>
    /// The justification that covers <paramref name="node"/> in <paramref name="member"/> for the rule
    /// <paramref name="ruleId"/>; null when the finding must be reported. <paramref name="path"/> narrows the finding to
    /// the path on which it happens (see <see cref="PlatformScope.Find"/>).
    /// </summary>
    public Justification? Find(
        string ruleId,
        SyntaxNode node,
        ISymbol? member,
        SemanticModel semanticModel,
        CancellationToken cancellationToken,
        IReadOnlyList<PathCondition>? path = null)
    {
        if (_attribute.FindJustification(member) is { } justified)
        {
            return justified;
        }

        if (ruleId == RuleIds.TenantKeyNotForced)
        {
            return null;
        }

        return _platform.Find(node, member, path, semanticModel, cancellationToken) is { } authorization
            ? new Justification(JustificationSource.Authorization, authorization)
            : null;
    }
}
