using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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
    /// ref/out, a pattern or a loop is unknown.
    /// </summary>
    private ValueOrigin OfLocal(ILocalReferenceOperation reference, int depth)
    {
        var root = (IOperation)reference;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var writes = new List<IOperation>();
        foreach (var descendant in root.Descendants())
        {
            switch (descendant)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    if (declarator.Initializer is { } initializer)
                    {
                        writes.Add(initializer.Value);
                    }

                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    writes.Add(assignment.Value);
                    break;
                case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, reference.Local)
                    && (other.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In }
                        or ICompoundAssignmentOperation or IDeconstructionAssignmentOperation or IDeclarationExpressionOperation):
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
}
