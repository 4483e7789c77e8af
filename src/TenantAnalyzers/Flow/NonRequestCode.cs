using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Flow;

/// <summary>
/// Code that never serves a tenant's request, where picking "the first company", loading a row by id or creating rows
/// for a company chosen by the code is how the job is done: seeding. TI0002, TI0003 and TI0004 stay quiet there; TI0001
/// does not, a bypass in a seeder is still worth a look. (Test projects are skipped by every rule:
/// <see cref="TenantModel.ShouldAnalyze"/>.)
/// </summary>
internal static class NonRequestCode
{
    /// <summary>
    /// True inside seeding code:
    /// <list type="bullet">
    /// <item>a type whose name contains <c>Seeder</c>, <c>SeedData</c> or <c>Seeding</c> or ends with <c>Seed</c>
    /// (<c>DbSeeder</c>, <c>DemoSeedData</c>, <c>CatalogContextSeed</c>), a <c>DbInitializer</c>/<c>DataInitializer</c>/
    /// <c>DatabaseInitializer</c>, or an ABP <c>IDataSeedContributor</c>;</item>
    /// <item>an EF Core migration (a type deriving from <c>Migration</c>);</item>
    /// <item>the data of <c>HasData(...)</c> in the model configuration;</item>
    /// <item>startup code that seeds before the application serves anything: the top-level statements of <c>Program</c>,
    /// methods of a type named <c>Program</c> or <c>Startup</c> — but not a lambda there, which is an endpoint's handler.</item>
    /// </list>
    /// A method of a service named <c>Seed...</c> is not seeding code: a request can reach it.
    /// </summary>
    public static bool IsSeedCode(ISymbol? member, SyntaxNode node, TenantModel model)
    {
        for (var current = member?.ContainingType; current is not null; current = current.ContainingType)
        {
            if (IsSeedingType(current, model))
            {
                return true;
            }
        }

        return IsHasDataArgument(node) || IsStartupCode(member, node);
    }

    private static bool IsSeedingType(INamedTypeSymbol type, TenantModel model)
    {
        var name = type.Name;
        if (name.IndexOf("Seeder", StringComparison.Ordinal) >= 0
            || name.IndexOf("SeedData", StringComparison.Ordinal) >= 0
            || name.IndexOf("Seeding", StringComparison.Ordinal) >= 0
            || name.EndsWith("Seed", StringComparison.Ordinal)
            || (name.EndsWith("Initializer", StringComparison.Ordinal) && (name.StartsWith("Db", StringComparison.Ordinal) || name.StartsWith("Data", StringComparison.Ordinal))))
        {
            return true;
        }

        if (model.Frameworks.Abp?.IsSeedContributor(type) ?? false)
        {
            return true;
        }

        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(baseType, model.Ef.Migration))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHasDataArgument(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case ArgumentListSyntax { Parent: InvocationExpressionSyntax call } when SyntaxNames.GetInvokedName(call) == "HasData":
                    return true;
                case MemberDeclarationSyntax or LocalFunctionStatementSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool IsStartupCode(ISymbol? member, SyntaxNode node)
    {
        if (member is not IMethodSymbol method
            || method.ContainingType?.Name is not ("Program" or "Startup")
            || method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor))
        {
            return false;
        }

        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax:
                    return false;
                case MemberDeclarationSyntax or CompilationUnitSyntax:
                    return true;
            }
        }

        return true;
    }
}
