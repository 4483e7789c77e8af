using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Flow;
using TenantAnalyzers.Model;
using TenantAnalyzers.Queries;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Rules;

/// <summary>
/// TI0005: a tenant key assigned from request input (<c>customer.CompanyId = request.CompanyId</c>), a tenant root looked
/// up by it (<c>db.Companies.Find(companyId)</c>, <c>c =&gt; c.Id == companyId</c>) or a tenant-owned query scoped by it
/// (<c>e =&gt; e.CompanyId == request.CompanyId</c>), in an entry point, unless the input was checked before: compared with
/// the context or passed to an access check (<see cref="InputCheck"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TenantIdFromInputAnalyzer : TenantRuleAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TenantIdFromInput, Descriptors.JustifiedCrossTenant);

    private protected override void Register(CompilationStartAnalysisContext start, TenantModel model)
    {
        var entryPoints = model.EntryPoints;
        var gate = new InputSyntaxGate(model.Options);
        var constructors = new ConstructorTenantKey(model);

        // The keys as members (request.CompanyId), and as parameters or locals handed to a constructor (new Order(companyId, ...)).
        var keys = model.Options.TenantKeys.Where(key => key != "Id").ToList();
        keys.AddRange(keys.Select(key => char.ToLowerInvariant(key[0]) + key.Substring(1)).ToList());
        string[] names = model.Ef.HasEntityFramework ? ["Find", "FindAsync", .. keys] : [.. keys];
        RegisterIdentifierAction(start, model, new IdentifierScan(names), c => Analyze(c, model, entryPoints, gate, constructors));

        // A tenant root's key is only compared as a member of the query's entity (c => c.Id == companyId), and Id is
        // the most common name in a data-access code base: only its member reads are worth a look.
        RegisterIdentifierAction(start, model, new IdentifierScan(["Id"], memberAccessOnly: true), c => Analyze(c, model, entryPoints, gate, constructors));
    }

    /// <summary>Where a name hit leads: a key assignment, a key comparison, a constructor argument that becomes the key, or a <c>Find</c> call.</summary>
    private static void Analyze(CandidateContext context, TenantModel model, EntryPoints entryPoints, InputSyntaxGate gate, ConstructorTenantKey constructors)
    {
        if (SyntaxNames.InvocationNamedBy(context.Token) is { } invocation)
        {
            if (model.Ef.HasEntityFramework)
            {
                AnalyzeFind(context, invocation, model, entryPoints, gate);
            }

            return;
        }

        if (SyntaxNames.MemberNamedBy(context.Token) is not { } member)
        {
            return;
        }

        if (member.Parent is AssignmentExpressionSyntax assignment && assignment.Left == member && IsKeyName(context.Token.ValueText, model))
        {
            if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
            {
                AnalyzeAssignment(context, assignment, model, entryPoints, gate);
            }

            return;
        }

        SyntaxNode operand = member;
        while (operand.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax
            || operand.Parent.IsKind(SyntaxKind.SuppressNullableWarningExpression))
        {
            operand = operand.Parent;
        }

        // Id is scanned for root-key comparisons only (see Register): new EntitySummary(e.Id, e.Name) is no key argument.
        if (operand.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } } argument)
        {
            if (context.Token.ValueText == "Id")
            {
                return;
            }

            AnalyzeConstructorArgument(context, creation, argument, model, entryPoints, gate, constructors);
            return;
        }

        if (operand.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax change } } tenantArgument
            && model.Frameworks.Abp is { } abp
            && SyntaxNames.GetInvokedName(change) == "Change")
        {
            AnalyzeTenantSwitch(context, change, tenantArgument, model, abp, entryPoints, gate);
            return;
        }

        if (!IsKeyName(context.Token.ValueText, model))
        {
            // companyId, tenantId: searched for only as constructor arguments.
            return;
        }

        // A comparison with key names on both sides (c.Id == request.CompanyId) is checked once, from its left side.
        if (operand.Parent is BinaryExpressionSyntax comparison
            && comparison.IsKind(SyntaxKind.EqualsExpression)
            && (comparison.Left == operand || !IsKeyName(LastName(comparison.Left), model)))
        {
            AnalyzeComparison(context, comparison, model, entryPoints, gate);
        }
    }

    /// <summary><c>entity.CompanyId = input</c> and <c>new Customer { CompanyId = input }</c>.</summary>
    private static void AnalyzeAssignment(CandidateContext context, AssignmentExpressionSyntax syntax, TenantModel model, EntryPoints entryPoints, InputSyntaxGate gate)
    {
        if (!model.IsTenantKeyName(LastName(syntax.Left) ?? string.Empty)
            || !gate.MayBeInput(syntax, syntax.Right)
            || !MayCarryInput(syntax.Right, skipInnermostLambda: false, context.CancellationToken)
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
        {
            return;
        }

        var entity = target.Instance?.Type ?? target.Property.ContainingType;
        if (!model.Classify(entity).IsOwned)
        {
            return;
        }

        ReportIfInput(context, model, entryPoints, assignment, assignment.Value, entity.Name + "." + target.Property.Name);
    }

    /// <summary>
    /// <c>new Reservation(request.TenantId, ...)</c>: an argument the constructor assigns to the tenant key (read in source
    /// by <see cref="ConstructorTenantKey"/>, or a parameter named like the key when the constructor is not in source).
    /// </summary>
    private static void AnalyzeConstructorArgument(
        CandidateContext context, BaseObjectCreationExpressionSyntax syntax, ArgumentSyntax argument, TenantModel model, EntryPoints entryPoints, InputSyntaxGate gate, ConstructorTenantKey constructors)
    {
        // The created type from its name alone before the creation is bound: most creations with such an argument are DTOs.
        if (!gate.MayBeInput(syntax, argument.Expression)
            || !SyntaxScope.ReadsParameterOrLocal(argument.Expression, skipInnermostLambda: false, context.CancellationToken)
            || (syntax is ObjectCreationExpressionSyntax { Type: var typeName }
                && !model.Classify(context.SemanticModel.GetSymbolInfo(typeName, context.CancellationToken).Symbol as ITypeSymbol).IsOwned)
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IObjectCreationOperation { Type: { } entity, Constructor: { } constructor } creation
            || model.Classify(entity) is not { IsOwned: true } info)
        {
            return;
        }

        var value = constructors.KeyArgument(creation, context.CancellationToken);
        if (value is null && constructors.Of(constructor, context.CancellationToken).Kind == ConstructorKeyKind.Unknown
            && constructors.KeyParameterByName(constructor) is { } ordinal)
        {
            value = creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal)?.Value;
        }

        if (value is not null && argument.Expression.Span.Contains(Unwrap(value, implicitOnly: true).Syntax.Span))
        {
            ReportIfInput(context, model, entryPoints, creation, value, entity.Name + "." + (info.TenantKey?.Name ?? model.Options.TenantKeys[0]));
        }
    }

    /// <summary>ABP: <c>CurrentTenant.Change(input.TenantId)</c> makes the request's tenant the current one for its block.</summary>
    private static void AnalyzeTenantSwitch(
        CandidateContext context, InvocationExpressionSyntax syntax, ArgumentSyntax argument, TenantModel model, Frameworks.AbpApi abp, EntryPoints entryPoints, InputSyntaxGate gate)
    {
        if (!gate.MayBeInput(syntax, argument.Expression)
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation { Arguments.Length: > 0 } call
            || !abp.IsContextType(call.TargetMethod.ContainingType)
            || call.TargetMethod.Name != "Change"
            || call.Arguments[0].Syntax != argument)
        {
            return;
        }

        ReportIfInput(context, model, entryPoints, call, call.Arguments[0].Value, "ICurrentTenant.Change");
    }

    /// <summary><c>c =&gt; c.Id == input</c> on a tenant root query, <c>e =&gt; e.CompanyId == input</c> on a tenant-owned one.</summary>
    private static void AnalyzeComparison(CandidateContext context, BinaryExpressionSyntax syntax, TenantModel model, EntryPoints entryPoints, InputSyntaxGate gate)
    {
        // Cheapest first: names, then where the comparison is, then what it reads.
        if ((!IsKeyName(LastName(syntax.Left), model) && !IsKeyName(LastName(syntax.Right), model))
            || (!IsTenantKeyComparison(syntax, model) && !model.MayBeTenantRootSet(EnclosingQueryRootName(syntax)))
            || !gate.MayBeInput(syntax, syntax)
            || !(MayCarryInput(syntax.Left, skipInnermostLambda: true, context.CancellationToken)
                || MayCarryInput(syntax.Right, skipInnermostLambda: true, context.CancellationToken)))
        {
            return;
        }

        if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IBinaryOperation comparison
            || EnclosingQueryLambda(comparison, model) is not { } parameter)
        {
            return;
        }

        var (key, value) = TenantPredicate.IsTenantKeyOf(comparison.LeftOperand, parameter, model) ? (comparison.LeftOperand, comparison.RightOperand)
            : TenantPredicate.IsTenantKeyOf(comparison.RightOperand, parameter, model) ? (comparison.RightOperand, comparison.LeftOperand)
            : (null, null);
        if (key is null || value is null)
        {
            return;
        }

        // The key is a property (e.CompanyId, e.Company.Id) or a shadow property read with EF.Property<int>(e, "CompanyId").
        var target = Unwrap(key, implicitOnly: false) switch
        {
            IPropertyReferenceOperation property => property.Property.ContainingType.Name + "." + property.Property.Name,
            IInvocationOperation { Arguments.Length: 2 } shadow when shadow.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string name } => parameter.Type.Name + "." + name,
            _ => null,
        };
        if (target is not null)
        {
            ReportIfInput(context, model, entryPoints, comparison, value, target);
        }
    }

    /// <summary><c>db.Companies.Find(input)</c>, <c>FindAsync(input)</c>, <c>db.Find&lt;Company&gt;(input)</c>.</summary>
    private static void AnalyzeFind(CandidateContext context, InvocationExpressionSyntax syntax, TenantModel model, EntryPoints entryPoints, InputSyntaxGate gate)
    {
        if (SyntaxNames.GetInvokedName(syntax) is not ("Find" or "FindAsync")
            || !model.MayBeTenantRootSet(SyntaxNames.QueryRootName(syntax))
            || !gate.MayBeInput(syntax, syntax.ArgumentList)
            || !MayCarryInput(syntax.ArgumentList, skipInnermostLambda: false, context.CancellationToken)
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation call)
        {
            return;
        }

        var method = call.TargetMethod;
        ITypeSymbol? entity = SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, model.Ef.DbSet)
            ? method.ContainingType.TypeArguments[0]
            : SymbolEqualityComparer.Default.Equals(method.ContainingType, model.Ef.DbContext) && method.TypeArguments.Length == 1
                ? method.TypeArguments[0]
                : null;
        if (entity is null || !model.Classify(entity).IsRoot)
        {
            return;
        }

        // Find(params object[] keyValues) and FindAsync(object[] keyValues, CancellationToken): the key values are an array.
        foreach (var argument in call.Arguments)
        {
            if (argument.Value is IArrayCreationOperation { Initializer: { } keys })
            {
                foreach (var key in keys.ElementValues)
                {
                    ReportIfInput(context, model, entryPoints, call, key, entity.Name + "." + method.Name);
                }
            }
        }
    }

    /// <summary>
    /// Input arrives through a parameter or local, the request itself or a bound property; never through a field
    /// (<c>_companyContext</c>): the syntax test before binding.
    /// </summary>
    private static bool MayCarryInput(SyntaxNode value, bool skipInnermostLambda, System.Threading.CancellationToken cancellationToken) =>
        SyntaxScope.ReadsParameterOrLocal(value, skipInnermostLambda, cancellationToken) || InputSyntaxGate.ReadsRequestMember(value);

    private static void ReportIfInput(CandidateContext context, TenantModel model, EntryPoints entryPoints, IOperation use, IOperation value, string target)
    {
        var resolver = new ValueOriginResolver(entryPoints, context.SemanticModel, context.CancellationToken);
        var origin = resolver.Of(value);
        if (!origin.IsInput || InputCheck.IsCheckedBefore(use, origin, resolver) || InputCheck.PinsTheCallersOwnRows(use, resolver))
        {
            return;
        }

        var member = context.GetContainingMember(use.Syntax);
        var justification = model.CrossTenantScope.Find(RuleIds.TenantIdFromInput, use.Syntax, member, context.SemanticModel, context.CancellationToken);
        context.Report(
            Diagnostic.Create(Descriptors.TenantIdFromInput, Unwrap(value, implicitOnly: true).Syntax.GetLocation(), target, MemberDisplay.Of(member), origin.Path),
            member,
            justification);
    }

    /// <summary>The entity parameter of the query predicate the comparison is in; null outside a LINQ operator over an <c>IQueryable</c>.</summary>
    private static IParameterSymbol? EnclosingQueryLambda(IOperation operation, TenantModel model)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is not IAnonymousFunctionOperation lambda)
            {
                continue;
            }

            var parent = lambda.Parent;
            while (parent is IDelegateCreationOperation or IConversionOperation)
            {
                parent = parent.Parent;
            }

            if (lambda.Symbol.Parameters.Length == 1
                && parent is IArgumentOperation { Parent: IInvocationOperation call }
                && model.Ef.IsLinqOperator(call.TargetMethod.ReducedFrom ?? call.TargetMethod)
                && model.Ef.IsQueryable(QueryChain.GetSource(call)?.Type))
            {
                return lambda.Symbol.Parameters[0];
            }

            return null;
        }

        return null;
    }

    /// <summary>An <c>Id</c> comparison only matters on a tenant root's query: the name of the query it filters.</summary>
    private static string? EnclosingQueryRootName(SyntaxNode comparison) =>
        comparison.FirstAncestorOrSelf<LambdaExpressionSyntax>()?.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax query } }
            ? SyntaxNames.QueryRootName(query)
            : null;

    private static bool IsTenantKeyComparison(BinaryExpressionSyntax comparison, TenantModel model) =>
        model.IsTenantKeyName(LastName(comparison.Left) ?? string.Empty) || model.IsTenantKeyName(LastName(comparison.Right) ?? string.Empty);

    private static bool IsKeyName(string? name, TenantModel model) => name is not null && (name == "Id" || model.IsTenantKeyName(name));

    private static string? LastName(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case MemberAccessExpressionSyntax access:
                    return access.Name.Identifier.ValueText;
                case MemberBindingExpressionSyntax binding:
                    return binding.Name.Identifier.ValueText;
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                    expression = suppressed.Operand;
                    break;
                default:
                    return null;
            }
        }
    }

    private static IOperation Unwrap(IOperation operation, bool implicitOnly)
    {
        while ((operation is IConversionOperation conversionOperation && (conversionOperation.IsImplicit || !implicitOnly)) || operation is IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }
}
