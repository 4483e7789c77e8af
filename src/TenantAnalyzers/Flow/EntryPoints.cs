using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Flow;

/// <summary>
/// Where request input enters the application: public methods of controllers, minimal-API handlers (lambdas and
/// method groups passed to <c>MapGet</c>/<c>MapPost</c>/...), and public methods of the configured <c>entry_points</c>
/// types. ASP.NET Core symbols are resolved once per compilation by metadata name; user-configured names go through
/// <see cref="NameMatcher"/>.
/// </summary>
internal sealed class EntryPoints
{
    private static readonly string[] RequestModelSuffixes = ["Request", "Dto", "DTO", "Command", "Input", "Payload", "Form"];

    public static readonly string[] MapMethodNames = ["MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "Map", "MapFallback"];

    /// <summary>The Map* names, to search files for.</summary>
    public static readonly IdentifierScan MapCallNames = new(MapMethodNames);

    private readonly TenantModel _model;
    private readonly Lazy<AspNetSymbols> _aspNet;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _methods = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, HashSet<IMethodSymbol>> _methodGroupHandlers = new();

    public EntryPoints(TenantModel model)
    {
        _model = model;
        var compilation = model.Compilation;
        // Resolved on the first candidate, not at compilation start: the IDE starts a compilation per request.
        _aspNet = new Lazy<AspNetSymbols>(() => new AspNetSymbols(compilation), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The cheap syntax test for a minimal-API registration.</summary>
    public static bool IsMapMethodName(string? name) => name is not null && Array.IndexOf(MapMethodNames, name) >= 0;

    /// <summary>
    /// True when <paramref name="parameter"/> carries request input: a parameter of an entry point that is bound from
    /// the request (route, query, body), not a service injected into it.
    /// </summary>
    public bool IsRequestInput(IParameterSymbol parameter, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        parameter.ContainingSymbol is IMethodSymbol method
        && IsBoundFromRequest(parameter)
        && IsEntryPoint(method, semanticModel, cancellationToken);

    /// <summary>
    /// True for a request model, by the names such types carry (<c>CreateCustomerRequest</c>, <c>BookingDto</c>,
    /// <c>UpdateBranchCommand</c>, <c>CustomerInput</c>, <c>WebhookPayload</c>, <c>SignupForm</c>), declared in this
    /// compilation: its members are request input wherever the object travels, e.g. into the service method a
    /// controller hands it to. A naming convention rather than a search of the entry points because this is asked on
    /// every keystroke, on a fresh copy of the compilation.
    /// </summary>
    public bool IsRequestType(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, SpecialType: SpecialType.None } named
            || !SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, _model.Compilation.Assembly))
        {
            return false;
        }

        return IsRequestModelName(named.Name);
    }

    /// <summary>The naming convention of request models: <c>...Request</c>, <c>...Dto</c>, <c>...Command</c>, ...</summary>
    public static bool IsRequestModelName(string typeName)
    {
        foreach (var suffix in RequestModelSuffixes)
        {
            if (typeName.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsEntryPoint(IMethodSymbol method, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (method.MethodKind == MethodKind.AnonymousFunction)
        {
            return IsMinimalApiLambda(method, semanticModel, cancellationToken);
        }

        if (method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }

        return _methods.GetOrAdd(method, m => IsEntryPointMethod(m))
            || IsMethodGroupHandler(method, semanticModel, cancellationToken);
    }

    private bool IsEntryPointMethod(IMethodSymbol method)
    {
        if (method.DeclaredAccessibility != Accessibility.Public || method.ContainingType is not { } type)
        {
            return false;
        }

        if (IsController(type))
        {
            return !method.IsStatic && !HasAttribute(method, _aspNet.Value.NonActionAttribute);
        }

        var options = _model.Options;
        if (options.EntryPoints.IsEmpty)
        {
            return false;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && NameMatcher.MatchesAttribute(attributeClass, options.EntryPoints))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (NameMatcher.MatchesAny(implemented, options.EntryPoints))
            {
                return true;
            }
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if ((!SymbolEqualityComparer.Default.Equals(current, type) && NameMatcher.MatchesAny(current, options.EntryPoints))
                || HasConfiguredAttribute(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>MVC's own rules: derives from ControllerBase, carries [ApiController] (inherited), or follows the *Controller name convention.</summary>
    private bool IsController(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic)
        {
            return false;
        }

        if (type.Name.EndsWith("Controller", StringComparison.Ordinal) && type.DeclaredAccessibility == Accessibility.Public)
        {
            return true;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, _aspNet.Value.ControllerBase) || HasAttribute(current, _aspNet.Value.ApiControllerAttribute))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasConfiguredAttribute(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && NameMatcher.MatchesAttribute(attributeClass, _model.Options.EntryPoints))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Services, the company context and framework types (HttpContext, CancellationToken, ClaimsPrincipal) are not request
    /// input; route and query values (primitives, strings, Guids, enums) and request/DTO objects are.
    /// </summary>
    private bool IsBoundFromRequest(IParameterSymbol parameter)
    {
        if (HasAttribute(parameter, _aspNet.Value.FromServicesAttribute) || HasAttribute(parameter, _aspNet.Value.FromKeyedServicesAttribute))
        {
            return false;
        }

        var type = parameter.Type;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum)
        {
            return type.SpecialType is not (SpecialType.System_Object or SpecialType.System_Delegate);
        }

        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || IsContextType(type) || IsDbContext(type))
        {
            return false;
        }

        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns == "System")
        {
            // Guid, DateOnly and friends come from the route or query string.
            return type.Name is "Guid" or "DateOnly" or "DateTimeOffset" or "TimeOnly";
        }

        return !(ns.StartsWith("System.", StringComparison.Ordinal) || ns.StartsWith("Microsoft.", StringComparison.Ordinal));
    }

    public bool IsContextType(ITypeSymbol type)
    {
        if (NameMatcher.MatchesAny(type, _model.Options.ContextTypes))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (NameMatcher.MatchesAny(implemented, _model.Options.ContextTypes))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsDbContext(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, _model.Ef.DbContext))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsMinimalApiLambda(IMethodSymbol lambda, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var reference in lambda.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken).Parent;
            while (node is ParenthesizedExpressionSyntax or CastExpressionSyntax)
            {
                node = node.Parent;
            }

            if (node is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                && node.SyntaxTree == semanticModel.SyntaxTree
                && IsMapCall(invocation, semanticModel, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A method passed as a method group to a Map* call. Only registrations in the handler's own file are seen
    /// (endpoint classes usually map their handlers next to them); finding others would mean reading every file.
    /// </summary>
    private bool IsMethodGroupHandler(IMethodSymbol method, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var handlers = _methodGroupHandlers.GetOrAdd(semanticModel.SyntaxTree, tree => FindMethodGroupHandlers(tree, semanticModel, cancellationToken));
        return handlers.Contains(method.OriginalDefinition);
    }

    /// <summary>The methods handed as method groups to the file's Map* calls, found by a text search for the Map* names.</summary>
    private HashSet<IMethodSymbol> FindMethodGroupHandlers(SyntaxTree tree, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var handlers = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (_aspNet.Value.EndpointRouteBuilder is null)
        {
            return handlers;
        }

        MapCallNames.Find(tree, span: null, (EntryPoints: this, Handlers: handlers, SemanticModel: semanticModel, CancellationToken: cancellationToken), static (token, state) =>
        {
            if (SyntaxNames.InvocationNamedBy(token) is not { } invocation
                || !state.EntryPoints.IsMapCall(invocation, state.SemanticModel, state.CancellationToken))
            {
                return;
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (argument.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax
                    && state.SemanticModel.GetOperation(argument.Expression, state.CancellationToken) is IMethodReferenceOperation reference)
                {
                    state.Handlers.Add(reference.Method.OriginalDefinition);
                }
            }
        }, cancellationToken);

        return handlers;
    }

    private bool IsMapCall(InvocationExpressionSyntax invocation, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (_aspNet.Value.EndpointRouteBuilder is null
            || !IsMapMethodName(SyntaxNames.GetInvokedName(invocation))
            || semanticModel.GetOperation(invocation, cancellationToken) is not IInvocationOperation call)
        {
            return false;
        }

        var method = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
        if (!method.IsExtensionMethod || method.Parameters.Length == 0)
        {
            return false;
        }

        var receiver = method.Parameters[0].Type;
        return SymbolEqualityComparer.Default.Equals(receiver, _aspNet.Value.EndpointRouteBuilder)
            || receiver.AllInterfaces.Contains(_aspNet.Value.EndpointRouteBuilder, SymbolEqualityComparer.Default);
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            for (var current = attribute.AttributeClass; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, attributeType))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The ASP.NET Core types that define entry points and service parameters, by metadata name.</summary>
    private sealed class AspNetSymbols
    {
        public AspNetSymbols(Compilation compilation)
        {
            ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            ApiControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
            NonActionAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
            EndpointRouteBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
            FromServicesAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.FromServicesAttribute");
            FromKeyedServicesAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute");
        }

        public INamedTypeSymbol? ControllerBase { get; }

        public INamedTypeSymbol? ApiControllerAttribute { get; }

        public INamedTypeSymbol? NonActionAttribute { get; }

        public INamedTypeSymbol? EndpointRouteBuilder { get; }

        public INamedTypeSymbol? FromServicesAttribute { get; }

        public INamedTypeSymbol? FromKeyedServicesAttribute { get; }
    }
}
