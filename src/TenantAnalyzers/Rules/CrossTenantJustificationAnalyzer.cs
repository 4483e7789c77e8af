using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TenantAnalyzers.Model;

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

        start.RegisterSyntaxNodeAction(c => AnalyzeAttribute(c, model, simpleName), SyntaxKind.Attribute);
    }

    private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, TenantModel model, string simpleName)
    {
        var syntax = (AttributeSyntax)context.Node;
        var written = LastIdentifier(syntax.Name);
        if (written is null || !(written == simpleName || written == simpleName + "Attribute"))
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol is not IMethodSymbol constructor
            || !model.CrossTenant.IsBypassAttribute(constructor.ContainingType)
            || context.ContainingSymbol is not { } target)
        {
            return;
        }

        AttributeData? data = null;
        foreach (var attribute in target.GetAttributes())
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
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnjustifiedCrossTenant, syntax.GetLocation(), written, MemberDisplay.Of(target), problem));
    }

    private static string? LastIdentifier(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
