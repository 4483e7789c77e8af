using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Flow;

internal enum ConstructorKeyKind
{
    /// <summary>The constructor cannot be read (it is not in source): judge it by its parameters' names and types.</summary>
    Unknown,

    /// <summary>The constructor, and the constructors it chains to, never set the tenant key.</summary>
    NotSet,

    /// <summary>The key is set from one of the constructor's parameters: the argument decides.</summary>
    FromParameter,

    /// <summary>The key is set from something else than a parameter (a constant, a computed value): set, not judged.</summary>
    SetOther,
}

/// <summary>What a constructor does with the tenant key: <see cref="Kind"/>, and for <see cref="ConstructorKeyKind.FromParameter"/> which parameter.</summary>
internal readonly struct ConstructorKey
{
    public static readonly ConstructorKey Unknown = new(ConstructorKeyKind.Unknown, -1);
    public static readonly ConstructorKey NotSet = new(ConstructorKeyKind.NotSet, -1);
    public static readonly ConstructorKey SetOther = new(ConstructorKeyKind.SetOther, -1);

    private ConstructorKey(ConstructorKeyKind kind, int ordinal)
    {
        Kind = kind;
        ParameterOrdinal = ordinal;
    }

    public ConstructorKeyKind Kind { get; }

    public int ParameterOrdinal { get; }

    public static ConstructorKey FromParameter(int ordinal) => new(ConstructorKeyKind.FromParameter, ordinal);
}

/// <summary>
/// Maps a constructor to the tenant key it sets, by reading it in source: an assignment of the key (or of the navigation
/// to the tenant root, or of a field named like the key: <c>_tenantId</c>) in its body, through <c>?? throw</c>, a guard
/// call (<c>Guard.NotEmpty(tenantId)</c>) or a private setter method of the type, a property initialized from a primary
/// constructor's parameter, a record's positional parameter, and the <c>: base(...)</c>/<c>: this(...)</c> constructors
/// it chains to, their arguments mapped back to its own parameters. Each constructor is read once per compilation.
/// </summary>
internal sealed class ConstructorTenantKey
{
    private const int MaxChainDepth = 8;

    private readonly TenantModel _model;
    private readonly ConcurrentDictionary<IMethodSymbol, ConstructorKey> _read = new(SymbolEqualityComparer.Default);

    public ConstructorTenantKey(TenantModel model)
    {
        _model = model;
    }

    public ConstructorKey Of(IMethodSymbol constructor, CancellationToken cancellationToken) => Of(constructor.OriginalDefinition, 0, cancellationToken);

    /// <summary>The argument of <paramref name="creation"/> that becomes the tenant key; null when none does or it cannot be told.</summary>
    public IOperation? KeyArgument(IObjectCreationOperation creation, CancellationToken cancellationToken)
    {
        if (creation.Constructor is not { } constructor || Of(constructor, cancellationToken) is not { Kind: ConstructorKeyKind.FromParameter } key)
        {
            return null;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Ordinal == key.ParameterOrdinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private ConstructorKey Of(IMethodSymbol constructor, int depth, CancellationToken cancellationToken)
    {
        if (_read.TryGetValue(constructor, out var known))
        {
            return known;
        }

        var key = depth > MaxChainDepth ? ConstructorKey.Unknown : Read(constructor, depth, cancellationToken);
        _read.TryAdd(constructor, key);
        return key;
    }

    private ConstructorKey Read(IMethodSymbol constructor, int depth, CancellationToken cancellationToken)
    {
        if (constructor.IsImplicitlyDeclared && constructor.Parameters.IsEmpty)
        {
            // The default constructor sets nothing itself; the base class's parameterless constructor might.
            return ParameterlessBase(constructor.ContainingType, depth, cancellationToken);
        }

        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            var semanticModel = _model.Compilation.GetSemanticModel(syntax.SyntaxTree);
            switch (syntax)
            {
                case ConstructorDeclarationSyntax declaration:
                    return ReadDeclaration(declaration, constructor, semanticModel, depth, cancellationToken);
                case TypeDeclarationSyntax primary:
                    return ReadPrimary(primary, constructor, semanticModel, cancellationToken);
            }
        }

        return ConstructorKey.Unknown;
    }

    private ConstructorKey ParameterlessBase(INamedTypeSymbol type, int depth, CancellationToken cancellationToken)
    {
        if (type.BaseType is not { SpecialType: SpecialType.None } baseType)
        {
            return ConstructorKey.NotSet;
        }

        foreach (var candidate in baseType.InstanceConstructors)
        {
            if (candidate.Parameters.IsEmpty)
            {
                return Of(candidate, depth + 1, cancellationToken);
            }
        }

        return ConstructorKey.Unknown;
    }

    private ConstructorKey ReadDeclaration(ConstructorDeclarationSyntax declaration, IMethodSymbol constructor, SemanticModel semanticModel, int depth, CancellationToken cancellationToken)
    {
        if (semanticModel.GetOperation(declaration, cancellationToken) is not IConstructorBodyOperation body)
        {
            return ConstructorKey.Unknown;
        }

        var own = ConstructorKey.NotSet;
        var keyParameterHandedOn = false;
        foreach (var block in new IOperation?[] { body.BlockBody, body.ExpressionBody })
        {
            if (block is null)
            {
                continue;
            }

            foreach (var operation in block.DescendantsAndSelf())
            {
                if (operation is ISimpleAssignmentOperation assignment && SetsKey(assignment.Target))
                {
                    own = Merge(own, KeyFrom(assignment.Value, constructor));
                }
                else if (operation is IInvocationOperation { Instance: IInstanceReferenceOperation, TargetMethod.MethodKind: MethodKind.Ordinary } call
                    && SetterParameter(call.TargetMethod, cancellationToken) is { } setterParameter)
                {
                    // SetTenant(tenantId): a method of the type or a base type that assigns the key from its parameter.
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter?.Ordinal == setterParameter)
                        {
                            own = Merge(own, KeyFrom(argument.Value, constructor));
                        }
                    }
                }
                else if (operation is IArgumentOperation { Value: var passed } && Unwrap(passed) is IParameterReferenceOperation { Parameter: var handed } && IsKeyField(handed.Name))
                {
                    // Apply(new OrderCreated(tenantId)): the key may be set where it is handed to.
                    keyParameterHandedOn = true;
                }
            }
        }

        if (own.Kind != ConstructorKeyKind.NotSet)
        {
            return own;
        }

        if (keyParameterHandedOn)
        {
            return ConstructorKey.Unknown;
        }

        return declaration.Initializer is not null && body.Initializer is { } initializer
            ? Chained(initializer, constructor, depth, cancellationToken)
            : ParameterlessBase(constructor.ContainingType, depth, cancellationToken);
    }

    /// <summary><c>: base(tenantId, ...)</c>: what the chained constructor does with the key, mapped to this one's parameters.</summary>
    private ConstructorKey Chained(IOperation initializer, IMethodSymbol constructor, int depth, CancellationToken cancellationToken)
    {
        foreach (var operation in initializer.DescendantsAndSelf())
        {
            if (operation is not IInvocationOperation { TargetMethod.MethodKind: MethodKind.Constructor } chained)
            {
                continue;
            }

            var target = Of(chained.TargetMethod.OriginalDefinition, depth + 1, cancellationToken);
            if (target.Kind == ConstructorKeyKind.Unknown && KeyParameterByName(chained.TargetMethod) is { } named)
            {
                // A base class from another assembly: its parameter named like the key is taken to set it.
                target = ConstructorKey.FromParameter(named);
            }

            if (target.Kind != ConstructorKeyKind.FromParameter)
            {
                return target.Kind == ConstructorKeyKind.Unknown ? ConstructorKey.NotSet : target;
            }

            foreach (var argument in chained.Arguments)
            {
                if (argument.Parameter?.Ordinal == target.ParameterOrdinal)
                {
                    return KeyFrom(argument.Value, constructor);
                }
            }

            return ConstructorKey.NotSet;
        }

        return ConstructorKey.NotSet;
    }

    /// <summary>
    /// For a constructor that cannot be read: the parameter named like the key (<c>companyId</c>) or typed as the tenant
    /// root (EF Core sets the key from the navigation), the convention such constructors follow.
    /// </summary>
    public int? KeyParameterByName(IMethodSymbol constructor)
    {
        foreach (var parameter in constructor.Parameters)
        {
            if (_model.Classify(parameter.Type).IsRoot || IsKeyField(parameter.Name))
            {
                return parameter.Ordinal;
            }
        }

        return null;
    }

    /// <summary>
    /// Primary constructors and records: a positional parameter named like the key, a property or field initialized from
    /// a parameter, or a parameter named like the key that the type's members read (<c>public Guid TenantId =&gt; tenantId;</c>).
    /// </summary>
    private ConstructorKey ReadPrimary(TypeDeclarationSyntax type, IMethodSymbol constructor, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var parameter in constructor.Parameters)
        {
            if (type is RecordDeclarationSyntax && _model.IsTenantKeyName(parameter.Name))
            {
                return ConstructorKey.FromParameter(parameter.Ordinal);
            }
        }

        foreach (var member in type.Members)
        {
            if (member is PropertyDeclarationSyntax { Initializer.Value: { } value } property
                && (_model.IsTenantKeyName(property.Identifier.ValueText) || IsKeyField(property.Identifier.ValueText))
                && semanticModel.GetOperation(value, cancellationToken) is { } initial)
            {
                return KeyFrom(initial, constructor);
            }

            if (member is FieldDeclarationSyntax field)
            {
                foreach (var variable in field.Declaration.Variables)
                {
                    if (variable.Initializer?.Value is { } fieldValue && IsKeyField(variable.Identifier.ValueText)
                        && semanticModel.GetOperation(fieldValue, cancellationToken) is { } fieldInitial)
                    {
                        return KeyFrom(fieldInitial, constructor);
                    }
                }
            }
        }

        foreach (var parameter in constructor.Parameters)
        {
            if (IsKeyField(parameter.Name) && ReadsName(type.Members, parameter.Name))
            {
                return ConstructorKey.FromParameter(parameter.Ordinal);
            }
        }

        return ConstructorKey.NotSet;
    }

    private static bool ReadsName(SyntaxList<MemberDeclarationSyntax> members, string name)
    {
        foreach (var member in members)
        {
            foreach (var node in member.DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The ordinal of the parameter a method of the type assigns to the key (<c>void SetTenant(Guid id) =&gt; TenantId = id;</c>).</summary>
    private int? SetterParameter(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (_model.Compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is not { } body)
            {
                continue;
            }

            foreach (var operation in body.Descendants())
            {
                if (operation is ISimpleAssignmentOperation assignment && SetsKey(assignment.Target)
                    && Unwrap(assignment.Value) is IParameterReferenceOperation parameter)
                {
                    return parameter.Parameter.Ordinal;
                }
            }
        }

        return null;
    }

    private bool SetsKey(IOperation target) => target switch
    {
        IPropertyReferenceOperation { Instance: IInstanceReferenceOperation } property => CreatedEntityFlow.SetsOwner(property.Property, _model),
        IFieldReferenceOperation { Instance: IInstanceReferenceOperation } field => IsKeyField(field.Field.Name),
        _ => false,
    };

    /// <summary><c>_tenantId</c>, <c>tenantId</c>: a backing field of the key.</summary>
    private bool IsKeyField(string name)
    {
        var trimmed = name.TrimStart('_');
        foreach (var key in _model.Options.TenantKeys)
        {
            if (string.Equals(key, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The key's value: a parameter of <paramref name="constructor"/> (also through <c>?? throw</c> or a guard call), nothing (<c>null</c>, <c>default</c>), or something else.</summary>
    private static ConstructorKey KeyFrom(IOperation value, IMethodSymbol constructor)
    {
        var unwrapped = Unwrap(value);
        switch (unwrapped)
        {
            case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, constructor):
                return ConstructorKey.FromParameter(parameter.Parameter.Ordinal);
            case ICoalesceOperation { WhenNull: var whenNull } coalesce when Unwrap(whenNull) is IThrowOperation:
                return KeyFrom(coalesce.Value, constructor);
            case IInvocationOperation { Instance: null, Arguments.Length: > 0 } guard when guard.TargetMethod.ReturnType.SpecialType != SpecialType.System_Void
                && Unwrap(guard.Arguments[0].Value) is IParameterReferenceOperation:
                return KeyFrom(guard.Arguments[0].Value, constructor);
            case var nothing when IsNothing(nothing):
                return ConstructorKey.NotSet;
            default:
                return ConstructorKey.SetOther;
        }
    }

    /// <summary><c>null</c>, <c>default</c>, <c>Guid.Empty</c>: a key that is no tenant.</summary>
    public static bool IsNothing(IOperation value)
    {
        value = Unwrap(value);
        return value is IDefaultValueOperation
            || value.ConstantValue is { HasValue: true, Value: null }
            || value is IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.Name: "Guid", ContainingType.ContainingNamespace.Name: "System" } };
    }

    /// <summary>Two assignments of the key in one constructor: any that sets it wins, a parameter first.</summary>
    private static ConstructorKey Merge(ConstructorKey current, ConstructorKey next) =>
        current.Kind == ConstructorKeyKind.FromParameter || next.Kind == ConstructorKeyKind.NotSet ? current : next;

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }
}
