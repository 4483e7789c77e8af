using System.Collections.Concurrent;
using System.Linq;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Authorization;

/// <summary>
/// Platform scope from a role check in the code: a condition that, where the code runs, can only hold for a platform
/// operator. The code is inside <c>if (User.IsInRole("SuperAdmin")) { ... }</c> (or its <c>else</c> of a negated test,
/// the true side of <c>?:</c>, the right of <c>&amp;&amp;</c>), or after <c>if (!IsSuperAdmin) return Forbid();</c> (an
/// <c>if</c> without <c>else</c> whose branch returns or throws) in an enclosing block. Read from syntax, within the
/// member: the walk stops at the member, at a local function, and at a minimal-API handler lambda (its surroundings
/// run at start-up, not per request). A call statement before the code to a helper of the project that throws unless the
/// caller is a platform operator (<c>EnsureSuperAdmin();</c>) guards it too.
/// </summary>
/// <remarks>
/// A test implies a platform operator when it is <c>IsInRole(role)</c> of a platform role, <c>HasClaim(ClaimTypes.Role,
/// role)</c>, <c>UserManager.IsInRoleAsync(user, role)</c> of the user loaded for the caller, the <c>Succeeded</c> of
/// <c>IAuthorizationService.AuthorizeAsync(user, policy)</c> with a platform policy, or a local, property or method of
/// the project (an interface property through its implementations) whose value is such a test, read in source at most
/// two members deep. <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>== true/false</c> and <c>is true/false</c> combine them:
/// <c>IsInRole("SuperAdmin") || IsInRole("Admin")</c> admits an admin, so it is not platform-only.
/// </remarks>
internal sealed class RoleGuard
{
    private const int MaxDepth = 2;
    private const int MaxImplementations = 4;

    private readonly Compilation _compilation;
    private readonly PlatformNames _names;
    private readonly ConcurrentDictionary<ISymbol, string?> _members = new(SymbolEqualityComparer.Default);

    public RoleGuard(Compilation compilation, PlatformNames names)
    {
        _compilation = compilation;
        _names = names;
    }

    /// <summary>The platform test that guards <paramref name="node"/>, as a report shows it; null when none does.</summary>
    public string? Find(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        for (var current = node; current.Parent is { } parent; current = parent)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var test = parent switch
            {
                IfStatementSyntax ifStatement when ifStatement.Statement == current => Implies(ifStatement.Condition, true, semanticModel, cancellationToken),
                ElseClauseSyntax { Parent: IfStatementSyntax ifStatement } => Implies(ifStatement.Condition, false, semanticModel, cancellationToken),
                ConditionalExpressionSyntax conditional when conditional.WhenTrue == current => Implies(conditional.Condition, true, semanticModel, cancellationToken),
                ConditionalExpressionSyntax conditional when conditional.WhenFalse == current => Implies(conditional.Condition, false, semanticModel, cancellationToken),
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } conjunction when conjunction.Right == current => Implies(conjunction.Left, true, semanticModel, cancellationToken),
                BlockSyntax block => GuardBefore(block.Statements, current, semanticModel, cancellationToken),
                SwitchSectionSyntax section => GuardBefore(section.Statements, current, semanticModel, cancellationToken),
                _ => null,
            };

            if (test is not null)
            {
                return test;
            }

            if (parent is MemberDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax
                || (parent is AnonymousFunctionExpressionSyntax lambda && IsEndpointHandler(lambda)))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The value of a condition as a test of the caller: when <paramref name="condition"/> evaluates to
    /// <paramref name="value"/>, is the caller a platform operator? Returns the test that says so.
    /// </summary>
    public string? Implies(ExpressionSyntax condition, bool value, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        semanticModel.GetOperation(condition, cancellationToken) is { } operation ? Implies(operation, value, 0, cancellationToken) : null;

    private static bool IsEndpointHandler(AnonymousFunctionExpressionSyntax lambda) =>
        lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
        && Flow.EntryPoints.IsMapMethodName(Scanning.SyntaxNames.GetInvokedName(call));

    /// <summary><c>if (!platformTest) return ...;</c> among the statements before <paramref name="current"/>.</summary>
    private string? GuardBefore(SyntaxList<StatementSyntax> statements, SyntaxNode current, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            if (statement == current || statement.SpanStart >= current.SpanStart)
            {
                break;
            }

            if (statement is IfStatementSyntax { Else: null } ifStatement && Exits(ifStatement.Statement)
                && Implies(ifStatement.Condition, false, semanticModel, cancellationToken) is { } test)
            {
                return test;
            }

            if (statement is ExpressionStatementSyntax { Expression: var expression } && GuardCall(expression, semanticModel, cancellationToken) is { } guard)
            {
                return guard;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>EnsureSuperAdmin();</c> / <c>await _access.EnsurePlatformAdminAsync();</c>: a method of the project whose body
    /// throws unless the caller is a platform operator (<c>if (!User.IsInRole("SuperAdmin")) throw ...;</c> among its
    /// statements). Only a <c>throw</c> stops the caller; a <c>return</c> in the helper does not.
    /// </summary>
    private string? GuardCall(ExpressionSyntax expression, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (expression is AwaitExpressionSyntax awaited)
        {
            expression = awaited.Expression;
        }

        if (expression is not InvocationExpressionSyntax call
            || semanticModel.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method
            || (method.ReducedFrom ?? method).DeclaringSyntaxReferences is not { Length: 1 } references
            || references[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax { Body: { } body })
        {
            return null;
        }

        var bodyModel = _compilation.GetSemanticModel(body.SyntaxTree);
        foreach (var statement in body.Statements)
        {
            if (statement is IfStatementSyntax { Else: null } ifStatement && Throws(ifStatement.Statement)
                && Implies(ifStatement.Condition, false, bodyModel, cancellationToken) is { } test)
            {
                return method.Name + " (" + test + ")";
            }

            if (statement is ReturnStatementSyntax || (statement is IfStatementSyntax other && ContainsReturn(other)))
            {
                // A path that leaves the helper before the check: it does not guard every call.
                return null;
            }
        }

        return null;
    }

    private static bool Throws(StatementSyntax statement) => statement switch
    {
        ThrowStatementSyntax => true,
        BlockSyntax { Statements: { Count: > 0 } statements } => Throws(statements[statements.Count - 1]),
        _ => false,
    };

    private static bool ContainsReturn(SyntaxNode node)
    {
        foreach (var descendant in node.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (descendant is ReturnStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Exits(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax or ThrowStatementSyntax => true,
        BlockSyntax { Statements: { Count: > 0 } statements } => Exits(statements[statements.Count - 1]),
        _ => false,
    };

    private string? Implies(IOperation operation, bool value, int depth, CancellationToken cancellationToken)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } negation:
                return Implies(negation.Operand, !value, depth, cancellationToken);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } conjunction:
                return value
                    ? Implies(conjunction.LeftOperand, true, depth, cancellationToken) ?? Implies(conjunction.RightOperand, true, depth, cancellationToken)
                    : Both(conjunction.LeftOperand, conjunction.RightOperand, false, depth, cancellationToken);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } disjunction:
                return value
                    ? Both(disjunction.LeftOperand, disjunction.RightOperand, true, depth, cancellationToken)
                    : Implies(disjunction.LeftOperand, false, depth, cancellationToken) ?? Implies(disjunction.RightOperand, false, depth, cancellationToken);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                when BooleanConstant(comparison.RightOperand) is { } constant:
                return Implies(comparison.LeftOperand, (comparison.OperatorKind == BinaryOperatorKind.Equals) == (constant == value), depth, cancellationToken);
            case IIsPatternOperation { Pattern: var pattern } isPattern when PatternConstant(pattern, out var negated) is { } patternValue:
                return Implies(isPattern.Value, (patternValue != negated) == value, depth, cancellationToken);
        }

        // Only a true test says something about the caller: a false IsInRole("SuperAdmin") admits everyone else.
        if (!value)
        {
            return null;
        }

        switch (operation)
        {
            case IAwaitOperation awaited:
                return Implies(awaited.Operation, true, depth, cancellationToken);
            case IConditionalAccessOperation access:
                // principal?.IsInRole("SuperAdmin") is true only when the principal is there and in the role.
                return Implies(access.WhenNotNull, true, depth, cancellationToken);
            case IInvocationOperation call:
                return CallTest(call, depth, cancellationToken);
            case IPropertyReferenceOperation { Property.Name: "Succeeded", Instance: { } result } when AuthorizeAsyncPolicy(result) is { } policy:
                return "AuthorizeAsync(\"" + policy + "\")";
            case IPropertyReferenceOperation property:
                return MemberTest(property.Property, depth, cancellationToken);
            case ILocalReferenceOperation local:
                return LocalTest(local, depth, cancellationToken);
            default:
                return null;
        }
    }

    private string? Both(IOperation left, IOperation right, bool value, int depth, CancellationToken cancellationToken) =>
        Implies(left, value, depth, cancellationToken) is { } test && Implies(right, value, depth, cancellationToken) is not null ? test : null;

    private string? CallTest(IInvocationOperation call, int depth, CancellationToken cancellationToken)
    {
        var method = call.TargetMethod;
        var arguments = call.Arguments;
        switch (method.Name)
        {
            case "IsInRole" when arguments.Length == 1 && Text(arguments[0].Value) is { } role:
                return _names.IsPlatformRole(role) ? "IsInRole(\"" + role + "\")" : null;
            case "IsInRoleAsync" when arguments.Length == 2 && Text(arguments[1].Value) is { } role && IsCallerUser(arguments[0].Value):
                return _names.IsPlatformRole(role) ? "IsInRoleAsync(\"" + role + "\")" : null;
            case "HasClaim" when arguments.Length == 2 && Text(arguments[0].Value) is { } type && Text(arguments[1].Value) is { } role:
                var claim = LooseName.NormalizeClaimType(type);
                return claim is "role" or "roles" && _names.IsPlatformRole(role) ? "HasClaim(role, \"" + role + "\")" : null;
        }

        return MemberTest(method.ReducedFrom ?? method, depth, cancellationToken);
    }

    /// <summary>A property or method of the project whose value is a platform test (an interface member: all its implementations').</summary>
    private string? MemberTest(ISymbol member, int depth, CancellationToken cancellationToken)
    {
        if (depth >= MaxDepth || member.Kind is not (SymbolKind.Property or SymbolKind.Method))
        {
            return null;
        }

        member = member.OriginalDefinition;

        // Only answers asked directly are cached: one read inside another member's body is cut at MaxDepth, and caching
        // it would make the direct answer depend on which was asked first.
        if (depth == 0 && _members.TryGetValue(member, out var cached))
        {
            return cached;
        }

        string? test;
        if (member.ContainingType is { TypeKind: TypeKind.Interface } contract)
        {
            test = ImplementationsTest(member, contract, depth, cancellationToken);
        }
        else
        {
            test = SourceMembers.ReturnedValue(member, cancellationToken) is { } returned
                && _compilation.GetSemanticModel(returned.SyntaxTree).GetOperation(returned, cancellationToken) is { } value
                && Implies(value, true, depth + 1, cancellationToken) is { } inner
                    ? member.Name + " (" + inner + ")"
                    : null;
        }

        if (depth == 0)
        {
            _members.TryAdd(member, test);
        }

        return test;
    }

    private string? ImplementationsTest(ISymbol member, INamedTypeSymbol contract, int depth, CancellationToken cancellationToken)
    {
        string? test = null;
        var count = 0;
        foreach (var candidate in SourceMembers.ImplementationsOf(_compilation, member, contract, cancellationToken))
        {
            if (++count > MaxImplementations || MemberTest(candidate, depth, cancellationToken) is not { } implemented)
            {
                return null;
            }

            test ??= implemented;
        }

        return test;
    }



    /// <summary>A local written once, by its initializer: <c>var isSuperAdmin = User.IsInRole("SuperAdmin");</c>.</summary>
    private string? LocalTest(ILocalReferenceOperation reference, int depth, CancellationToken cancellationToken)
    {
        if (depth >= MaxDepth)
        {
            return null;
        }

        IOperation? initializer = null;
        foreach (var descendant in Root(reference).Descendants())
        {
            switch (descendant)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    initializer = declarator.Initializer?.Value;
                    break;
                case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, reference.Local)
                    && other.Parent is IAssignmentOperation assignment && assignment.Target == other:
                    return null;
            }
        }

        return initializer is null ? null : Implies(initializer, true, depth + 1, cancellationToken);
    }

    /// <summary><c>await _authorization.AuthorizeAsync(User, "SuperAdminOnly")</c> (also with a resource): the platform policy it asks for.</summary>
    private string? AuthorizeAsyncPolicy(IOperation result)
    {
        if (Unwrap(result) is IAwaitOperation awaited)
        {
            result = awaited.Operation;
        }

        if (Unwrap(result) is not IInvocationOperation { TargetMethod.Name: "AuthorizeAsync" } call)
        {
            return null;
        }

        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && Text(argument.Value) is { } policy && _names.IsPlatformPolicy(policy))
            {
                return policy;
            }
        }

        return null;
    }

    /// <summary>The user passed to <c>IsInRoleAsync</c> is the caller's: a local loaded by <c>GetUserAsync(principal)</c>.</summary>
    private static bool IsCallerUser(IOperation user)
    {
        user = Unwrap(user);
        if (user is ILocalReferenceOperation local)
        {
            foreach (var descendant in Root(user).Descendants())
            {
                if (descendant is IVariableDeclaratorOperation declarator
                    && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local)
                    && declarator.Initializer?.Value is { } initializer)
                {
                    user = Unwrap(initializer);
                    break;
                }
            }
        }

        if (user is IAwaitOperation awaited)
        {
            user = Unwrap(awaited.Operation);
        }

        return user is IInvocationOperation { TargetMethod.Name: "GetUserAsync" };
    }

    /// <summary>A constant string, or the name of an enum member turned into one (<c>AppRole.SuperAdmin.ToString()</c>).</summary>
    private static string? Text(IOperation operation)
    {
        operation = Unwrap(operation);
        if (operation.ConstantValue is { HasValue: true, Value: string text })
        {
            return text;
        }

        return operation is IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: IFieldReferenceOperation { Field: { HasConstantValue: true, ContainingType.TypeKind: TypeKind.Enum } member } }
            ? member.Name
            : null;
    }

    private static bool? BooleanConstant(IOperation operation) =>
        Unwrap(operation).ConstantValue is { HasValue: true, Value: bool constant } ? constant : null;

    private static bool? PatternConstant(IPatternOperation pattern, out bool negated)
    {
        negated = false;
        if (pattern is INegatedPatternOperation negation)
        {
            negated = true;
            pattern = negation.Pattern;
        }

        return pattern is IConstantPatternOperation constant ? BooleanConstant(constant.Value) : null;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
