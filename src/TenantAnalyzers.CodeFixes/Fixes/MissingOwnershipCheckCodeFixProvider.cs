using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.CodeFixes.Editing;
using TenantAnalyzers.Model;
using TenantAnalyzers.Queries;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TenantAnalyzers.CodeFixes.Fixes;

/// <summary>
/// TI0003 fixes, in this order: rewrite the key lookup to a query scoped by the context's tenant key
/// (<c>Find(id)</c> to <c>FirstOrDefault(e =&gt; e.Id == id &amp;&amp; e.CompanyId == ctx.CompanyId)</c>, async kept async);
/// insert an ownership check after the load — both keep the current tenant's results and are safe in bulk; or mark the
/// member as deliberately cross-tenant.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingOwnershipCheckCodeFixProvider)), Shared]
public sealed class MissingOwnershipCheckCodeFixProvider : BatchCodeFixProvider
{
    public const string ScopeKey = RuleIds.MissingOwnershipCheck + ".ScopeByTenantKey";
    public const string GuardKey = RuleIds.MissingOwnershipCheck + ".CheckOwnership";
    public const string MarkCrossTenantKey = RuleIds.MissingOwnershipCheck + ".MarkCrossTenant";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.MissingOwnershipCheck);

    private protected override async Task<ImmutableArray<FixAction>> GetActionsAsync(DocumentEdit edit, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var target = Find(edit, diagnostic, cancellationToken);
        if (target is null)
        {
            return ImmutableArray<FixAction>.Empty;
        }

        var (call, lookup) = target.Value;
        var actions = ImmutableArray.CreateBuilder<FixAction>();
        if (await PlanAsync(edit, call, lookup, cancellationToken).ConfigureAwait(false) is { } plan)
        {
            if (Rewrite(edit, call, lookup, plan, cancellationToken) is not null)
            {
                actions.Add(new FixAction("Scope the lookup by the company context's tenant key", ScopeKey));
            }

            if (LoadStatement(call) is not null)
            {
                actions.Add(new FixAction($"Check that the loaded '{lookup.Entity.Name}' belongs to the company context", GuardKey));
            }
        }

        if (edit.MarkCrossTenantAction(call, MarkCrossTenantKey) is { } mark)
        {
            actions.Add(mark);
        }

        return actions.ToImmutable();
    }

    private protected override async Task<bool> TryFixAsync(DocumentEdit edit, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        var target = Find(edit, diagnostic, cancellationToken);
        if (target is null)
        {
            return false;
        }

        var (call, lookup) = target.Value;
        if (equivalenceKey == MarkCrossTenantKey)
        {
            return edit.TryMarkCrossTenant(call);
        }

        if (equivalenceKey is not (ScopeKey or GuardKey) || await PlanAsync(edit, call, lookup, cancellationToken).ConfigureAwait(false) is not { } plan)
        {
            return false;
        }

        if (equivalenceKey == ScopeKey)
        {
            if (Rewrite(edit, call, lookup, plan, cancellationToken) is not { } rewrite)
            {
                return false;
            }

            edit.Use(plan.Context);
            edit.Replace(rewrite.Node, _ => rewrite.Replacement.WithTriviaFrom(rewrite.Node).WithAdditionalAnnotations(Formatter.Annotation));
            if (rewrite.Import is { } import)
            {
                QueryRewrite.ImportIfMissing(edit, call, import.Receiver, import.Method, import.Namespace);
            }

            return true;
        }

        if (LoadStatement(call) is null)
        {
            return false;
        }

        edit.Use(plan.Context);
        InsertGuard(edit, call, lookup, plan);
        return true;
    }

    /// <summary>The context and the entity's tenant key to compare with it; null when there is none or they do not compare.</summary>
    private static async Task<TenantKeyPlan?> PlanAsync(DocumentEdit edit, InvocationExpressionSyntax call, KeyLookup lookup, CancellationToken cancellationToken)
    {
        if (edit.Model.Classify(lookup.Entity).TenantKey is not { } key
            || await edit.ContextAsync(call, key.Name, cancellationToken).ConfigureAwait(false) is not { } context
            || ContextKeyValue.Comparand(edit.SemanticModel.Compilation, context, key.Type) is null)
        {
            return null;
        }

        return new TenantKeyPlan(key.Name, context);
    }

    private static (InvocationExpressionSyntax Call, KeyLookup Lookup)? Find(DocumentEdit edit, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var call = edit.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (call is null
            || edit.SemanticModel.GetOperation(call, cancellationToken) is not IInvocationOperation operation
            || KeyLookup.Match(operation, edit.Model) is not { } lookup)
        {
            return null;
        }

        return (call, lookup);
    }

    /// <summary>The node to replace and its scoped replacement; null when the lookup cannot be rewritten safely.</summary>
    private static Rewritten? Rewrite(DocumentEdit edit, InvocationExpressionSyntax call, KeyLookup lookup, TenantKeyPlan plan, CancellationToken cancellationToken)
    {
        if (lookup.Kind == KeyLookupKind.KeyPredicate)
        {
            // Append the tenant condition to the predicate that pins the key: e => e.Id == id && e.CompanyId == ctx.CompanyId.
            if (lookup.KeyPredicate?.Syntax is not LambdaExpressionSyntax { ExpressionBody: { } body } lambda)
            {
                return null;
            }

            var parameterName = lookup.KeyPredicate.Symbol.Parameters[0].Name;
            var scoped = BinaryExpression(SyntaxKind.LogicalAndExpression, body.WithoutTrivia(), TenantCondition(parameterName, plan));
            return new Rewritten(lambda, lambda.WithExpressionBody(scoped), null);
        }

        if (lookup.Kind == KeyLookupKind.RepositoryKey
            || call.Expression is not MemberAccessExpressionSyntax access
            || EntityKey.Find(lookup.Entity, edit.Model.Ef) is not { } keyProperty
            || SingleKeyValue(edit.SemanticModel, lookup.Call, keyProperty, out var cancellation) is not { } keyValue)
        {
            return null;
        }

        var isAsync = lookup.Call.TargetMethod.Name == "FindAsync";
        if (isAsync && !IsAwaited(call))
        {
            // FindAsync returns ValueTask<T?>, FirstOrDefaultAsync Task<T?>: only `await` reads both the same way.
            return null;
        }

        ExpressionSyntax receiver = access.Expression;
        var receiverType = lookup.Call.Instance?.Type;
        if (lookup.Kind == KeyLookupKind.ContextFind)
        {
            if (access.Name is not GenericNameSyntax generic)
            {
                // Find(typeof(T), id) returns object: a typed query would change what the caller gets.
                return null;
            }

            receiver = InvocationExpression(MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, receiver, GenericName(Identifier("Set"), generic.TypeArgumentList)));
            receiverType = edit.Model.Ef.DbSet?.Construct(lookup.Entity);
        }

        var name = isAsync ? "FirstOrDefaultAsync" : "FirstOrDefault";
        var parameter = QueryRewrite.ParameterName(edit.SemanticModel, call, lookup.Entity);
        var predicate = SimpleLambdaExpression(
            Parameter(Identifier(parameter)),
            BinaryExpression(
                SyntaxKind.LogicalAndExpression,
                BinaryExpression(SyntaxKind.EqualsExpression, QueryRewrite.Member(parameter, keyProperty.Name), keyValue.WithoutTrivia()),
                TenantCondition(parameter, plan)));
        var arguments = SeparatedList(cancellation is null
            ? new[] { Argument(predicate) }
            : new[] { Argument(predicate), Argument(cancellation.WithoutTrivia()) });
        var replacement = InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, IdentifierName(name)),
            ArgumentList(arguments));
        var import = receiverType is null
            ? (Import?)null
            : new Import(receiverType, name, isAsync ? QueryRewrite.EntityFrameworkNamespace : QueryRewrite.LinqNamespace);
        return new Rewritten(call, replacement, import);
    }

    /// <summary>
    /// The one key value of a Find call — <c>Find(id)</c>, <c>Find(new object[] { id })</c>, <c>FindAsync(new object[] { id }, ct)</c> —
    /// when its type converts implicitly to the key property's type. Null for composite keys and values typed <c>object</c>.
    /// </summary>
    private static ExpressionSyntax? SingleKeyValue(SemanticModel semanticModel, IInvocationOperation call, IPropertySymbol keyProperty, out ExpressionSyntax? cancellation)
    {
        cancellation = null;
        IOperation? keyValues = null;
        var cancellationTokenType = semanticModel.Compilation.GetTypeByMetadataName(typeof(CancellationToken).FullName!);
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Type is IArrayTypeSymbol)
            {
                keyValues = QueryChain.Unwrap(argument.Value);
            }
            else if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, cancellationTokenType) && argument.Syntax is ArgumentSyntax { Expression: var token })
            {
                cancellation = token;
            }
        }

        if (keyValues is not IArrayCreationOperation { Initializer.ElementValues: { Length: 1 } elements })
        {
            return null;
        }

        var value = elements[0] is IConversionOperation { IsImplicit: true } boxing ? boxing.Operand : elements[0];
        if (value.Type is null || value.Syntax is not ExpressionSyntax expression)
        {
            return null;
        }

        // The value must convert to the key's type (int to int, int to long): `e.Id == value` then compiles and means what Find meant.
        return semanticModel.Compilation.ClassifyCommonConversion(value.Type, keyProperty.Type).IsImplicit ? expression : null;
    }

    private static bool IsAwaited(ExpressionSyntax call)
    {
        var current = call;
        while (current.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            current = parenthesized;
        }

        if (current.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax configure } access
            && access.Expression == current)
        {
            current = configure;
        }

        return current.Parent is AwaitExpressionSyntax;
    }

    /// <summary><c>var x = &lt;load&gt;;</c> directly in a block (through <c>await</c> and <c>?? throw</c>): where a check can follow.</summary>
    private static LocalDeclarationStatementSyntax? LoadStatement(InvocationExpressionSyntax call)
    {
        SyntaxNode current = call;
        while (current.Parent is ParenthesizedExpressionSyntax or AwaitExpressionSyntax or PostfixUnaryExpressionSyntax
            || (current.Parent is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Left == current)
            || (current.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } && current.Parent.Parent is InvocationExpressionSyntax))
        {
            current = current.Parent is MemberAccessExpressionSyntax ? current.Parent.Parent! : current.Parent;
        }

        return current.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement } } }
            && statement.Parent is BlockSyntax
            ? statement
            : null;
    }

    /// <summary>
    /// After <c>var x = load;</c>: <c>if (x is not null &amp;&amp; x.CompanyId != ctx.CompanyId) throw new UnauthorizedAccessException(...);</c>.
    /// A missing row keeps its existing handling; a row of another company fails loudly instead of being used.
    /// </summary>
    private static void InsertGuard(DocumentEdit edit, InvocationExpressionSyntax call, KeyLookup lookup, TenantKeyPlan plan)
    {
        var statement = LoadStatement(call)!;
        var variable = statement.Declaration.Variables[0].Identifier.ValueText;
        ExpressionSyntax condition = TenantCondition(variable, plan, SyntaxKind.NotEqualsExpression);
        if (lookup.Call.TargetMethod.Name.Contains("OrDefault") || lookup.Kind != KeyLookupKind.KeyPredicate)
        {
            condition = BinaryExpression(
                SyntaxKind.LogicalAndExpression,
                IsPatternExpression(IdentifierName(variable), UnaryPattern(ConstantPattern(LiteralExpression(SyntaxKind.NullLiteralExpression)))),
                condition);
        }

        var exception = QueryRewrite.NewException(edit, call, "System.UnauthorizedAccessException", $"The {lookup.Entity.Name} does not belong to the current company.");
        var guard = IfStatement(condition, Block(ThrowStatement(exception))).WithAdditionalAnnotations(Formatter.Annotation);

        // The block may receive several checks under Fix All: find the load again by an annotation, not by position.
        var marker = new SyntaxAnnotation();
        edit.Replace(statement, current => current.WithAdditionalAnnotations(marker));
        edit.Replace(statement.Parent!, current =>
        {
            var block = (BlockSyntax)current;
            var load = block.Statements.First(s => s.HasAnnotation(marker));
            return block.WithStatements(block.Statements.Insert(block.Statements.IndexOf(load) + 1, guard));
        });
    }

    /// <summary><c>e.CompanyId == ctx.CompanyId</c> (or <c>!=</c>).</summary>
    private static BinaryExpressionSyntax TenantCondition(string instance, TenantKeyPlan plan, SyntaxKind kind = SyntaxKind.EqualsExpression) =>
        BinaryExpression(kind, QueryRewrite.Member(instance, plan.TenantKey), plan.Context.TenantKeyExpression());

    private sealed class TenantKeyPlan
    {
        public TenantKeyPlan(string tenantKey, CompanyContextAccess context)
        {
            TenantKey = tenantKey;
            Context = context;
        }

        /// <summary>The entity's tenant-key property (<c>CompanyId</c>).</summary>
        public string TenantKey { get; }

        public CompanyContextAccess Context { get; }
    }

    private readonly struct Import
    {
        public Import(ITypeSymbol receiver, string method, string ns)
        {
            Receiver = receiver;
            Method = method;
            Namespace = ns;
        }

        public ITypeSymbol Receiver { get; }

        public string Method { get; }

        public string Namespace { get; }
    }

    private readonly struct Rewritten
    {
        public Rewritten(SyntaxNode node, SyntaxNode replacement, Import? import)
        {
            Node = node;
            Replacement = replacement;
            Import = import;
        }

        public SyntaxNode Node { get; }

        public SyntaxNode Replacement { get; }

        public Import? Import { get; }
    }
}
