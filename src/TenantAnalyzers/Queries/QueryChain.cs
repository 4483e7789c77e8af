using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Flow;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Queries;

/// <summary>
/// One LINQ query as a chain of operator calls, from the source (<c>db.Appointments</c>) outwards to the terminal
/// operator, following extension-method receivers in both directions. Query syntax lowers to the same calls. A query
/// kept in a local is read through it both ways: calls that continue it from that local (<c>q = q.Where(...)</c>) are
/// part of it, and a query that starts from a local (<c>q.FirstOrDefault(...)</c>) includes what the local was
/// written with (<c>var q = db.Items.IgnoreQueryFilters().Where(...)</c>) and its continuations.
/// </summary>
/// <remarks>
/// A continuation may only run on some paths: inside an <c>if</c>, <c>?:</c>, <c>&amp;&amp;</c>/<c>||</c>/<c>??</c>, a
/// <c>switch</c>, a loop, a <c>catch</c>/<c>finally</c>, a lambda or a local function, relative to the block that declares
/// the local. Such an operator is <see cref="IsConditional">conditional</see>: it does not scope the paths where it does
/// not run (<c>if (!string.IsNullOrEmpty(tenantId)) query = query.Where(e =&gt; e.TenantId == tenantId);</c> leaves the
/// query unscoped when the id is empty). Locals are followed at most <see cref="MaxLocalDepth"/> deep, within the member.
/// </remarks>
internal sealed class QueryChain
{
    private const int MaxLocalDepth = 3;

    /// <summary>The path of an operator that always runs: no conditions.</summary>
    private static readonly ImmutableArray<PathCondition>? Always = ImmutableArray<PathCondition>.Empty;

    private readonly ImmutableDictionary<IInvocationOperation, ImmutableArray<PathCondition>?> _conditional;

    private QueryChain(ImmutableArray<IInvocationOperation> operators, IInvocationOperation terminal, ImmutableDictionary<IInvocationOperation, ImmutableArray<PathCondition>?> conditional)
    {
        Operators = operators;
        Terminal = terminal;
        _conditional = conditional;
    }

    /// <summary>The operator calls of the query, innermost first.</summary>
    public ImmutableArray<IInvocationOperation> Operators { get; }

    /// <summary>The outermost operator of the expression the chain was built around (before continuations through a local).</summary>
    public IInvocationOperation Terminal { get; }

    /// <summary>True when <paramref name="op"/> runs only on some paths of the member (see the remarks).</summary>
    public bool IsConditional(IInvocationOperation op) => _conditional.ContainsKey(op);

    /// <summary>
    /// The one condition a conditional operator depends on (<c>if (c) q = q.Where(...)</c>: it runs when <c>c</c> is true);
    /// null when it is unconditional or its path depends on more, or on something else (a loop, a lambda).
    /// </summary>
    public PathCondition? OnlyWhen(IInvocationOperation op) =>
        _conditional.TryGetValue(op, out var conditions) && conditions is { Length: 1 } single ? single[0] : null;

    public static QueryChain Around(IInvocationOperation call)
    {
        var builder = new Builder();
        builder.CollectDown(call, depth: 0);
        var top = builder.CollectUp(call, Always);
        var terminal = top as IInvocationOperation ?? call;
        if (StoredLocal(top) is { } local)
        {
            builder.CollectContinuations(top, local);
        }

        return new QueryChain(builder.Operators.ToImmutableArray(), terminal, builder.Conditional.ToImmutable());
    }

    /// <summary>The operand a query operator works on: the receiver of an extension or instance call.</summary>
    public static IOperation? GetSource(IInvocationOperation invocation)
    {
        var source = invocation.Instance
            ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        return Unwrap(source);
    }

    public static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => operation,
            };
        }

        return operation;
    }

    /// <summary>The lambda passed as an argument, through the conversions to a delegate or an expression tree.</summary>
    public static IAnonymousFunctionOperation? GetLambdaArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value;
            while (value is IConversionOperation or IDelegateCreationOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
            }

            if (value is IAnonymousFunctionOperation lambda)
            {
                return lambda;
            }
        }

        return null;
    }

    private static ILocalSymbol? StoredLocal(IOperation top) => top.Parent switch
    {
        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
        ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
        _ => null,
    };

    /// <summary>
    /// The conditions under which <paramref name="node"/> runs, relative to <paramref name="scope"/> (the block that
    /// declares the query's local): empty when it always runs there; null when it is conditional on something that
    /// is not a plain condition (a loop, a lambda, a <c>switch</c>, a <c>catch</c>, a <c>??</c>).
    /// </summary>
    private static ImmutableArray<PathCondition>? PathTo(SyntaxNode node, SyntaxNode? scope)
    {
        var conditions = ImmutableArray.CreateBuilder<PathCondition>();
        for (var current = node; current.Parent is { } parent && current != scope; current = parent)
        {
            if (parent == scope)
            {
                break;
            }

            switch (parent)
            {
                case IfStatementSyntax ifStatement when ifStatement.Statement == current:
                    conditions.Add(new PathCondition(ifStatement.Condition, true));
                    break;
                case ElseClauseSyntax { Parent: IfStatementSyntax ifStatement }:
                    conditions.Add(new PathCondition(ifStatement.Condition, false));
                    break;
                case ConditionalExpressionSyntax conditional when conditional.WhenTrue == current:
                    conditions.Add(new PathCondition(conditional.Condition, true));
                    break;
                case ConditionalExpressionSyntax conditional when conditional.WhenFalse == current:
                    conditions.Add(new PathCondition(conditional.Condition, false));
                    break;
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } conjunction when conjunction.Right == current:
                    conditions.Add(new PathCondition(conjunction.Left, true));
                    break;
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } disjunction when disjunction.Right == current:
                    conditions.Add(new PathCondition(disjunction.Left, false));
                    break;
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce when coalesce.Right == current:
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceAssignmentExpression } coalescing when coalescing.Right == current:
                case ConditionalAccessExpressionSyntax access when access.WhenNotNull == current:
                case SwitchSectionSyntax or SwitchExpressionArmSyntax or CommonForEachStatementSyntax or ForStatementSyntax
                    or WhileStatementSyntax or DoStatementSyntax or CatchClauseSyntax or FinallyClauseSyntax
                    or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return null;
            }

            if (parent is MemberDeclarationSyntax or AccessorDeclarationSyntax)
            {
                break;
            }
        }

        return conditions.ToImmutable();
    }

    private sealed class Builder
    {
        private readonly HashSet<IInvocationOperation> _seen = new();

        public List<IInvocationOperation> Operators { get; } = new();

        public ImmutableDictionary<IInvocationOperation, ImmutableArray<PathCondition>?>.Builder Conditional { get; } =
            ImmutableDictionary.CreateBuilder<IInvocationOperation, ImmutableArray<PathCondition>?>();

        /// <summary>The call and its sources, innermost first; a source that is a local brings the local's query first.</summary>
        public void CollectDown(IInvocationOperation call, int depth)
        {
            var chain = new List<IInvocationOperation> { call };
            var source = GetSource(call);
            for (; source is IInvocationOperation inner; source = GetSource(inner))
            {
                chain.Add(inner);
            }

            if (source is ILocalReferenceOperation local && depth < MaxLocalDepth)
            {
                CollectLocal(local, depth + 1);
            }

            for (var i = chain.Count - 1; i >= 0; i--)
            {
                Add(chain[i], Always);
            }
        }

        /// <summary>What a query local was written with (its initializer and assignments), from the member's <see cref="LocalUses"/>.</summary>
        private void CollectLocal(ILocalReferenceOperation reference, int depth)
        {
            var scope = DeclaringScope(reference.Local);
            foreach (var use in LocalUses.Of(reference).Of(reference.Local))
            {
                var written = use switch
                {
                    IVariableDeclaratorOperation { Initializer.Value: { } initializer } => Unwrap(initializer) as IInvocationOperation,
                    ILocalReferenceOperation { Parent: ISimpleAssignmentOperation assignment } target when assignment.Target == target => Unwrap(assignment.Value) as IInvocationOperation,
                    _ => null,
                };

                if (written is not null)
                {
                    CollectWrite(written, scope, depth);
                }
            }
        }

        private void CollectWrite(IInvocationOperation written, SyntaxNode? scope, int depth)
        {
            var conditions = PathTo(written.Syntax, scope);
            var chain = new List<IInvocationOperation>();
            IOperation? source = written;
            for (; source is IInvocationOperation inner; source = GetSource(inner))
            {
                chain.Add(inner);
            }

            if (source is ILocalReferenceOperation local && depth < MaxLocalDepth)
            {
                CollectLocal(local, depth + 1);
            }

            for (var i = chain.Count - 1; i >= 0; i--)
            {
                Add(chain[i], conditions);
            }
        }

        public IOperation CollectUp(IInvocationOperation call, ImmutableArray<PathCondition>? path)
        {
            IOperation current = call;
            while (true)
            {
                var parent = current.Parent;
                while (parent is IConversionOperation or IParenthesizedOperation)
                {
                    current = parent;
                    parent = parent.Parent;
                }

                IInvocationOperation? next = parent switch
                {
                    IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation outer } when outer.TargetMethod.IsExtensionMethod => outer,
                    IInvocationOperation outer when outer.Instance == current => outer,
                    _ => null,
                };

                if (next is null)
                {
                    return current;
                }

                Add(next, path);
                current = next;
            }
        }

        /// <summary>
        /// Calls that continue the query from the local it was stored in (<c>q.Where(...)</c>, <c>Queryable.Where(q, ...)</c>),
        /// with the paths they run on: from the references to the local (<see cref="LocalUses"/>, one walk of the member
        /// for all its candidates), in the member's order.
        /// </summary>
        public void CollectContinuations(IOperation top, ILocalSymbol local)
        {
            var scope = DeclaringScope(local);
            foreach (var use in LocalUses.Of(top).Of(local))
            {
                if (use is ILocalReferenceOperation reference && InvocationOn(reference) is { } invocation)
                {
                    var path = PathTo(invocation.Syntax, scope);
                    Add(invocation, path);
                    CollectUp(invocation, path);
                }
            }
        }

        /// <summary>
        /// Adds an operator once, with the path it runs on: <see cref="Always"/>, the conditions it depends on, or null
        /// for a path that depends on something other than a condition (both conditional).
        /// </summary>
        private void Add(IInvocationOperation op, ImmutableArray<PathCondition>? path)
        {
            if (!_seen.Add(op))
            {
                return;
            }

            Operators.Add(op);
            if (path is not { IsEmpty: true })
            {
                Conditional[op] = path;
            }
        }

        /// <summary>The block (or member) that declares the local: paths are measured from there.</summary>
        private static SyntaxNode? DeclaringScope(ILocalSymbol local)
        {
            if (local.DeclaringSyntaxReferences.IsEmpty)
            {
                return null;
            }

            var declaration = local.DeclaringSyntaxReferences[0].GetSyntax();
            return declaration.FirstAncestorOrSelf<SyntaxNode>(n => n is BlockSyntax or SwitchSectionSyntax or MemberDeclarationSyntax or CompilationUnitSyntax);
        }
    }

    /// <summary>The call whose source (<see cref="GetSource"/>) is <paramref name="reference"/>: its instance, or the first argument of an extension.</summary>
    private static IInvocationOperation? InvocationOn(ILocalReferenceOperation reference)
    {
        IOperation source = reference;
        while (source.Parent is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            source = source.Parent;
        }

        var invocation = source.Parent switch
        {
            IInvocationOperation call when call.Instance == source => call,
            IArgumentOperation { Parent: IInvocationOperation call } argument when call.Arguments.Length > 0 && call.Arguments[0] == argument => call,
            _ => null,
        };

        return invocation is not null && GetSource(invocation) == reference ? invocation : null;
    }
}
