using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Queries;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Flow;

internal enum ValueOriginKind
{
    /// <summary>Nothing known: a service-layer parameter, a computed value. Never reported.</summary>
    Unknown,

    /// <summary>
    /// The tenant context: the company context or a member of it (<c>_companyContext.CompanyId</c>), a tenant claim of the
    /// caller (<c>User.FindFirstValue("tenant_id")</c>), a project helper that reads either (<c>User.GetTenantId()</c>), or
    /// the tenant key of the caller's own user or of a row loaded through a tenant-scoped query.
    /// </summary>
    Context,

    /// <summary>
    /// Request input: an entry-point parameter or a member read off one (<c>request.CompanyId</c>), a member of a request
    /// model an entry point binds, wherever it was passed (<see cref="EntryPoints.IsRequestType"/>), or a value read from
    /// the request itself (<c>Request.Headers["X-Tenant"]</c>, query string, form, cookies, route values).
    /// </summary>
    RequestInput,

    /// <summary>The caller's own user id: the <c>sub</c>/name-identifier claim, <c>UserManager.GetUserId(User)</c>, a current-user service's <c>UserId</c>.</summary>
    CallerUserId,

    /// <summary>The caller's own user entity: <c>await _userManager.GetUserAsync(User)</c>.</summary>
    CallerUser,

    /// <summary>Another claim of the caller (email, role, name): neither the tenant nor the caller's id.</summary>
    OtherClaim,

    /// <summary>A row loaded through a tenant-scoped query, or a value read off one: the tenant's own data.</summary>
    TenantData,
}

/// <summary>Where a value comes from; for request input, the parameter (if any) and how the input is read.</summary>
internal readonly struct ValueOrigin
{
    public static readonly ValueOrigin Unknown = new(ValueOriginKind.Unknown, null, null);

    public static readonly ValueOrigin Context = new(ValueOriginKind.Context, null, null);

    public static readonly ValueOrigin CallerUserId = new(ValueOriginKind.CallerUserId, null, null);

    public static readonly ValueOrigin CallerUser = new(ValueOriginKind.CallerUser, null, null);

    public static readonly ValueOrigin OtherClaim = new(ValueOriginKind.OtherClaim, null, null);

    public static readonly ValueOrigin TenantData = new(ValueOriginKind.TenantData, null, null);

    private ValueOrigin(ValueOriginKind kind, IParameterSymbol? parameter, string? path)
    {
        Kind = kind;
        Parameter = parameter;
        Path = path;
    }

    public ValueOriginKind Kind { get; }

    /// <summary>The entry-point parameter the input comes from; null for a value read from the request itself.</summary>
    public IParameterSymbol? Parameter { get; }

    /// <summary>How the input is read, for messages and for matching guards: <c>request.CompanyId</c>.</summary>
    public string? Path { get; }

    public bool IsInput => Kind == ValueOriginKind.RequestInput;

    /// <summary>A value the caller's own identity or tenant vouches for: the context, the caller's id, the tenant's data.</summary>
    public bool IsTrusted => Kind is ValueOriginKind.Context or ValueOriginKind.CallerUserId or ValueOriginKind.TenantData;

    public static ValueOrigin Input(IParameterSymbol? parameter, string path) => new(ValueOriginKind.RequestInput, parameter, path);

    public bool IsSameInputAs(ValueOrigin other) =>
        IsInput && other.IsInput && SymbolEqualityComparer.Default.Equals(Parameter, other.Parameter) && Path == other.Path;
}

/// <summary>
/// The intra-procedural value-origin helper: follows member reads, conversions, <c>await</c>, <c>??</c>, <c>?.</c>,
/// <c>Parse</c>/<c>TryParse</c>/<c>Convert.To*</c> calls and simple locals (every write of the local in the member) back to
/// the context, the caller's identity (<see cref="CallerIdentity"/>), request input, or a tenant-scoped load.
/// </summary>
internal sealed class ValueOriginResolver
{
    private const int MaxDepth = 8;

    /// <summary>Calls that return the same value in another form: the origin is the receiver's.</summary>
    private static readonly HashSet<string> SameValueCalls = new(System.StringComparer.Ordinal)
    {
        "ToString", "Trim", "ToLower", "ToUpper", "ToLowerInvariant", "ToUpperInvariant", "GetValueOrDefault", "ConfigureAwait",
    };

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

    /// <summary>A resolver for another member's body: a helper of the project read in source.</summary>
    internal ValueOriginResolver ForBody(SemanticModel semanticModel) => new(_entryPoints, semanticModel, _cancellationToken);

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

        _cancellationToken.ThrowIfCancellationRequested();
        if (operation.Type is { } type && _entryPoints.IsContextType(type))
        {
            return ValueOrigin.Context;
        }

        if (_entryPoints.Identity.Of(operation, this) is { } identity)
        {
            return identity;
        }

        if (_entryPoints.RequestRead(operation) is { } requestRead)
        {
            return ValueOrigin.Input(null, requestRead);
        }

        switch (operation)
        {
            case IParameterReferenceOperation reference:
                return _entryPoints.IsRequestInput(reference.Parameter, _semanticModel, _cancellationToken)
                    || _entryPoints.IsBoundRequestType(reference.Parameter.Type, _cancellationToken)
                    ? ValueOrigin.Input(reference.Parameter, reference.Parameter.Name)
                    : ValueOrigin.Unknown;
            case IPropertyReferenceOperation { Instance: IInstanceReferenceOperation } bound when _entryPoints.IsBoundProperty(bound.Property):
                return ValueOrigin.Input(null, bound.Property.Name);
            case IMemberReferenceOperation { Instance: IParameterReferenceOperation { Parameter: var carrier } } member
                when !_entryPoints.IsRequestInput(carrier, _semanticModel, _cancellationToken)
                    && _entryPoints.IsOverwrittenWhereBound(carrier.Type, member.Member.Name, _cancellationToken):
                // A request model whose entry points set this member themselves: not the caller's value here.
                return ValueOrigin.Unknown;
            case IMemberReferenceOperation { Instance: { } instance } member:
                return Extend(Of(instance, depth + 1), member.Member.Name);
            case IAwaitOperation awaited:
                return Of(awaited.Operation, depth + 1);
            case IInvocationOperation call when _entryPoints.Model.Ef.HasEntityFramework && ScopedLoad.OnlyTenantRows(call, _entryPoints.Model):
                return ValueOrigin.TenantData;
            case IInvocationOperation { Instance: { } instance } call when SameValueCalls.Contains(call.TargetMethod.Name):
                return Of(instance, depth + 1);
            case IInvocationOperation { Instance: { } instance } call:
                return Extend(Of(instance, depth + 1), call.TargetMethod.Name + "()");
            case IInvocationOperation { TargetMethod.Name: "Parse" or "ParseExact", Arguments.Length: > 0 } parse:
                return Of(parse.Arguments[0].Value, depth + 1);
            case IInvocationOperation { TargetMethod.ContainingType.Name: "Convert", TargetMethod.Name: var name, Arguments.Length: > 0 } convert
                when name.StartsWith("To", System.StringComparison.Ordinal):
                return Of(convert.Arguments[0].Value, depth + 1);
            case ICoalesceOperation coalesce:
                return Of(coalesce.Value, depth + 1);
            case IConditionalAccessOperation conditional:
                return Of(conditional.WhenNotNull, depth + 1);
            case IConditionalAccessInstanceOperation:
                return ConditionalAccessReceiver(operation) is { } receiver ? Of(receiver, depth + 1) : ValueOrigin.Unknown;
            case ILocalReferenceOperation local:
                return OfLocal(local, depth);
            default:
                return ValueOrigin.Unknown;
        }
    }

    /// <summary>The operand of the <c>?.</c> that <paramref name="instance"/> (its implicit receiver) stands for.</summary>
    public static IOperation? ConditionalAccessReceiver(IOperation instance)
    {
        for (var parent = instance.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation access)
            {
                return access.Operation;
            }
        }

        return null;
    }

    private ValueOrigin Extend(ValueOrigin inner, string member) => inner.Kind switch
    {
        ValueOriginKind.Context => ValueOrigin.Context,
        ValueOriginKind.RequestInput => ValueOrigin.Input(inner.Parameter, inner.Path + "." + member),
        ValueOriginKind.CallerUser when _entryPoints.Model.IsTenantKeyName(member) => ValueOrigin.Context,
        ValueOriginKind.CallerUser when member is "Id" or "UserId" => ValueOrigin.CallerUserId,
        ValueOriginKind.TenantData when _entryPoints.Model.IsTenantKeyName(member) => ValueOrigin.Context,
        ValueOriginKind.TenantData => ValueOrigin.TenantData,
        _ => ValueOrigin.Unknown,
    };

    /// <summary>
    /// The origin of every write of the local in the member: the same origin for all, or request input when input mixes
    /// with known origins (<c>cid = request.CompanyId ?? ...</c> still lets the input through); an unknown write, or two
    /// different known origins, make it unknown. A local written by a
    /// pattern, a deconstruction, a compound assignment or by <c>ref</c>/<c>out</c> is unknown, except the <c>out</c> of
    /// <c>TryParse</c>, which holds the value parsed. Answered once per local and depth for the whole member
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
                case ILocalReferenceOperation other when ParsedInto(other) is { } parsed:
                    writes.Add(parsed);
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
        ValueOrigin? known = null;
        foreach (var write in writes)
        {
            var origin = Of(write, depth + 1);
            if (origin.Kind == ValueOriginKind.Unknown || (known is { } first && first.Kind != origin.Kind && !origin.IsInput))
            {
                return ValueOrigin.Unknown;
            }

            if (origin.IsInput)
            {
                input ??= origin;
            }
            else
            {
                known = origin;
            }
        }

        return input ?? known ?? ValueOrigin.Unknown;
    }

    /// <summary><c>int.TryParse(text, out var id)</c> / <c>out id</c>: the text the local is parsed from.</summary>
    private static IOperation? ParsedInto(ILocalReferenceOperation local)
    {
        var argument = local.Parent is IDeclarationExpressionOperation declaration ? declaration.Parent : local.Parent;
        return argument is IArgumentOperation { Parameter.RefKind: RefKind.Out, Parent: IInvocationOperation { TargetMethod.Name: "TryParse", Arguments.Length: >= 2 } parse }
            && parse.Arguments[0] != argument
                ? parse.Arguments[0].Value
                : null;
    }

    /// <summary>
    /// What one member body's locals and comparisons resolve to, shared by all the candidates of the member: the origin of
    /// each local by the depth it was asked at (the depth bound makes the answer depend on it).
    /// Kept with the body's root operation, like <see cref="LocalUses"/>.
    /// </summary>
    private sealed class MemberOrigins
    {
        private static readonly ConditionalWeakTable<IOperation, MemberOrigins> Cache = new();

        private readonly Dictionary<ILocalSymbol, ValueOrigin?[]> _locals = new(SymbolEqualityComparer.Default);

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
    }
}
