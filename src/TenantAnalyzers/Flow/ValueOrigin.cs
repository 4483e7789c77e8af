using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Flow;

internal enum ValueOriginKind
{
    /// <summary>Nothing known: a service-layer parameter, a computed value, a loaded entity. Never reported.</summary>
    Unknown,

    /// <summary>The company context or a member of it (<c>_companyContext.CompanyId</c>).</summary>
    Context,

    /// <summary>
    /// Request input: an entry-point parameter or a member read off one (<c>request.CompanyId</c>), or a member of a
    /// request model wherever it was passed (<see cref="EntryPoints.IsRequestType"/>).
    /// </summary>
    RequestInput,
}

/// <summary>Where a value comes from; for request input, the parameter and the member path read off it.</summary>
internal readonly struct ValueOrigin
{
    public static readonly ValueOrigin Unknown = new(ValueOriginKind.Unknown, null, null);

    public static readonly ValueOrigin Context = new(ValueOriginKind.Context, null, null);

    private ValueOrigin(ValueOriginKind kind, IParameterSymbol? parameter, string? path)
    {
        Kind = kind;
        Parameter = parameter;
        Path = path;
    }

    public ValueOriginKind Kind { get; }

    /// <summary>The entry-point parameter the input comes from.</summary>
    public IParameterSymbol? Parameter { get; }

    /// <summary>How the input is read, for messages and for matching guards: <c>request.CompanyId</c>.</summary>
    public string? Path { get; }

    public bool IsInput => Kind == ValueOriginKind.RequestInput;

    public static ValueOrigin Input(IParameterSymbol parameter, string path) => new(ValueOriginKind.RequestInput, parameter, path);

    public bool IsSameInputAs(ValueOrigin other) =>
        IsInput && other.IsInput && SymbolEqualityComparer.Default.Equals(Parameter, other.Parameter) && Path == other.Path;
}

/// <summary>
/// The intra-procedural value-origin helper: follows member reads, conversions, <c>??</c>, <c>?.</c>, <c>Parse</c> calls
/// and simple locals (every write of the local in the member) back to the company context or to request input.
/// </summary>
internal sealed class ValueOriginResolver
{
    private const int MaxDepth = 8;

    private readonly EntryPoints _entryPoints;
    private readonly SemanticModel _semanticModel;
    private readonly CancellationToken _cancellationToken;

    public ValueOriginResolver(EntryPoints entryPoints, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        _entryPoints = entryPoints;
        _semanticModel = semanticModel;
        _cancellationToken = cancellationToken;
    }

    public ValueOrigin Of(IOperation? value) => Of(value, 0);

    private ValueOrigin Of(IOperation? operation, int depth)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        if (operation is null || depth > MaxDepth)
        {
            return ValueOrigin.Unknown;
        }

        if (operation.Type is { } type && _entryPoints.IsContextType(type))
        {
            return ValueOrigin.Context;
        }

        switch (operation)
        {
            case IParameterReferenceOperation reference:
                return _entryPoints.IsRequestInput(reference.Parameter, _semanticModel, _cancellationToken)
                    || _entryPoints.IsRequestType(reference.Parameter.Type)
                    ? ValueOrigin.Input(reference.Parameter, reference.Parameter.Name)
                    : ValueOrigin.Unknown;
            case IMemberReferenceOperation { Instance: { } instance } member:
                return Extend(Of(instance, depth + 1), member.Member.Name);
            case IInvocationOperation { Instance: { } instance } call:
                return Extend(Of(instance, depth + 1), call.TargetMethod.Name + "()");
            case IInvocationOperation { TargetMethod.Name: "Parse" or "ParseExact", Arguments.Length: > 0 } parse:
                return Of(parse.Arguments[0].Value, depth + 1);
            case ICoalesceOperation coalesce:
                return Of(coalesce.Value, depth + 1);
            case IConditionalAccessOperation conditional:
                return Of(conditional.WhenNotNull, depth + 1);
            case IConditionalAccessInstanceOperation:
                for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation access)
                    {
                        return Of(access.Operation, depth + 1);
                    }
                }

                return ValueOrigin.Unknown;
            case ILocalReferenceOperation local:
                return OfLocal(local, depth);
            default:
                return ValueOrigin.Unknown;
        }
    }

    private static ValueOrigin Extend(ValueOrigin inner, string member) => inner.Kind switch
    {
        ValueOriginKind.Context => ValueOrigin.Context,
        ValueOriginKind.RequestInput => ValueOrigin.Input(inner.Parameter!, inner.Path + "." + member),
        _ => ValueOrigin.Unknown,
    };

    /// <summary>
    /// The origin of every write of the local in the member: the same origin for all, or request input when input and
    /// context values mix (<c>cid = request.CompanyId ?? ...</c> still lets the input through). A local written by
    /// ref/out, a pattern or a loop is unknown. Answered once per local and depth for the whole member
    /// (<see cref="MemberOrigins"/>), from the member's <see cref="LocalUses"/>.
    /// </summary>
    private ValueOrigin OfLocal(ILocalReferenceOperation reference, int depth)
    {
        var root = LocalUses.Root(reference);
        var member = MemberOrigins.Of(root);
        if (member.TryGet(reference.Local, depth, out var known))
        {
            return known;
        }

        var origin = OfWrites(LocalUses.Of(root).Of(reference.Local), depth);
        member.Set(reference.Local, depth, origin);
        return origin;
    }

    private ValueOrigin OfWrites(IReadOnlyList<IOperation> uses, int depth)
    {
        var writes = new List<IOperation>();
        foreach (var use in uses)
        {
            switch (use)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer }:
                    writes.Add(initializer.Value);
                    break;
                case ILocalReferenceOperation { Parent: ISimpleAssignmentOperation assignment } target when assignment.Target == target:
                    writes.Add(assignment.Value);
                    break;
                case ILocalReferenceOperation { Parent: IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In }
                    or ICompoundAssignmentOperation or IDeconstructionAssignmentOperation or IDeclarationExpressionOperation }:
                    return ValueOrigin.Unknown;
            }
        }

        if (writes.Count == 0)
        {
            return ValueOrigin.Unknown;
        }

        ValueOrigin? input = null;
        foreach (var write in writes)
        {
            var origin = Of(write, depth + 1);
            switch (origin.Kind)
            {
                case ValueOriginKind.Unknown:
                    return ValueOrigin.Unknown;
                case ValueOriginKind.RequestInput:
                    input ??= origin;
                    break;
            }
        }

        return input ?? ValueOrigin.Context;
    }

    /// <summary>
    /// The conservative guard scan: an <c>==</c>/<c>!=</c> comparison of the same input with the company context anywhere
    /// in the member before <paramref name="use"/> (<c>if (companyId != _ctx.CompanyId) return Forbid();</c>). What the
    /// branch does is not checked. The member's comparisons are read once, for all its candidates.
    /// </summary>
    public bool IsComparedWithContextBefore(IOperation use, ValueOrigin input)
    {
        var member = MemberOrigins.Of(LocalUses.Root(use));
        var checks = member.ContextChecks ?? member.SetContextChecks(FindContextChecks(LocalUses.Root(use)));
        return input.Parameter is { } parameter
            && input.Path is { } path
            && checks.TryGetValue(parameter, out var paths)
            && paths.TryGetValue(path, out var first)
            && first < use.Syntax.SpanStart;
    }

    /// <summary>Every input compared with the context in the member body, by parameter and path, with the first comparison's position.</summary>
    private Dictionary<IParameterSymbol, Dictionary<string, int>> FindContextChecks(IOperation root)
    {
        var checks = new Dictionary<IParameterSymbol, Dictionary<string, int>>(SymbolEqualityComparer.Default);
        var visited = 0;
        foreach (var descendant in root.Descendants())
        {
            visited++;
            if (descendant is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison)
            {
                continue;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            var left = Of(comparison.LeftOperand);
            var right = Of(comparison.RightOperand);
            var input = left.IsInput && right.Kind == ValueOriginKind.Context ? left
                : right.IsInput && left.Kind == ValueOriginKind.Context ? right
                : default(ValueOrigin?);
            if (input is { Parameter: { } parameter, Path: { } path })
            {
                if (!checks.TryGetValue(parameter, out var paths))
                {
                    paths = new Dictionary<string, int>(StringComparer.Ordinal);
                    checks.Add(parameter, paths);
                }

                var position = comparison.Syntax.SpanStart;
                paths[path] = paths.TryGetValue(path, out var earlier) && earlier < position ? earlier : position;
            }
        }

        WorkMeter.Visit(visited);
        return checks;
    }

    /// <summary>
    /// What one member body's locals and comparisons resolve to, shared by all the candidates of the member: the origin of
    /// each local by the depth it was asked at (the depth bound makes the answer depend on it), and the context checks.
    /// Kept with the body's root operation, like <see cref="LocalUses"/>.
    /// </summary>
    private sealed class MemberOrigins
    {
        private static readonly ConditionalWeakTable<IOperation, MemberOrigins> Cache = new();

        private readonly Dictionary<ILocalSymbol, ValueOrigin?[]> _locals = new(SymbolEqualityComparer.Default);

        public Dictionary<IParameterSymbol, Dictionary<string, int>>? ContextChecks { get; private set; }

        public static MemberOrigins Of(IOperation root) => Cache.GetValue(root, static _ => new MemberOrigins());

        public bool TryGet(ILocalSymbol local, int depth, out ValueOrigin origin)
        {
            lock (_locals)
            {
                if (_locals.TryGetValue(local, out var byDepth) && byDepth[depth] is { } known)
                {
                    origin = known;
                    return true;
                }
            }

            origin = default;
            return false;
        }

        public void Set(ILocalSymbol local, int depth, ValueOrigin origin)
        {
            lock (_locals)
            {
                if (!_locals.TryGetValue(local, out var byDepth))
                {
                    byDepth = new ValueOrigin?[MaxDepth + 1];
                    _locals.Add(local, byDepth);
                }

                byDepth[depth] = origin;
            }
        }

        public Dictionary<IParameterSymbol, Dictionary<string, int>> SetContextChecks(Dictionary<IParameterSymbol, Dictionary<string, int>> checks)
        {
            lock (_locals)
            {
                return ContextChecks ??= checks;
            }
        }
    }
}
