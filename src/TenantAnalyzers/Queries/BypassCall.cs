using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Queries;

/// <summary>
/// A call that drops query filters: EF Core's <c>IgnoreQueryFilters</c> (both overloads) or a configured
/// <c>bypass_methods</c> wrapper, with the entity type it applies to and whether it keeps the tenant filter.
/// </summary>
internal static class BypassCall
{
    public const string IgnoreQueryFilters = "IgnoreQueryFilters";

    /// <summary>The cheap syntax test: could this invocation drop query filters at all?</summary>
    public static bool IsCandidateName(string? name, TenantOptions options) =>
        name is not null && (name == IgnoreQueryFilters || options.BypassMethodNames.Contains(name));

    /// <summary>The names <see cref="IsCandidateName"/> accepts, to search files for.</summary>
    public static IdentifierScan CandidateNames(TenantOptions options) => new([IgnoreQueryFilters, .. options.BypassMethodNames]);

    public static bool IsBypass(IMethodSymbol method, TenantModel model)
    {
        var original = method.ReducedFrom ?? method;
        if (original.Name == IgnoreQueryFilters && model.Ef.IsEfQueryableExtension(original))
        {
            return true;
        }

        foreach (var configured in model.Options.BypassMethods)
        {
            var dot = configured.LastIndexOf('.');
            var methodName = dot < 0 ? configured : configured.Substring(dot + 1);
            if (original.Name == methodName
                && (dot < 0 || NameMatcher.Matches(original.ContainingType, configured.Substring(0, dot))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entity type whose filters the call drops: its type argument, or the element type of the query it returns.</summary>
    public static ITypeSymbol? GetEntityType(IInvocationOperation call, EfSymbols ef)
    {
        var method = call.TargetMethod;
        if (method.TypeArguments.Length == 1)
        {
            return method.TypeArguments[0];
        }

        return ef.GetSequenceElementType(method.ReturnType) ?? ef.GetSequenceElementType(QueryChain.GetSource(call)?.Type);
    }

    /// <summary>
    /// EF Core 10 keyed overload <c>IgnoreQueryFilters(["SoftDelete"])</c>: false when every key is a constant that is not
    /// a tenant filter name. A key list that cannot be read is assumed to drop the tenant filter.
    /// </summary>
    public static bool DropsTenantFilter(IInvocationOperation call, InvocationExpressionSyntax syntax, TenantModel model)
    {
        var original = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
        if (original.Name != IgnoreQueryFilters || original.Parameters.Length < 2)
        {
            return true;
        }

        var keys = ReadConstantKeys(syntax, call.SemanticModel);
        if (keys is null)
        {
            return true;
        }

        var tenantNames = model.Filters.TenantFilterNames;
        foreach (var key in keys)
        {
            if (tenantNames.Count > 0 ? Contains(tenantNames, key) : LooksLikeTenantFilter(key, model))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string>? ReadConstantKeys(InvocationExpressionSyntax syntax, SemanticModel? semanticModel)
    {
        var arguments = syntax.ArgumentList.Arguments;
        if (semanticModel is null || arguments.Count == 0)
        {
            return null;
        }

        var expression = arguments[arguments.Count - 1].Expression;
        IEnumerable<ExpressionSyntax>? elements = expression switch
        {
            CollectionExpressionSyntax collection => ExpressionElements(collection),
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
            ObjectCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            ImplicitObjectCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            _ => null,
        };

        if (elements is null)
        {
            return null;
        }

        var keys = new List<string>();
        foreach (var element in elements)
        {
            if (element is null || semanticModel.GetConstantValue(element) is not { HasValue: true, Value: string key })
            {
                return null;
            }

            keys.Add(key);
        }

        return keys;
    }

    private static IEnumerable<ExpressionSyntax>? ExpressionElements(CollectionExpressionSyntax collection)
    {
        var expressions = new List<ExpressionSyntax>();
        foreach (var element in collection.Elements)
        {
            if (element is not ExpressionElementSyntax expressionElement)
            {
                return null;
            }

            expressions.Add(expressionElement.Expression);
        }

        return expressions;
    }

    private static bool Contains(IReadOnlyCollection<string> names, string key)
    {
        foreach (var name in names)
        {
            if (string.Equals(name, key, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Without a known tenant filter name, a key that names the tenant (<c>"Tenant"</c>, <c>"CompanyFilter"</c>) is taken as one.</summary>
    private static bool LooksLikeTenantFilter(string key, TenantModel model)
    {
        foreach (var word in model.Options.TenantKeys)
        {
            if (key.IndexOf(word, System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        foreach (var root in model.Options.TenantRoots)
        {
            var dot = root.LastIndexOf('.');
            var simple = dot < 0 ? root : root.Substring(dot + 1);
            if (key.IndexOf(simple, System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return key.IndexOf("tenant", System.StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
