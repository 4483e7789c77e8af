using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Flow;

/// <summary>
/// Does the application stamp the tenant key on save? That is a DbContext override of <c>SaveChanges</c>/<c>SaveChangesAsync</c>,
/// or an EF Core save-changes interceptor (<c>SavingChanges</c>/<c>SavingChangesAsync</c> of an <c>ISaveChangesInterceptor</c>),
/// whose body — or a method of this compilation it calls, followed by name — assigns a tenant-key property
/// (<c>entity.CompanyId = ...</c>) or touches it through the change tracker (<c>entry.Property("CompanyId")</c>).
/// The hooks are found through the declaration index, so no file outside them is read.
/// </summary>
internal static class TenantKeyStamping
{
    private const int MaxMethods = 64;
    private static readonly string[] HookNames = ["SaveChanges", "SaveChangesAsync", "SavingChanges", "SavingChangesAsync"];

    public static bool IsDeclared(TenantModel model, CancellationToken cancellationToken)
    {
        var compilation = model.Compilation;
        var interceptor = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor");
        var pending = new Queue<IMethodSymbol>();
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in HookNames)
        {
            foreach (var symbol in compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
            {
                if (symbol is IMethodSymbol method && IsSaveHook(method, model, interceptor) && seen.Add(method))
                {
                    pending.Enqueue(method);
                }
            }
        }

        while (pending.Count > 0)
        {
            foreach (var reference in pending.Dequeue().DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax assignment && model.IsTenantKeyName(LastName(assignment.Left) ?? string.Empty))
                    {
                        return true;
                    }

                    if (node is not InvocationExpressionSyntax invocation)
                    {
                        continue;
                    }

                    if (NamesTenantKeyProperty(invocation, model))
                    {
                        return true;
                    }

                    if (seen.Count < MaxMethods && SyntaxNames.GetInvokedName(invocation) is { } invoked)
                    {
                        foreach (var helper in compilation.GetSymbolsWithName(invoked, SymbolFilter.Member, cancellationToken))
                        {
                            if (helper is IMethodSymbol method && seen.Add(method))
                            {
                                pending.Enqueue(method);
                            }
                        }
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A DbContext from another assembly (the data layer in its own project) whose <c>SaveChanges</c> is overridden: its body
    /// cannot be read, so it is assumed to stamp the tenant key rather than reporting every creation that reaches it.
    /// </summary>
    public static bool IsOverriddenOutsideSource(ITypeSymbol? dbContextType, TenantModel model)
    {
        for (var current = dbContextType; current is not null && !SymbolEqualityComparer.Default.Equals(current, model.Ef.DbContext); current = current.BaseType)
        {
            if (current.DeclaringSyntaxReferences.Length > 0)
            {
                continue;
            }

            foreach (var member in current.GetMembers())
            {
                if (member is IMethodSymbol { IsOverride: true, Name: "SaveChanges" or "SaveChangesAsync" })
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsSaveHook(IMethodSymbol method, TenantModel model, INamedTypeSymbol? interceptor)
    {
        if (method.Name is "SaveChanges" or "SaveChangesAsync")
        {
            if (!method.IsOverride)
            {
                return false;
            }

            for (var type = method.ContainingType?.BaseType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, model.Ef.DbContext))
                {
                    return true;
                }
            }

            return false;
        }

        if (interceptor is null || method.ContainingType is not { } containing)
        {
            return false;
        }

        foreach (var implemented in containing.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, interceptor))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>entry.Property("CompanyId")</c>, <c>entry.Property(nameof(ITenantEntity.CompanyId))</c>, <c>entry.Property(e =&gt; e.CompanyId)</c>.</summary>
    private static bool NamesTenantKeyProperty(InvocationExpressionSyntax invocation, TenantModel model)
    {
        if (SyntaxNames.GetInvokedName(invocation) != "Property" || invocation.ArgumentList.Arguments.Count == 0)
        {
            return false;
        }

        var name = invocation.ArgumentList.Arguments[0].Expression switch
        {
            LiteralExpressionSyntax literal => literal.Token.ValueText,
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } nameOf
                when nameOf.ArgumentList.Arguments.Count == 1 => LastName(nameOf.ArgumentList.Arguments[0].Expression),
            SimpleLambdaExpressionSyntax { Body: ExpressionSyntax body } => LastName(body),
            _ => null,
        };
        return name is not null && model.IsTenantKeyName(name);
    }

    private static string? LastName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };
}
