using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantAnalyzers.Flow;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Authorization;

/// <summary>
/// Platform scope of minimal-API endpoints: the handler (a lambda passed to <c>MapGet</c>/<c>MapPost</c>/..., or a method
/// group passed to one in its own file) is mapped on an endpoint or route group that requires a platform policy
/// (<c>.RequireAuthorization("SuperadminOnly")</c>, <c>.RequireAuthorization(p =&gt; p.RequireRole("SuperAdmin"))</c>,
/// <c>.RequireAuthorization(new AuthorizeAttribute { Roles = "SuperAdmin" })</c>), or the lambda carries a platform
/// <c>[Authorize]</c>. Route groups are followed through the receivers of the <c>Map*</c> call (nested groups inherit
/// their parents' requirements), through locals (their initializer and <c>group.RequireAuthorization(...)</c>
/// statements in the member), and through a parameter to every call of the method that takes it (the group built in
/// <c>Program</c> and handed to <c>MapAdminEndpoints(this RouteGroupBuilder group)</c>, also when the requirement is
/// chained on the group the method returns). A group method with a call that does not require a platform policy, or
/// whose calls cannot be found, is not platform scope. <c>AllowAnonymous()</c> on the way lifts every requirement.
/// </summary>
internal sealed class RouteAuthorization
{
    private const int MaxDepth = 3;
    private const int MaxCallSites = 8;

    private readonly Compilation _compilation;
    private readonly PlatformNames _names;
    private readonly AuthorizedSymbols _attributes;
    private readonly ConcurrentDictionary<IParameterSymbol, Verdict> _parameters = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, Dictionary<string, List<ArgumentSyntax>>> _methodGroupArguments = new();

    public RouteAuthorization(Compilation compilation, PlatformNames names, AuthorizedSymbols attributes)
    {
        _compilation = compilation;
        _names = names;
        _attributes = attributes;
    }

    /// <summary>The platform requirement on the endpoint whose handler contains <paramref name="node"/>; null when there is none.</summary>
    public string? Find(SyntaxNode node, ISymbol? member, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is AnonymousFunctionExpressionSyntax lambda
                && lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax mapCall } }
                && EntryPoints.IsMapMethodName(SyntaxNames.GetInvokedName(mapCall)))
            {
                var attributes = LambdaAttributes(lambda, semanticModel, cancellationToken);
                return attributes.IsAnonymous ? null : attributes.Reason ?? Endpoint(mapCall, semanticModel, 0, cancellationToken).Reason;
            }

            if (ancestor is MemberDeclarationSyntax or LocalFunctionStatementSyntax)
            {
                break;
            }
        }

        return member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method ? MethodGroupHandler(method, node.SyntaxTree, semanticModel, cancellationToken) : null;
    }

    private Verdict LambdaAttributes(AnonymousFunctionExpressionSyntax lambda, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (lambda is not ParenthesizedLambdaExpressionSyntax { AttributeLists.Count: > 0 }
            || semanticModel.GetSymbolInfo(lambda, cancellationToken).Symbol is not IMethodSymbol symbol)
        {
            return default;
        }

        string? reason = null;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (_attributes.IsAllowAnonymous(attribute))
            {
                return Verdict.Anonymous;
            }

            if (reason is null && _attributes.IsPlatformAttribute(attribute, cancellationToken, out var platform))
            {
                reason = platform + " on the handler";
            }
        }

        return new Verdict(reason, anonymous: false);
    }

    /// <summary>Every <c>Map*</c> call of the file that passes <paramref name="method"/> as its handler must be platform-only.</summary>
    private string? MethodGroupHandler(IMethodSymbol method, SyntaxTree tree, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (!_methodGroupArguments.GetOrAdd(tree, t => MethodGroupArguments(t, cancellationToken)).TryGetValue(method.Name, out var arguments))
        {
            return null;
        }

        string? reason = null;
        foreach (var argument in arguments)
        {
            var mapCall = (InvocationExpressionSyntax)argument.Parent!.Parent!;
            if (!SymbolEqualityComparer.Default.Equals(MethodGroupTarget(argument.Expression, semanticModel, cancellationToken), method.OriginalDefinition))
            {
                continue;
            }

            if (Endpoint(mapCall, semanticModel, 0, cancellationToken).Reason is not { } mapped)
            {
                return null;
            }

            reason ??= mapped;
        }

        return reason;
    }

    /// <summary>
    /// The arguments of the file's <c>Map*</c> calls that name a method (<c>MapGet("/", GetAll)</c>, <c>Handlers.GetAll</c>),
    /// by that name: found once per file by a text search for the <c>Map*</c> names, for all the file's candidates.
    /// </summary>
    private static Dictionary<string, List<ArgumentSyntax>> MethodGroupArguments(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var arguments = new Dictionary<string, List<ArgumentSyntax>>(System.StringComparer.Ordinal);
        EntryPoints.MapCallNames.Find(tree, span: null, arguments, static (token, found) =>
        {
            if (SyntaxNames.InvocationNamedBy(token) is not { } call || !EntryPoints.IsMapMethodName(SyntaxNames.GetInvokedName(call)))
            {
                return;
            }

            foreach (var argument in call.ArgumentList.Arguments)
            {
                var name = argument.Expression switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } => member.Identifier.ValueText,
                    _ => null,
                };

                if (name is not null)
                {
                    if (!found.TryGetValue(name, out var list))
                    {
                        list = new List<ArgumentSyntax>();
                        found.Add(name, list);
                    }

                    list.Add(argument);
                }
            }
        }, cancellationToken);
        return arguments;
    }

    private static ISymbol? MethodGroupTarget(ExpressionSyntax argument, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var info = semanticModel.GetSymbolInfo(argument, cancellationToken);
        return info.Symbol?.OriginalDefinition ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0].OriginalDefinition : null);
    }

    /// <summary>The requirements chained on the endpoint (<c>MapGet(...).RequireAuthorization(...)</c>) and those of the group it is mapped on.</summary>
    private Verdict Endpoint(InvocationExpressionSyntax mapCall, SemanticModel semanticModel, int depth, CancellationToken cancellationToken)
    {
        var chained = ChainedOn(mapCall, semanticModel, cancellationToken);
        if (chained.IsAnonymous)
        {
            return chained;
        }

        var group = mapCall.Expression is MemberAccessExpressionSyntax access
            ? Group(access.Expression, semanticModel, depth, cancellationToken)
            : default;
        return Verdict.Combine(chained, group);
    }

    /// <summary>
    /// <c>expression.RequireAuthorization(...).WithTags(...)</c>: the requirements chained on a builder, up to a
    /// <c>Map*</c> call, whose result is another builder (an endpoint's, or a child group's).
    /// </summary>
    private Verdict ChainedOn(ExpressionSyntax expression, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var verdict = default(Verdict);
        SyntaxNode current = expression;
        while (true)
        {
            while (current.Parent is ParenthesizedExpressionSyntax)
            {
                current = current.Parent;
            }

            if (current.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access
                || access.Expression != current
                || access.Name.Identifier.ValueText.StartsWith("Map", System.StringComparison.Ordinal))
            {
                return verdict;
            }

            verdict = Verdict.Combine(verdict, Requirement(call, semanticModel, cancellationToken));
            current = call;
        }
    }

    /// <summary>What a route group expression requires: its own chain, its parent groups', and its local or parameter's origin.</summary>
    private Verdict Group(ExpressionSyntax expression, SemanticModel semanticModel, int depth, CancellationToken cancellationToken)
    {
        var verdict = default(Verdict);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call)
            {
                verdict = Verdict.Combine(verdict, Requirement(call, semanticModel, cancellationToken));
                expression = access.Expression;
                continue;
            }

            if (expression is IdentifierNameSyntax { IsMissing: false } identifier && depth < MaxDepth)
            {
                var origin = semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol switch
                {
                    ILocalSymbol local => Local(local, identifier, semanticModel, depth, cancellationToken),
                    IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } } parameter => Parameter(parameter, depth + 1, cancellationToken),
                    _ => default,
                };
                verdict = Verdict.Combine(verdict, origin);
            }

            return verdict;
        }
    }

    /// <summary>A local group: its initializer, and the <c>group.RequireAuthorization(...)</c> statements of the member.</summary>
    private Verdict Local(ILocalSymbol local, IdentifierNameSyntax use, SemanticModel semanticModel, int depth, CancellationToken cancellationToken)
    {
        var member = SyntaxScope.EnclosingMember(use);
        var verdict = default(Verdict);
        foreach (var token in new IdentifierScan(local.Name).FindAll(member.SyntaxTree, member.Span, cancellationToken))
        {
            switch (token.Parent)
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator when declarator.Identifier == token:
                    verdict = Verdict.Combine(verdict, Group(initializer, semanticModel, depth + 1, cancellationToken));
                    break;
                case IdentifierNameSyntax name when name != use && name.Parent is MemberAccessExpressionSyntax access && access.Expression == name
                    && SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(name, cancellationToken).Symbol, local):
                    verdict = Verdict.Combine(verdict, ChainedOn(name, semanticModel, cancellationToken));
                    break;
            }
        }

        return verdict;
    }

    /// <summary>
    /// A group handed in as a parameter: every call of the method must pass a platform-only group. Cached for the
    /// parameter of the handler's own method only: a deeper answer is cut at <see cref="MaxDepth"/>, and caching it would
    /// make the direct answer depend on which was asked first.
    /// </summary>
    private Verdict Parameter(IParameterSymbol parameter, int depth, CancellationToken cancellationToken)
    {
        if (depth > 1)
        {
            return CallSites(parameter, depth, cancellationToken);
        }

        if (_parameters.TryGetValue(parameter, out var cached))
        {
            return cached;
        }

        var verdict = CallSites(parameter, depth, cancellationToken);
        _parameters.TryAdd(parameter, verdict);
        return verdict;
    }

    private Verdict CallSites(IParameterSymbol parameter, int depth, CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)parameter.ContainingSymbol;
        var returnsGroup = SymbolEqualityComparer.Default.Equals(method.ReturnType, parameter.Type);
        var scan = new IdentifierScan(method.Name);
        string? reason = null;
        var calls = 0;
        foreach (var tree in TreesThatMayCall(method))
        {
            SemanticModel? semanticModel = null;
            foreach (var token in scan.FindAll(tree, null, cancellationToken))
            {
                if (SyntaxNames.InvocationNamedBy(token) is not { } call)
                {
                    continue;
                }

                semanticModel ??= _compilation.GetSemanticModel(tree);
                if (semanticModel.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol target
                    || !SymbolEqualityComparer.Default.Equals((target.ReducedFrom ?? target).OriginalDefinition, method.OriginalDefinition))
                {
                    continue;
                }

                var argument = ArgumentFor(call, target, parameter);
                var verdict = argument is null ? default : Group(argument, semanticModel, depth, cancellationToken);
                if (returnsGroup && !verdict.IsAnonymous)
                {
                    verdict = Verdict.Combine(verdict, ChainedOn(call, semanticModel, cancellationToken));
                }

                if (++calls > MaxCallSites || verdict.Reason is not { } platform)
                {
                    return default;
                }

                reason ??= platform;
            }
        }

        return new Verdict(reason, anonymous: false);
    }

    /// <summary>A private method is called from its own type's files; anything else from anywhere in the compilation.</summary>
    private IEnumerable<SyntaxTree> TreesThatMayCall(IMethodSymbol method)
    {
        if (method.DeclaredAccessibility != Accessibility.Private || method.ContainingType is null)
        {
            return _compilation.SyntaxTrees;
        }

        var trees = new List<SyntaxTree>();
        foreach (var reference in method.ContainingType.DeclaringSyntaxReferences)
        {
            if (!trees.Contains(reference.SyntaxTree))
            {
                trees.Add(reference.SyntaxTree);
            }
        }

        return trees;
    }

    /// <summary>The argument a call passes for <paramref name="parameter"/>: by name, by position, or the receiver of an extension call.</summary>
    private static ExpressionSyntax? ArgumentFor(InvocationExpressionSyntax call, IMethodSymbol target, IParameterSymbol parameter)
    {
        var ordinal = parameter.Ordinal;
        if (target.ReducedFrom is not null)
        {
            if (ordinal == 0)
            {
                return (call.Expression as MemberAccessExpressionSyntax)?.Expression;
            }

            ordinal--;
        }

        var arguments = call.ArgumentList.Arguments;
        foreach (var argument in arguments)
        {
            if (argument.NameColon is { } name && name.Name.Identifier.ValueText == parameter.Name)
            {
                return argument.Expression;
            }
        }

        return ordinal < arguments.Count && arguments[ordinal].NameColon is null ? arguments[ordinal].Expression : null;
    }

    /// <summary><c>RequireAuthorization(...)</c> with a platform policy or roles, or <c>AllowAnonymous()</c>; other calls require nothing.</summary>
    private Verdict Requirement(InvocationExpressionSyntax call, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        switch (SyntaxNames.GetInvokedName(call))
        {
            case "AllowAnonymous":
                return Verdict.Anonymous;
            case "RequireAuthorization":
                foreach (var argument in call.ArgumentList.Arguments)
                {
                    if (PlatformRequirement(argument.Expression, semanticModel, cancellationToken) is { } reason)
                    {
                        return new Verdict("RequireAuthorization(" + reason + ")", anonymous: false);
                    }
                }

                return default;
            default:
                return default;
        }
    }

    /// <summary>
    /// One argument of <c>RequireAuthorization</c>: a policy name, a policy built with <c>RequireRole(...)</c>
    /// (every role a platform role), or an <c>AuthorizeAttribute</c> created with a platform policy or roles.
    /// </summary>
    private string? PlatformRequirement(ExpressionSyntax argument, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (semanticModel.GetConstantValue(argument, cancellationToken) is { HasValue: true, Value: string policy })
        {
            return _names.IsPlatformPolicy(policy) ? "\"" + policy + "\"" : null;
        }

        foreach (var node in argument.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case InvocationExpressionSyntax call when SyntaxNames.GetInvokedName(call) == "RequireRole"
                    && Constants(call.ArgumentList, semanticModel, cancellationToken) is { } roles && _names.AreAllPlatformRoles(roles):
                    return "RequireRole(\"" + roles + "\")";
                case BaseObjectCreationExpressionSyntax creation when ObjectRequirement(creation, semanticModel, cancellationToken) is { } reason:
                    return reason;
            }
        }

        return null;
    }

    /// <summary><c>new AuthorizeAttribute("policy")</c>, <c>new AuthorizeAttribute { Roles = "..." }</c>, also the project's subclasses.</summary>
    private string? ObjectRequirement(BaseObjectCreationExpressionSyntax creation, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (creation.ArgumentList is { Arguments.Count: 1 } arguments
            && semanticModel.GetConstantValue(arguments.Arguments[0].Expression, cancellationToken) is { HasValue: true, Value: string policy }
            && _names.IsPlatformPolicy(policy))
        {
            return "Policy=" + policy;
        }

        if (creation.Initializer is null)
        {
            return null;
        }

        foreach (var expression in creation.Initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: var name } } assignment
                && semanticModel.GetConstantValue(assignment.Right, cancellationToken) is { HasValue: true, Value: string value }
                && ((name == "Roles" && _names.AreAllPlatformRoles(value)) || (name == "Policy" && _names.IsPlatformPolicy(value))))
            {
                return name + "=" + value;
            }
        }

        return null;
    }

    /// <summary>The constant string arguments joined with commas; null when one is not a constant string.</summary>
    private static string? Constants(ArgumentListSyntax arguments, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var builder = new StringBuilder();
        foreach (var argument in arguments.Arguments)
        {
            if (semanticModel.GetConstantValue(argument.Expression, cancellationToken) is not { HasValue: true, Value: string value })
            {
                return null;
            }

            builder.Append(builder.Length == 0 ? string.Empty : ",").Append(value);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>What a builder requires: a platform requirement found on the way, or anonymous access, which lifts any.</summary>
    private readonly struct Verdict
    {
        public static readonly Verdict Anonymous = new(null, anonymous: true);

        public Verdict(string? reason, bool anonymous)
        {
            Reason = anonymous ? null : reason;
            IsAnonymous = anonymous;
        }

        public string? Reason { get; }

        public bool IsAnonymous { get; }

        /// <summary>ASP.NET Core requires every requirement it finds (one platform-only one is enough) unless any allows anonymous access.</summary>
        public static Verdict Combine(Verdict a, Verdict b) =>
            a.IsAnonymous || b.IsAnonymous ? Anonymous : new Verdict(a.Reason ?? b.Reason, anonymous: false);
    }
}
