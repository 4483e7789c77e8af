using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TenantAnalyzers.Flow;
using TenantAnalyzers.Model;
using TenantAnalyzers.Queries;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Rules;

/// <summary>
/// TI0002: an unscoped pick of a tenant root (<c>db.Companies.FirstOrDefault()</c>) and the <c>??</c>, <c>??=</c> or
/// conditional fallbacks to it (<c>company ??= db.Companies.FirstOrDefault()</c>), which act as another company when
/// the company context is missing. A fallback is reported once, as a whole.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ArbitraryTenantFallbackAnalyzer : TenantRuleAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ArbitraryTenantFallback, Descriptors.JustifiedCrossTenant);

    private protected override void Register(CompilationStartAnalysisContext start, TenantModel model)
    {
        if (!model.Ef.HasEntityFramework || model.Options.TenantRoots.IsEmpty)
        {
            return;
        }

        RegisterInvocationAction(start, model, TenantRootPick.CandidateNames, (c, call) => AnalyzeInvocation(c, call, model));
    }

    private static void AnalyzeInvocation(CandidateContext context, InvocationExpressionSyntax syntax, TenantModel model)
    {
        if (!TenantRootPick.IsCandidate(syntax, model.Options)
            || !model.MayBeTenantRootSet(SyntaxNames.QueryRootName(syntax))
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation call
            || TenantRootPick.PickedRoot(call, model) is not { } root)
        {
            return;
        }

        var member = context.GetContainingMember(syntax);
        if (NonRequestCode.IsSeedCode(member, syntax, model))
        {
            return;
        }

        var justification = model.CrossTenantScope.Find(RuleIds.ArbitraryTenantFallback, syntax, member, context.SemanticModel, context.CancellationToken);

        Location location;
        if (TenantRootPick.FindFallback(call) is { } fallback)
        {
            location = fallback.Syntax.GetLocation();
        }
        else
        {
            var nameNode = SyntaxNames.GetInvokedNameNode(syntax)!;
            location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(nameNode.SpanStart, syntax.Span.End));
        }

        // The pick itself travels as an additional location: the fixes rewrite it, or the fallback operand around it.
        context.Report(
            Diagnostic.Create(
                Descriptors.ArbitraryTenantFallback,
                location,
                ImmutableArray.Create(syntax.GetLocation()),
                call.TargetMethod.Name,
                root.Name,
                MemberDisplay.Of(member)),
            member,
            justification);
    }
}
