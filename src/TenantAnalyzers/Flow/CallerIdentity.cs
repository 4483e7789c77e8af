using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Flow;

/// <summary>
/// The caller's identity as code reads it: claims of the principal, ASP.NET Core Identity's user of the request, a
/// current-user service, and the project's helpers that return one of them. A claim named by <c>tenant_claims</c> is the
/// tenant context; the name-identifier, <c>sub</c> and other user-id claims are the caller's own id; any other claim is
/// just a claim (not the context).
/// </summary>
/// <remarks>
/// Claim reads: <c>principal.FindFirst(type)?.Value</c>, <c>principal.FindFirstValue(type)</c>,
/// <c>principal.Claims.First(c =&gt; c.Type == type).Value</c> (also <c>FirstOrDefault</c>/<c>Single</c>/<c>Where(...)</c>
/// and <c>Select(c =&gt; c.Value)</c>), on a <c>ClaimsPrincipal</c> or <c>ClaimsIdentity</c>; the claim type must be a
/// constant; also a claims helper of the project given the claim type (<c>User.GetClaimValue("tenant_id")</c>).
/// Identity: <c>UserManager.GetUserId(principal)</c> (the caller's id), <c>GetUserAsync(principal)</c> (the
/// caller's user, whose tenant key is the context). Helpers: a method or property of the project whose value (its expression
/// body or single <c>return</c>, an interface member through its implementations) is one of these, or a read-only field or
/// get-only property filled from one in the type's constructors (<c>_tenantId = currentUser.TenantId;</c>), read in source
/// at most three members deep and cached for the compilation; a member named <c>UserId</c> or like a tenant key of a current-user
/// service (a type named like <c>*CurrentUser*</c>, <c>*UserContext*</c>, <c>*UserAccessor*</c>, <c>*UserSession*</c>,
/// <c>*UserProvider*</c>) whose body cannot be read.
/// </remarks>
internal sealed class CallerIdentity
{
    private const int MaxHelperDepth = 3;
    private const int MaxImplementations = 4;

    /// <summary>Claim types of the caller's user id, compared loosely by their last segment.</summary>
    private static readonly ImmutableArray<string> UserIdClaims =
        ImmutableArray.Create("nameidentifier", "nameid", "sub", "userid", "uid", "oid", "objectidentifier");

    /// <summary>What the services that stand for the caller are called.</summary>
    private static readonly string[] CurrentUserWords = ["CurrentUser", "UserContext", "UserAccessor", "UserSession", "UserProvider"];

    private readonly TenantModel _model;
    private readonly ImmutableArray<string> _tenantClaims;
    private readonly ImmutableArray<string> _helperWords;
    private readonly Lazy<INamedTypeSymbol?> _claim;
    private readonly Lazy<INamedTypeSymbol?> _userManager;
    private readonly ConcurrentDictionary<ISymbol, ValueOriginKind> _helpers = new(SymbolEqualityComparer.Default);

    /// <summary>How many helper bodies deep the current thread is reading.</summary>
    [ThreadStatic]
    private static int t_nesting;

    public CallerIdentity(TenantModel model)
    {
        _model = model;
        var words = new System.Collections.Generic.List<string> { "User", "Claim", "Principal", "Identity", "Tenant" };
        foreach (var name in model.Options.TenantKeys.Concat(model.Options.TenantRoots))
        {
            words.Add(name.Substring(name.LastIndexOf('.') + 1));
        }

        _helperWords = words.ToImmutableArray();
        _tenantClaims = LooseName.NormalizeAll(model.Options.TenantClaims, LooseName.NormalizeClaimType);
        var compilation = model.Compilation;
        _claim = new(
            () => ReferencedTypes.Find(compilation, "System.Security.Claims.Claim", "System.Security.Claims", "System.Private.CoreLib", "netstandard", "mscorlib"),
            LazyThreadSafetyMode.PublicationOnly);
        _userManager = new(
            () => ReferencedTypes.Find(compilation, "Microsoft.AspNetCore.Identity.UserManager`1", "Microsoft.Extensions.Identity.Core"),
            LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The origin of an identity read; null when <paramref name="operation"/> is not one.</summary>
    public ValueOrigin? Of(IOperation operation, ValueOriginResolver resolver)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } claim } when IsClaim(claim.Type):
                return ClaimTypeOf(claim) is { } type ? Classify(type) : ValueOrigin.Unknown;
            case IInvocationOperation call:
                return OfCall(call, resolver);
            case IPropertyReferenceOperation property when !property.Property.IsStatic:
                return OfHelper(property.Property, resolver);
            case IFieldReferenceOperation { Field: { IsStatic: false, IsReadOnly: true } field }:
                return OfHelper(field, resolver);
            default:
                return null;
        }
    }

    private ValueOrigin? OfCall(IInvocationOperation call, ValueOriginResolver resolver)
    {
        var method = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
        switch (method.Name)
        {
            case "FindFirstValue" when ClaimTypeArgument(call) is { } type:
                return Classify(type);
            case "FirstOrDefault" or "First" or "SingleOrDefault" or "Single" or "LastOrDefault" or "Last" when IsClaimSequenceValue(call):
                return ClaimTypeOfSequence(call) is { } queried ? Classify(queried) : ValueOrigin.Unknown;
            case "GetUserId" when IsUserManager(method.ContainingType):
                return ValueOrigin.CallerUserId;
            case "GetUserAsync" when IsUserManager(method.ContainingType):
                return ValueOrigin.CallerUser;
        }

        if (ClaimHelperArgument(call, method) is { } claimType)
        {
            return Classify(claimType);
        }

        return method.IsExtensionMethod || call.Instance is not null ? OfHelper(method, resolver) : null;
    }

    /// <summary>
    /// <c>User.GetClaimValue("tenant_id")</c>: a helper of the project named for claims that takes the claim type as its one
    /// constant string argument and returns a value (not a test such as <c>HasClaim</c>).
    /// </summary>
    private static string? ClaimHelperArgument(IInvocationOperation call, IMethodSymbol method)
    {
        if (method.Name.IndexOf("Claim", StringComparison.Ordinal) < 0
            || method.ReturnType.SpecialType == SpecialType.System_Boolean
            || FrameworkApi.Declares(method))
        {
            return null;
        }

        string? claimType = null;
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType != SpecialType.System_String)
            {
                continue;
            }

            if (claimType is not null || Constant(argument.Value) is not { } constant)
            {
                return null;
            }

            claimType = constant;
        }

        return claimType;
    }

    /// <summary>The claim type a <c>Claim</c>-valued expression reads: <c>FindFirst(type)</c>, or a claims query's <c>First(c =&gt; c.Type == type)</c>.</summary>
    private string? ClaimTypeOf(IOperation claim)
    {
        claim = Unwrap(claim);
        if (claim is IConditionalAccessInstanceOperation && ValueOriginResolver.ConditionalAccessReceiver(claim) is { } receiver)
        {
            claim = Unwrap(receiver);
        }

        return claim switch
        {
            IInvocationOperation { TargetMethod.Name: "FindFirst" } findFirst => ClaimTypeArgument(findFirst) ?? ClaimTypeOfPredicate(findFirst),
            IInvocationOperation sequence => ClaimTypeOfSequence(sequence),
            _ => null,
        };
    }

    /// <summary>The constant claim type passed to <c>FindFirst</c>/<c>FindFirstValue</c>: the first string argument.</summary>
    private static string? ClaimTypeArgument(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
            {
                return Unwrap(argument.Value).ConstantValue is { HasValue: true, Value: string type } ? type : null;
            }
        }

        return null;
    }

    /// <summary><c>principal.FindFirst(c =&gt; c.Type == "tenant_id")</c>: the claim type its predicate asks for.</summary>
    private string? ClaimTypeOfPredicate(IInvocationOperation findFirst) =>
        Queries.QueryChain.GetLambdaArgument(findFirst) is { Symbol.Parameters: { Length: 1 } parameters } lambda
        && IsClaim(parameters[0].Type)
        && Queries.TenantPredicate.ReturnedValue(lambda) is { } body
            ? TypeComparedIn(body, parameters[0])
            : null;

    /// <summary><c>principal.Claims.Where(...).Select(c =&gt; c.Value).FirstOrDefault()</c>: a query over claims whose result is a claim or its value.</summary>
    private bool IsClaimSequenceValue(IInvocationOperation call) =>
        call.Type?.SpecialType == SpecialType.System_String && _model.Ef.GetSequenceElementType(Source(call)?.Type) is { } element
        && (IsClaim(element) || element.SpecialType == SpecialType.System_String);

    /// <summary>The <c>c.Type == "..."</c> of the claims query below <paramref name="call"/> (its own predicate or a <c>Where</c>).</summary>
    private string? ClaimTypeOfSequence(IInvocationOperation call)
    {
        for (IOperation? current = call; current is IInvocationOperation op; current = Source(op))
        {
            if (!_model.Ef.IsLinqOperator(op.TargetMethod.ReducedFrom ?? op.TargetMethod))
            {
                return null;
            }

            if (Queries.QueryChain.GetLambdaArgument(op) is { } lambda
                && lambda.Symbol.Parameters.Length == 1
                && IsClaim(lambda.Symbol.Parameters[0].Type)
                && Queries.TenantPredicate.ReturnedValue(lambda) is { } body
                && TypeComparedIn(body, lambda.Symbol.Parameters[0]) is { } type)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary><c>c.Type == "tenant_id"</c> (either side), or <c>... &amp;&amp; c.Type == ...</c>.</summary>
    private static string? TypeComparedIn(IOperation body, IParameterSymbol claim)
    {
        body = Unwrap(body);
        switch (body)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                return TypeComparedIn(and.LeftOperand, claim) ?? TypeComparedIn(and.RightOperand, claim);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                return IsClaimType(equals.LeftOperand, claim) ? Constant(equals.RightOperand)
                    : IsClaimType(equals.RightOperand, claim) ? Constant(equals.LeftOperand)
                    : null;
            case IInvocationOperation { TargetMethod.Name: "Equals", Instance: { } instance, Arguments.Length: >= 1 } call when IsClaimType(instance, claim):
                return Constant(call.Arguments[0].Value);
            default:
                return null;
        }
    }

    private static bool IsClaimType(IOperation operation, IParameterSymbol claim) =>
        Unwrap(operation) is IPropertyReferenceOperation { Property.Name: "Type", Instance: { } instance }
        && Unwrap(instance) is IParameterReferenceOperation reference
        && SymbolEqualityComparer.Default.Equals(reference.Parameter, claim);

    private static string? Constant(IOperation operation) => Unwrap(operation).ConstantValue is { HasValue: true, Value: string text } ? text : null;

    private ValueOrigin Classify(string claimType)
    {
        var normalized = LooseName.NormalizeClaimType(claimType);
        if (LooseName.Contains(_tenantClaims, normalized))
        {
            return ValueOrigin.Context;
        }

        return LooseName.Contains(UserIdClaims, normalized) ? ValueOrigin.CallerUserId : ValueOrigin.OtherClaim;
    }

    /// <summary>
    /// A method or property of the project whose value is an identity read: its own body, or for an interface member every
    /// implementation's. A current-user service whose body is not at hand is judged by its member's name. The answer for
    /// a member asked directly is cached for the compilation; members read inside another helper's body (at most
    /// <see cref="MaxHelperDepth"/> deep) are answered afresh, so every answer is the same whichever is asked first.
    /// </summary>
    private ValueOrigin? OfHelper(ISymbol member, ValueOriginResolver resolver)
    {
        member = member.OriginalDefinition;
        if (!MayBeIdentityHelper(member))
        {
            return null;
        }

        ValueOriginKind kind;
        if (t_nesting > 0)
        {
            kind = t_nesting >= MaxHelperDepth ? ValueOriginKind.Unknown : HelperKind(member, resolver);
        }
        else if (!_helpers.TryGetValue(member, out kind))
        {
            kind = HelperKind(member, resolver);
            _helpers.TryAdd(member, kind);
        }

        return kind switch
        {
            ValueOriginKind.Context => ValueOrigin.Context,
            ValueOriginKind.CallerUserId => ValueOrigin.CallerUserId,
            ValueOriginKind.CallerUser => ValueOrigin.CallerUser,
            ValueOriginKind.OtherClaim => ValueOrigin.OtherClaim,
            _ => null,
        };
    }

    /// <summary>
    /// The cheap test before a helper's body (or an interface's implementations) is read: a member of the project named
    /// like what it would return (<c>GetTenantId</c>, <c>CompanyId</c>, <c>UserId</c>, <c>CurrentUser</c>, <c>Claims</c>,
    /// <c>Principal</c>). An entity's auto-property has no body to read and costs a lookup; the answer is cached.
    /// </summary>
    private bool MayBeIdentityHelper(ISymbol member)
    {
        if (FrameworkApi.Declares(member) || member.ContainingType is null)
        {
            return false;
        }

        var name = member.Name;
        foreach (var word in _helperWords)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private ValueOriginKind HelperKind(ISymbol member, ValueOriginResolver resolver)
    {
        t_nesting++;
        try
        {
            var kind = ValueOriginKind.Unknown;
            if (member.ContainingType is { TypeKind: TypeKind.Interface } contract)
            {
                kind = ImplementationsKind(member, contract, resolver);
            }
            else if (SourceMembers.ReturnedValue(member, CancellationToken.None) is { } returned)
            {
                kind = IdentityKindOf(returned, resolver);
            }
            else if (member is IFieldSymbol { IsReadOnly: true } or IPropertySymbol { SetMethod: null or { IsInitOnly: true } })
            {
                kind = WrittenKind(member, resolver);
            }

            if (kind == ValueOriginKind.Unknown && IsCurrentUserService(member.ContainingType))
            {
                kind = member.Name is "UserId" or "Id" ? ValueOriginKind.CallerUserId
                    : _model.IsTenantKeyName(member.Name) ? ValueOriginKind.Context
                    : ValueOriginKind.Unknown;
            }

            return kind;
        }
        finally
        {
            t_nesting--;
        }
    }

    private ValueOriginKind IdentityKindOf(ExpressionSyntax value, ValueOriginResolver resolver)
    {
        var semanticModel = _model.Compilation.GetSemanticModel(value.SyntaxTree);
        var origin = resolver.ForBody(semanticModel).Of(semanticModel.GetOperation(value));
        return origin.Kind is ValueOriginKind.Context or ValueOriginKind.CallerUserId or ValueOriginKind.CallerUser or ValueOriginKind.OtherClaim
            ? origin.Kind
            : ValueOriginKind.Unknown;
    }

    /// <summary>
    /// A read-only field or get-only auto-property filled from the caller's identity: its initializer and every assignment
    /// in the type's constructors (<c>_tenantId = currentUser.TenantId;</c>) read the same identity value.
    /// </summary>
    private ValueOriginKind WrittenKind(ISymbol member, ValueOriginResolver resolver)
    {
        var writes = new List<ExpressionSyntax>();
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax())
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } initializer }:
                    writes.Add(initializer);
                    break;
                case PropertyDeclarationSyntax { Initializer.Value: { } initializer }:
                    writes.Add(initializer);
                    break;
            }
        }

        foreach (var constructor in member.ContainingType.InstanceConstructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax().DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax assignment && AssignedName(assignment.Left) == member.Name)
                    {
                        writes.Add(assignment.Right);
                    }
                }
            }
        }

        var kind = ValueOriginKind.Unknown;
        foreach (var write in writes)
        {
            var written = IdentityKindOf(write, resolver);
            if (written == ValueOriginKind.Unknown || (kind != ValueOriginKind.Unknown && kind != written))
            {
                return ValueOriginKind.Unknown;
            }

            kind = written;
        }

        return kind;
    }

    private static string? AssignedName(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>A service that stands for the caller, by the names such services carry: <c>ICurrentUserService</c>, <c>IUserContext</c>, <c>UserAccessor</c>...</summary>
    private static bool IsCurrentUserService(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var word in CurrentUserWords)
        {
            if (type.Name.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private ValueOriginKind ImplementationsKind(ISymbol member, INamedTypeSymbol contract, ValueOriginResolver resolver)
    {
        var kind = ValueOriginKind.Unknown;
        var count = 0;
        foreach (var candidate in SourceMembers.ImplementationsOf(_model.Compilation, member, contract, CancellationToken.None))
        {
            var implemented = OfHelper(candidate, resolver)?.Kind ?? ValueOriginKind.Unknown;
            if (++count > MaxImplementations || implemented == ValueOriginKind.Unknown || (kind != ValueOriginKind.Unknown && kind != implemented))
            {
                return ValueOriginKind.Unknown;
            }

            kind = implemented;
        }

        return kind;
    }



    private bool IsClaim(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, _claim.Value);

    private bool IsUserManager(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, _userManager.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation? Source(IInvocationOperation call) => Queries.QueryChain.GetSource(call);

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }
}
