using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantAnalyzers.Authorization;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Rules;

/// <summary>TI0100: the bypass attribute (<c>[CrossTenant]</c>) with a missing, empty or placeholder justification.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CrossTenantJustificationAnalyzer : TenantRuleAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnjustifiedCrossTenant);

    private protected override void Register(CompilationStartAnalysisContext start, TenantModel model)
    {
        var simpleName = model.Options.BypassAttribute;
        var dot = simpleName.LastIndexOf('.');
        if (dot >= 0)
        {
            simpleName = simpleName.Substring(dot + 1);
        }

        var names = new IdentifierScan(simpleName.EndsWith("Attribute", StringComparison.Ordinal)
            ? [simpleName, simpleName.Substring(0, simpleName.Length - "Attribute".Length)]
            : [simpleName, simpleName + "Attribute"]);
        RegisterIdentifierAction(start, model, names, c => AnalyzeAttribute(c, model));
    }

    private static void AnalyzeAttribute(CandidateContext context, TenantModel model)
    {
        if (AttributeNamedBy(context.Token) is not { } syntax
            || context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol is not IMethodSymbol constructor
            || !model.CrossTenant.IsBypassAttribute(constructor.ContainingType)
            || AttributeTarget.Of(syntax, context.SemanticModel, context.CancellationToken) is not { } target)
        {
            return;
        }

        AttributeData? data = null;
        foreach (var attribute in target.Attributes)
        {
            if (attribute.ApplicationSyntaxReference?.Span == syntax.Span && attribute.ApplicationSyntaxReference.SyntaxTree == syntax.SyntaxTree)
            {
                data = attribute;
                break;
            }
        }

        var justification = data is null ? null : CrossTenantAttributeReader.GetJustification(data);
        var state = CrossTenantAttributeReader.Judge(justification);
        if (state == JustificationState.Justified)
        {
            return;
        }

        var problem = state == JustificationState.Placeholder
            ? $"a placeholder justification \"{justification}\""
            : justification is null ? "no justification" : "an empty justification";
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.UnjustifiedCrossTenant,
            syntax.GetLocation(),
            context.Token.ValueText,
            MemberDisplay.Of(target.Symbol),
            problem));
    }

    /// <summary>The attribute whose name ends in <paramref name="identifier"/>: <c>[CrossTenant]</c>, <c>[Security.CrossTenant(...)]</c>.</summary>
    private static AttributeSyntax? AttributeNamedBy(SyntaxToken identifier)
    {
        SyntaxNode? name = identifier.Parent as SimpleNameSyntax;
        while (name?.Parent is QualifiedNameSyntax qualified && qualified.Right == name
            || name?.Parent is AliasQualifiedNameSyntax alias && alias.Name == name)
        {
            name = name.Parent;
        }

        return name?.Parent is AttributeSyntax attribute && attribute.Name == name ? attribute : null;
    }
}
