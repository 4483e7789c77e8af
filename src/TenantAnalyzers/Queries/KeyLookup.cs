using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Queries;

internal enum KeyLookupKind
{
    /// <summary><c>DbSet&lt;T&gt;.Find</c>/<c>FindAsync</c>.</summary>
    SetFind,

    /// <summary><c>DbContext.Find&lt;T&gt;</c>/<c>FindAsync&lt;T&gt;</c>/<c>Find(Type, ...)</c>.</summary>
    ContextFind,

    /// <summary>A First/Single-style query whose predicates pin only the primary key (also ABP's <c>GetAsync(e =&gt; e.Id == id)</c>).</summary>
    KeyPredicate,

    /// <summary>ABP's repository <c>GetAsync(id)</c>/<c>FindAsync(id)</c>.</summary>
    RepositoryKey,
}

/// <summary>
/// A load of one entity by its primary key: <c>Find</c>/<c>FindAsync</c> on a <c>DbSet</c> or <c>DbContext</c>, or
/// <c>First</c>/<c>FirstOrDefault</c>/<c>Single</c>/<c>SingleOrDefault</c> (sync or async) on a query whose every
/// predicate (<c>Where</c> or the operator's own) is <c>e =&gt; e.Id == value</c>. A predicate on anything else —
/// another column, a user, a status — may be an ownership check of its own and is left alone.
/// </summary>
internal sealed class KeyLookup
{
    private KeyLookup(IInvocationOperation call, KeyLookupKind kind, ITypeSymbol entity, QueryChain? chain, IAnonymousFunctionOperation? keyPredicate)
    {
        Call = call;
        Kind = kind;
        Entity = entity;
        Chain = chain;
        KeyPredicate = keyPredicate;
    }

    public IInvocationOperation Call { get; }

    public KeyLookupKind Kind { get; }

    public ITypeSymbol Entity { get; }

    /// <summary>The query of a <see cref="KeyLookupKind.KeyPredicate"/> lookup; null for Find.</summary>
    public QueryChain? Chain { get; }

    /// <summary>The predicate that pins the key (the operator's own when it has one, else the last <c>Where</c>).</summary>
    public IAnonymousFunctionOperation? KeyPredicate { get; }

    /// <summary>
    /// The key value the lookup loads by: the one key passed to <c>Find</c> (not a composite key), or the value the key
    /// predicate compares the key with; null when there is no single one.
    /// </summary>
    public IOperation? KeyValue()
    {
        if (KeyPredicate is { } predicate)
        {
            var parameter = predicate.Symbol.Parameters[0];
            return QueryChain.Unwrap(TenantPredicate.ReturnedValue(predicate)) is IBinaryOperation equals
                ? Unwrap(Reads(equals.LeftOperand, parameter) ? equals.RightOperand : equals.LeftOperand)
                : null;
        }

        // Find(params object[] keyValues), FindAsync(object[] keyValues, CancellationToken), Find(Type, params object[]).
        foreach (var argument in Call.Arguments)
        {
            if (argument.Parameter?.Type is IArrayTypeSymbol
                && QueryChain.Unwrap(argument.Value) is IArrayCreationOperation { Initializer.ElementValues: { Length: 1 } keys })
            {
                return Unwrap(keys[0]);
            }
        }

        return null;
    }

    /// <summary>The names of the calls that load by key: the cheap syntax test, searched for in files.</summary>
    public static readonly IdentifierScan CandidateNames = new(
    [
        "Find", "FindAsync",
        "First", "FirstOrDefault", "Single", "SingleOrDefault",
        "FirstAsync", "FirstOrDefaultAsync", "SingleAsync", "SingleOrDefaultAsync",
    ]);

    /// <summary>ABP repositories' <c>GetAsync(id)</c>, searched for only where ABP is referenced (<c>FindAsync</c> is in <see cref="CandidateNames"/>).</summary>
    public static readonly IdentifierScan RepositoryCandidateNames = new(["GetAsync"]);

    public static KeyLookup? Match(IInvocationOperation call, TenantModel model)
    {
        var method = call.TargetMethod;
        if (method.Name is "GetAsync" or "FindAsync" && model.Frameworks.Abp?.RepositoryEntity(method.ContainingType) is { } repositoryEntity)
        {
            return MatchRepository(call, repositoryEntity, model);
        }

        if (method.Name is "Find" or "FindAsync")
        {
            return MatchFind(call, model);
        }

        var original = method.ReducedFrom ?? method;
        if (!SymbolEqualityComparer.Default.Equals(original.ContainingType, model.Ef.Queryable) && !model.Ef.IsEfQueryableExtension(original))
        {
            return null;
        }

        var chain = QueryChain.Around(call);
        IAnonymousFunctionOperation? keyPredicate = null;
        foreach (var op in chain.Operators)
        {
            if (op == call)
            {
                break;
            }

            if (chain.IsConditional(op))
            {
                // It may not run: the lookup is judged on the path where it does not.
                continue;
            }

            if (IsWhere(op, model))
            {
                // A predicate that is not a lambda (a variable, a specification) cannot be read: not a plain key lookup.
                if (QueryChain.GetLambdaArgument(op) is not { } where || !PinsOnlyTheKey(where, model))
                {
                    return null;
                }

                keyPredicate = where;
            }
            else if (!IsQueryOperator(op, model) && !BypassCall.IsBypass(op.TargetMethod, model) && !IsContextMember(op, model))
            {
                // A project's own query extension (ForCurrentCompany(), OwnedBy(user)) may scope the query: leave it alone.
                return null;
            }
        }

        if (TenantRootPick.HasPredicate(method))
        {
            if (QueryChain.GetLambdaArgument(call) is not { } own || !PinsOnlyTheKey(own, model))
            {
                return null;
            }

            keyPredicate = own;
        }

        if (keyPredicate is null || keyPredicate.Symbol.Parameters.Length == 0)
        {
            return null;
        }

        return new KeyLookup(call, KeyLookupKind.KeyPredicate, keyPredicate.Symbol.Parameters[0].Type, chain, keyPredicate);
    }

    /// <summary>
    /// ABP: <c>GetAsync(id)</c>/<c>FindAsync(id)</c> of <c>IReadOnlyBasicRepository&lt;TEntity, TKey&gt;</c>, or the predicate
    /// overloads with a predicate that pins only the key.
    /// </summary>
    private static KeyLookup? MatchRepository(IInvocationOperation call, ITypeSymbol entity, TenantModel model)
    {
        if (QueryChain.GetLambdaArgument(call) is { } predicate)
        {
            return PinsOnlyTheKey(predicate, model) ? new KeyLookup(call, KeyLookupKind.KeyPredicate, entity, null, predicate) : null;
        }

        var method = call.TargetMethod.OriginalDefinition;
        return method.Parameters.Length > 0 && method.Parameters[0].Type is ITypeParameterSymbol
            ? new KeyLookup(call, KeyLookupKind.RepositoryKey, entity, null, null)
            : null;
    }

    private static KeyLookup? MatchFind(IInvocationOperation call, TenantModel model)
    {
        var method = call.TargetMethod;
        var containing = method.ContainingType;
        if (model.Ef.DbSet is not null && SymbolEqualityComparer.Default.Equals(containing?.OriginalDefinition, model.Ef.DbSet))
        {
            return new KeyLookup(call, KeyLookupKind.SetFind, containing!.TypeArguments[0], null, null);
        }

        if (model.Ef.DbContext is null || !SymbolEqualityComparer.Default.Equals(containing, model.Ef.DbContext))
        {
            return null;
        }

        var entity = method.TypeArguments.Length == 1
            ? method.TypeArguments[0]
            : call.Arguments.Length > 0 && QueryChain.Unwrap(call.Arguments[0].Value) is ITypeOfOperation typeOf ? typeOf.TypeOperand : null;
        return entity is null ? null : new KeyLookup(call, KeyLookupKind.ContextFind, entity, null, null);
    }

    /// <summary><c>e =&gt; e.Id == value</c> (either side), where the value does not read the entity.</summary>
    private static bool PinsOnlyTheKey(IAnonymousFunctionOperation lambda, TenantModel model)
    {
        if (lambda.Symbol.Parameters.Length != 1
            || QueryChain.Unwrap(TenantPredicate.ReturnedValue(lambda)) is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals)
        {
            return false;
        }

        var parameter = lambda.Symbol.Parameters[0];
        return (IsKeyOf(equals.LeftOperand, parameter, model) && !Reads(equals.RightOperand, parameter))
            || (IsKeyOf(equals.RightOperand, parameter, model) && !Reads(equals.LeftOperand, parameter));
    }

    private static bool IsKeyOf(IOperation operand, IParameterSymbol parameter, TenantModel model) =>
        Unwrap(operand) is IPropertyReferenceOperation { Instance: { } instance } property
        && Unwrap(instance) is IParameterReferenceOperation reference
        && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter)
        && EntityKey.IsKey(property.Property, parameter.Type, model.Ef);

    private static bool Reads(IOperation operation, IParameterSymbol parameter)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsContextMember(IInvocationOperation op, TenantModel model) =>
        model.Ef.DbContext is not null && SymbolEqualityComparer.Default.Equals(op.TargetMethod.ContainingType, model.Ef.DbContext);

    private static bool IsWhere(IInvocationOperation op, TenantModel model) => op.TargetMethod.Name == "Where" && IsQueryOperator(op, model);

    private static bool IsQueryOperator(IInvocationOperation op, TenantModel model)
    {
        var original = op.TargetMethod.ReducedFrom ?? op.TargetMethod;
        return SymbolEqualityComparer.Default.Equals(original.ContainingType, model.Ef.Queryable) || model.Ef.IsEfQueryableExtension(original);
    }

    /// <summary>Through every conversion (<c>int</c> to <c>int?</c> in <c>e.Id == id</c> with a nullable id) and parentheses.</summary>
    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }
}
