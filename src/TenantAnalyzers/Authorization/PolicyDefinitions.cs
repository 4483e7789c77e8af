using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Authorization;

/// <summary>
/// The authorization policies the application defines in source: <c>AddPolicy("name", p =&gt; p.RequireRole(...))</c>
/// on <c>AuthorizationOptions</c> or the authorization builder (<c>AddAuthorizationBuilder().AddPolicy(...)</c>), with
/// <c>RequireRole(...)</c> or <c>RequireClaim(ClaimTypes.Role, ...)</c>. A policy defined that way is platform-only when one
/// of its role requirements names platform roles only (requirements are AND-ed, the roles of one are OR-ed), and is not
/// when its role requirements all admit another role — whatever its name: <c>"AdminOnly"</c> requiring <c>SuperAdmin</c>
/// is platform-only, <c>"SuperAdminPolicy"</c> requiring <c>SuperAdmin</c> or <c>Admin</c> is not. A policy without a
/// role requirement (claims, assertions, custom requirements) or not defined in source is judged by its name.
/// </summary>
/// <remarks>
/// Found once per compilation, on the first question, by a search of the files' text for <c>AddPolicy</c>; only the
/// calls found are bound.
/// </remarks>
internal sealed class PolicyDefinitions
{
    private static readonly IdentifierScan AddPolicy = new("AddPolicy");

    private readonly Compilation _compilation;
    private readonly Lazy<Dictionary<string, bool>> _platformOnly;

    public PolicyDefinitions(Compilation compilation, Func<string, bool> areAllPlatformRoles)
    {
        _compilation = compilation;
        _platformOnly = new Lazy<Dictionary<string, bool>>(() => Discover(areAllPlatformRoles), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>True or false for a policy whose role requirements are defined in source; null for any other.</summary>
    public bool? IsPlatformOnly(string policy) => _platformOnly.Value.TryGetValue(policy, out var platform) ? platform : null;

    private Dictionary<string, bool> Discover(Func<string, bool> areAllPlatformRoles)
    {
        var policies = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            SemanticModel? semanticModel = null;
            foreach (var token in AddPolicy.FindAll(tree, null, CancellationToken.None))
            {
                if (SyntaxNames.InvocationNamedBy(token) is not { ArgumentList.Arguments: { Count: 2 } arguments })
                {
                    continue;
                }

                semanticModel ??= _compilation.GetSemanticModel(tree);
                if (semanticModel.GetConstantValue(arguments[0].Expression) is not { HasValue: true, Value: string name }
                    || Judge(arguments[1].Expression, semanticModel, areAllPlatformRoles) is not { } platform)
                {
                    continue;
                }

                // Defined twice (per environment): platform-only only if every definition is.
                policies[name] = platform && (!policies.TryGetValue(name, out var earlier) || earlier);
            }
        }

        return policies;
    }

    /// <summary>Platform-only when a role requirement names only platform roles; not when every one admits another role.</summary>
    private static bool? Judge(ExpressionSyntax definition, SemanticModel semanticModel, Func<string, bool> areAllPlatformRoles)
    {
        bool? platform = null;
        foreach (var node in definition.DescendantNodesAndSelf())
        {
            if (node is not InvocationExpressionSyntax call || RolesRequired(call, semanticModel) is not { } roles)
            {
                continue;
            }

            if (areAllPlatformRoles(roles))
            {
                return true;
            }

            platform = false;
        }

        return platform;
    }

    /// <summary><c>RequireRole("a", "b")</c> or <c>RequireClaim(ClaimTypes.Role, "a", "b")</c>: the roles, comma-separated.</summary>
    private static string? RolesRequired(InvocationExpressionSyntax call, SemanticModel semanticModel)
    {
        var arguments = call.ArgumentList.Arguments;
        var first = SyntaxNames.GetInvokedName(call) switch
        {
            "RequireRole" => 0,
            "RequireClaim" when arguments.Count > 1 && Constant(arguments[0].Expression, semanticModel) is { } type
                && LooseName.NormalizeClaimType(type) is "role" or "roles" => 1,
            _ => -1,
        };

        if (first < 0 || arguments.Count <= first)
        {
            return null;
        }

        var roles = new StringBuilder();
        for (var i = first; i < arguments.Count; i++)
        {
            if (Constant(arguments[i].Expression, semanticModel) is not { } role)
            {
                return null;
            }

            roles.Append(roles.Length == 0 ? string.Empty : ",").Append(role);
        }

        return roles.ToString();
    }

    private static string? Constant(ExpressionSyntax expression, SemanticModel semanticModel) =>
        semanticModel.GetConstantValue(expression) is { HasValue: true, Value: string text } ? text : null;
}
