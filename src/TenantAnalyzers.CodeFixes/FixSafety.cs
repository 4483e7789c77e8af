using System;
using System.Collections.Generic;
using TenantAnalyzers.CodeFixes.Fixes;

namespace TenantAnalyzers.CodeFixes;

/// <summary>What an offered fix does to the behaviour of the code it changes.</summary>
public enum FixBehavior
{
    /// <summary>
    /// The current tenant keeps its results and a missing context fails secure: scope by the tenant key, throw when there
    /// is no company, use or set the context's key. The only kind a bulk host (Fix All, <c>dotnet format analyzers</c>,
    /// <c>tenant-audit fix</c>) may apply everywhere.
    /// </summary>
    KeepsTenantResults,

    /// <summary>Changes what other code sees besides tenancy (removing a bypass re-enables every other filter): one at a time, by a person.</summary>
    ChangesOtherBehavior,

    /// <summary>Marks code as deliberately cross-tenant: the finding stays until a person writes the reason. Never applied in bulk.</summary>
    NeedsJustification,
}

/// <summary>
/// Every fix the package offers, by equivalence key, with what it does. Bulk hosts ask <see cref="IsSafeForBulk"/>; every
/// provider offers its actions in the order of this table (<see cref="Editing.BatchCodeFixProvider"/> sorts them), so the
/// first action of a finding is a bulk-safe one wherever the finding has one; a finding without one offers the others
/// grouped under a title without equivalence key, so a host that applies "the first action" in bulk finds nothing to apply.
/// </summary>
public static class FixSafety
{
    private static readonly (string Key, FixBehavior Behavior)[] Fixes =
    [
        (FilterBypassCodeFixProvider.ScopeByTenantKey, FixBehavior.KeepsTenantResults),
        (FilterBypassCodeFixProvider.RemoveBypassKey, FixBehavior.ChangesOtherBehavior),
        (FilterBypassCodeFixProvider.MarkCrossTenantKey, FixBehavior.NeedsJustification),
        (ArbitraryTenantFallbackCodeFixProvider.ThrowKey, FixBehavior.KeepsTenantResults),
        (ArbitraryTenantFallbackCodeFixProvider.ScopeKey, FixBehavior.KeepsTenantResults),
        (ArbitraryTenantFallbackCodeFixProvider.MarkCrossTenantKey, FixBehavior.NeedsJustification),
        (MissingOwnershipCheckCodeFixProvider.ScopeKey, FixBehavior.KeepsTenantResults),
        (MissingOwnershipCheckCodeFixProvider.GuardKey, FixBehavior.KeepsTenantResults),
        (MissingOwnershipCheckCodeFixProvider.MarkCrossTenantKey, FixBehavior.NeedsJustification),
        (TenantKeyNotForcedCodeFixProvider.SetTenantKeyKey, FixBehavior.KeepsTenantResults),
        (TenantIdFromInputCodeFixProvider.UseContextKey, FixBehavior.KeepsTenantResults),
    ];

    /// <summary>What the fix with this equivalence key does; null for a key the package does not offer.</summary>
    public static FixBehavior? Classify(string? equivalenceKey)
    {
        foreach (var (key, behavior) in Fixes)
        {
            if (key == equivalenceKey)
            {
                return behavior;
            }
        }

        return null;
    }

    /// <summary>Where the fix with this key stands among the fixes of its rule: the order a provider offers them in.</summary>
    internal static int RankOf(string equivalenceKey)
    {
        for (var i = 0; i < Fixes.Length; i++)
        {
            if (Fixes[i].Key == equivalenceKey)
            {
                return i;
            }
        }

        return Fixes.Length;
    }

    /// <summary>True only for fixes a bulk host may apply to every finding of a rule.</summary>
    public static bool IsSafeForBulk(string? equivalenceKey) => Classify(equivalenceKey) == FixBehavior.KeepsTenantResults;

    /// <summary>The bulk-safe equivalence keys of a rule, in the order its provider prefers them.</summary>
    public static IReadOnlyList<string> SafeKeysFor(string ruleId)
    {
        var keys = new List<string>();
        foreach (var (key, behavior) in Fixes)
        {
            if (behavior == FixBehavior.KeepsTenantResults && key.StartsWith(ruleId + ".", StringComparison.Ordinal))
            {
                keys.Add(key);
            }
        }

        return keys;
    }
}
