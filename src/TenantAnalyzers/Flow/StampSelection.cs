using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TenantAnalyzers.Flow;

/// <summary>
/// Which entities a stamp in a save hook reaches, read from the operations around it within the hook:
/// <list type="bullet">
/// <item>the type of the entity the key is assigned on (<c>entry.Entity.TenantId = ...</c> on an
/// <c>EntityEntry&lt;IMustHaveTenant&gt;</c>, <c>t.TenantId = ...</c> after <c>entry.Entity is ITenantEntity t</c>);</item>
/// <item>for a stamp by name (<c>entry.Property("TenantId").CurrentValue = ...</c>): the entry's type argument, the
/// <c>is</c> patterns of the <c>if</c>s and <c>switch</c> cases that guard it (<c>entry.Entity is Order or Invoice</c>),
/// the <c>if (... is not X) continue;</c> guards before it and the <c>Where</c> lambdas of the loop over the entries; and
/// the CLR type of the value assigned (a <c>string</c> stamps string keys only).</item>
/// </list>
/// Each selection is a list of types an entity must derive from or implement (all of them), alternatives for or-patterns
/// and switch cases; an empty list selects every entity.
/// </summary>
internal static class StampSelection
{
    private const int MaxAlternatives = 16;

    /// <summary>The alternatives of types a stamp by name reaches.</summary>
    public static List<List<ITypeSymbol>> Guards(IOperation stamp, IOperation? entry)
    {
        var selection = Everything();
        if (entry?.Type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } entryType
            && entryType.Name == "EntityEntry"
            && entryType.TypeArguments[0].SpecialType != SpecialType.System_Object)
        {
            selection = And(selection, One(entryType.TypeArguments[0]));
        }

        var child = stamp;
        for (var parent = stamp.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when conditional.WhenTrue == child:
                    selection = And(selection, Condition(conditional.Condition, positive: true));
                    break;
                case IBlockOperation block:
                    selection = And(selection, ExitGuards(block, child));
                    break;
                case ISwitchCaseOperation switchCase:
                    selection = And(selection, CaseTypes(switchCase));
                    break;
                case IForEachLoopOperation loop when loop.Body == child:
                    selection = And(selection, CollectionTests(loop.Collection));
                    break;
            }
        }

        return selection;
    }

    /// <summary>The one selection of an assignment on a typed receiver: its static type (none for <c>object</c>).</summary>
    public static List<List<ITypeSymbol>> Receiver(ITypeSymbol? type) =>
        type is null or { SpecialType: SpecialType.System_Object } or IErrorTypeSymbol ? Everything() : One(type);

    private static List<List<ITypeSymbol>> ExitGuards(IBlockOperation block, IOperation statement)
    {
        var selection = Everything();
        foreach (var sibling in block.Operations)
        {
            if (sibling == statement)
            {
                break;
            }

            if (sibling is IConditionalOperation { WhenFalse: null } guard && Exits(guard.WhenTrue))
            {
                selection = And(selection, Condition(guard.Condition, positive: false));
            }
        }

        return selection;
    }

    private static bool Exits(IOperation operation) => operation switch
    {
        IBranchOperation or IReturnOperation or IThrowOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBlockOperation { Operations.Length: 1 } block => Exits(block.Operations[0]),
        _ => false,
    };

    /// <summary>
    /// The tested value is the entity: <c>entry.Entity</c>, or a value typed <c>object</c> (an entity taken off a
    /// non-generic entry). A test of the DbContext or of anything else says nothing about which entities are stamped.
    /// </summary>
    private static bool TestsEntity(IOperation value) =>
        Unwrap(value) is IPropertyReferenceOperation { Property.Name: "Entity" } or { Type.SpecialType: SpecialType.System_Object };

    private static List<List<ITypeSymbol>> CaseTypes(ISwitchCaseOperation switchCase)
    {
        if (switchCase.Parent is ISwitchOperation { Value: var value } && !TestsEntity(value))
        {
            return Everything();
        }

        var alternatives = new List<List<ITypeSymbol>>();
        foreach (var clause in switchCase.Clauses)
        {
            if (clause is not IPatternCaseClauseOperation patternClause)
            {
                return Everything();
            }

            alternatives.AddRange(Pattern(patternClause.Pattern, positive: true));
        }

        return alternatives.Count == 0 ? Everything() : alternatives;
    }

    private static List<List<ITypeSymbol>> CollectionTests(IOperation collection)
    {
        var selection = Everything();
        for (var current = Unwrap(collection); current is IInvocationOperation call; current = Unwrap(QuerySource(call)))
        {
            if (call.TargetMethod.Name == "Where" && LambdaBody(call) is { } body)
            {
                selection = And(selection, Condition(body, positive: true));
            }
        }

        return selection;
    }

    private static List<List<ITypeSymbol>> Condition(IOperation condition, bool positive)
    {
        condition = Unwrap(condition)!;
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Condition(not.Operand, !positive);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                return positive ? And(Condition(and.LeftOperand, true), Condition(and.RightOperand, true)) : Everything();
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return positive ? Or(Condition(or.LeftOperand, true), Condition(or.RightOperand, true)) : And(Condition(or.LeftOperand, false), Condition(or.RightOperand, false));
            case IIsPatternOperation isPattern when TestsEntity(isPattern.Value):
                return Pattern(isPattern.Pattern, positive);
            case IIsTypeOperation isType when positive && TestsEntity(isType.ValueOperand):
                return One(isType.TypeOperand);
            default:
                return Everything();
        }
    }

    private static List<List<ITypeSymbol>> Pattern(IPatternOperation pattern, bool positive)
    {
        switch (pattern)
        {
            case INegatedPatternOperation negated:
                return Pattern(negated.Pattern, !positive);
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either when positive:
                return Or(Pattern(either.LeftPattern, true), Pattern(either.RightPattern, true));
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } both when positive:
                return And(Pattern(both.LeftPattern, true), Pattern(both.RightPattern, true));
            case IDeclarationPatternOperation { MatchedType: { } type } when positive:
                return One(type);
            case ITypePatternOperation { MatchedType: { } type } when positive:
                return One(type);
            case IRecursivePatternOperation { MatchedType: { } type } when positive:
                return One(type);
            default:
                return Everything();
        }
    }

    private static IOperation? QuerySource(IInvocationOperation call) =>
        call.Instance ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null);

    private static IOperation? LambdaBody(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            var value = argument.Value;
            while (value is IConversionOperation or IDelegateCreationOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
            }

            if (value is IAnonymousFunctionOperation lambda)
            {
                foreach (var statement in lambda.Body.Operations)
                {
                    if (statement is IReturnOperation { ReturnedValue: { } returned })
                    {
                        return returned;
                    }
                }
            }
        }

        return null;
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    private static List<List<ITypeSymbol>> Everything() => [[]];

    private static List<List<ITypeSymbol>> One(ITypeSymbol type) => [[type]];

    private static bool SelectsEverything(List<List<ITypeSymbol>> selection) => selection.Any(alternative => alternative.Count == 0);

    private static List<List<ITypeSymbol>> And(List<List<ITypeSymbol>> left, List<List<ITypeSymbol>> right)
    {
        if (SelectsEverything(left))
        {
            return right;
        }

        if (SelectsEverything(right))
        {
            return left;
        }

        var product = new List<List<ITypeSymbol>>();
        foreach (var a in left)
        {
            foreach (var b in right)
            {
                product.Add(a.Concat(b).Distinct<ITypeSymbol>(SymbolEqualityComparer.Default).ToList());
            }
        }

        return product.Count > MaxAlternatives ? Everything() : product;
    }

    private static List<List<ITypeSymbol>> Or(List<List<ITypeSymbol>> left, List<List<ITypeSymbol>> right)
    {
        if (SelectsEverything(left) || SelectsEverything(right))
        {
            return Everything();
        }

        var union = new List<List<ITypeSymbol>>(left);
        union.AddRange(right);
        return union.Count > MaxAlternatives ? Everything() : union;
    }
}
