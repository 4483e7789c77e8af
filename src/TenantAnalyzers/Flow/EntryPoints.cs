using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
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
    private readonly ConcurrentDictionary<ITypeSymbol, Binders> _boundRequestTypes = new(SymbolEqualityComparer.Default);

    public EntryPoints(TenantModel model)
    {
        _model = model;
        var compilation = model.Compilation;
        // Resolved on the first candidate, not at compilation start: the IDE starts a compilation per request.
        _aspNet = new Lazy<AspNetSymbols>(() => new AspNetSymbols(compilation), LazyThreadSafetyMode.PublicationOnly);
        Identity = new CallerIdentity(model);
    }

    public TenantModel Model => _model;

    /// <summary>The caller's claims, user and current-user services (see <see cref="CallerIdentity"/>).</summary>
    public CallerIdentity Identity { get; }

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

    /// <summary>
    /// A request model (<see cref="IsRequestType"/>) that an entry point binds: the type of a request-bound parameter of a
    /// controller action, minimal-API handler or page handler, or of a <c>[BindProperty]</c> property, somewhere in the
    /// compilation. Such an object carries the caller's input wherever it travels — into a service, or to the MediatR
    /// handler a controller sends it to; one a background job builds from an entity does not. Found by a search of the
    /// files' text for the type's name, binding only the declarations that name it; cached per type.
    /// </summary>
    public bool IsBoundRequestType(ITypeSymbol type, CancellationToken cancellationToken) => BindersOf(type, cancellationToken) is { IsBound: true };

    /// <summary>
    /// True when every entry point that binds the request model <paramref name="type"/> overwrites its member
    /// <paramref name="member"/> before handing it on (<c>command.TenantId = User.GetTenantId();</c>, or
    /// <c>command with { TenantId = ... }</c>): what arrives in the service or handler is the entry point's value, not
    /// the caller's (whether that value is input is TI0005's question at the entry point).
    /// </summary>
    public bool IsOverwrittenWhereBound(ITypeSymbol type, string member, CancellationToken cancellationToken)
    {
        if (BindersOf(type, cancellationToken) is not { IsBound: true, ByProperty: false } binders)
        {
            return false;
        }

        foreach (var (parameter, body) in binders.Parameters)
        {
            if (!Overwrites(body, parameter, member))
            {
                return false;
            }
        }

        return true;
    }

    private Binders? BindersOf(ITypeSymbol type, CancellationToken cancellationToken)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (!IsRequestType(type))
        {
            return null;
        }

        if (!_boundRequestTypes.TryGetValue(type, out var binders))
        {
            binders = FindBinders((INamedTypeSymbol)type, cancellationToken);
            _boundRequestTypes.TryAdd(type, binders);
        }

        return binders;
    }

    private Binders FindBinders(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var binders = new Binders();
        var scan = new IdentifierScan(type.Name);
        foreach (var tree in _model.Compilation.SyntaxTrees)
        {
            SemanticModel? semanticModel = null;
            foreach (var token in scan.FindAll(tree, null, cancellationToken))
            {
                var declaration = DeclarationTyped(token);
                if (declaration is null)
                {
                    continue;
                }

                semanticModel ??= _model.Compilation.GetSemanticModel(tree);
                switch (semanticModel.GetDeclaredSymbol(declaration, cancellationToken))
                {
                    case IParameterSymbol parameter when IsSameType(parameter.Type, type) && IsRequestInput(parameter, semanticModel, cancellationToken):
                        binders.Parameters.Add((parameter.Name, declaration.Parent?.Parent ?? declaration));
                        break;
                    case IPropertySymbol property when IsSameType(property.Type, type) && IsBoundProperty(property):
                        binders.ByProperty = true;
                        break;
                }
            }
        }

        return binders;
    }

    /// <summary><c>parameter.Member = ...</c> or <c>parameter with { Member = ... }</c> in the entry point's declaration.</summary>
    private static bool Overwrites(SyntaxNode body, string parameter, string member)
    {
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name: var name } }
                    when target.Identifier.ValueText == parameter && name.Identifier.ValueText == member:
                    return true;
                case WithExpressionSyntax { Expression: IdentifierNameSyntax source } with when source.Identifier.ValueText == parameter:
                    foreach (var assignment in with.Initializer.Expressions)
                    {
                        if (assignment is AssignmentExpressionSyntax { Left: IdentifierNameSyntax assigned } && assigned.Identifier.ValueText == member)
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>Where a request model is bound: entry-point parameters (by name, with their declaring method or lambda) and bound properties.</summary>
    private sealed class Binders
    {
        public List<(string Parameter, SyntaxNode Declaration)> Parameters { get; } = new();

        public bool ByProperty { get; set; }

        public bool IsBound => Parameters.Count > 0 || ByProperty;
    }

    /// <summary>The parameter or property whose declared type is the name at <paramref name="token"/>.</summary>
    private static SyntaxNode? DeclarationTyped(SyntaxToken token)
    {
        SyntaxNode? type = token.Parent;
        while (type?.Parent is QualifiedNameSyntax or AliasQualifiedNameSyntax or NullableTypeSyntax)
        {
            type = type.Parent;
        }

        return type?.Parent switch
        {
            ParameterSyntax parameter when parameter.Type == type => parameter,
            PropertyDeclarationSyntax property when property.Type == type => property,
            _ => null,
        };
    }

    private static bool IsSameType(ITypeSymbol declared, ITypeSymbol type)
    {
        if (declared is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            declared = nullable.TypeArguments[0];
        }

        return SymbolEqualityComparer.Default.Equals(declared.OriginalDefinition, type.OriginalDefinition);
    }

    /// <summary>A property model binding fills from the request: <c>[BindProperty]</c>, or any public settable property of a <c>[BindProperties]</c> type.</summary>
    public bool IsBoundProperty(IPropertySymbol property) =>
        HasAttribute(property, _aspNet.Value.BindPropertyAttribute)
        || (property.DeclaredAccessibility == Accessibility.Public && property.SetMethod is not null && property.ContainingType is { } type
            && HasAttribute(type, _aspNet.Value.BindPropertiesAttribute));

    /// <summary>
    /// A value read from the request itself, wherever the code runs: an indexer of the headers, query string, form,
    /// cookies or route values (<c>Request.Headers["X-Tenant-Id"]</c>, <c>HttpContext.Request.Query["tenant"]</c>,
    /// <c>RouteData.Values["tenantId"]</c>), <c>GetRouteValue("tenantId")</c>, and <c>ToString()</c> or <c>First()</c> of one.
    /// Returns how it is read, for the message; null for anything else.
    /// </summary>
    public string? RequestRead(IOperation operation)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } when IsRequestCollection(instance.Type):
                return Describe(operation);
            case IInvocationOperation { TargetMethod.Name: "GetRouteValue" } when FrameworkApi.Declares(((IInvocationOperation)operation).TargetMethod):
                return Describe(operation);
            case IInvocationOperation { TargetMethod.Name: "ToString" or "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault" } call
                when QueryChainSource(call) is { } source:
                return RequestRead(source);
            default:
                return null;
        }
    }

    private static IOperation? QueryChainSource(IInvocationOperation call)
    {
        var source = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
        while (source is IConversionOperation conversion)
        {
            source = conversion.Operand;
        }

        return source;
    }

    private bool IsRequestCollection(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        var symbols = _aspNet.Value;
        foreach (var collection in symbols.RequestCollections)
        {
            if (SymbolEqualityComparer.Default.Equals(type, collection) || type.AllInterfaces.Contains(collection, SymbolEqualityComparer.Default))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(IOperation operation)
    {
        var text = operation.Syntax.ToString();
        return text.Length <= 80 ? text : text.Substring(0, 77) + "...";
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

        if (IsPageHandler(method, type))
        {
            return true;
        }

        if (_model.Frameworks.Abp?.IsApplicationService(type) == true)
        {
            return !method.IsStatic;
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

    /// <summary>A Razor Pages handler: <c>OnGet</c>, <c>OnPostAsync</c>, <c>OnPostDelete</c>... of a <c>PageModel</c>.</summary>
    private bool IsPageHandler(IMethodSymbol method, INamedTypeSymbol type)
    {
        if (method.IsStatic || !method.Name.StartsWith("On", StringComparison.Ordinal) || method.Name.Length < 5 || !char.IsUpper(method.Name[2])
            || HasAttribute(method, _aspNet.Value.NonHandlerAttribute))
        {
            return false;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, _aspNet.Value.PageModel))
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
    /// input; route and query values (primitives, strings, Guids, enums), collections of them, request/DTO objects and
    /// anything marked <c>[FromRoute]</c>/<c>[FromQuery]</c>/<c>[FromBody]</c>/<c>[FromForm]</c>/<c>[FromHeader]</c> are.
    /// </summary>
    private bool IsBoundFromRequest(IParameterSymbol parameter)
    {
        if (HasAttribute(parameter, _aspNet.Value.FromServicesAttribute) || HasAttribute(parameter, _aspNet.Value.FromKeyedServicesAttribute))
        {
            return false;
        }

        foreach (var source in _aspNet.Value.RequestBindingAttributes)
        {
            if (HasAttribute(parameter, source))
            {
                return true;
            }
        }

        return IsBindableType(parameter.Type, depth: 0);
    }

    /// <summary>Values, request models and collections of either (<c>int[] ids</c>, <c>List&lt;Guid&gt;</c> from the query string).</summary>
    private bool IsBindableType(ITypeSymbol type, int depth)
    {
        if (depth < 1 && type is IArrayTypeSymbol array)
        {
            return IsBindableType(array.ElementType, depth + 1);
        }

        if (depth < 1 && type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
            && generic.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
            && _model.Ef.GetSequenceElementType(generic) is { } element)
        {
            return IsBindableType(element, depth + 1);
        }

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

    /// <summary>
    /// The current tenant comes from values of this type: the configured <c>context_type</c> (or a type implementing it),
    /// Finbuckle's <c>IMultiTenantContextAccessor</c>/<c>IMultiTenantContext</c>/<c>ITenantInfo</c>, ABP's <c>ICurrentTenant</c>.
    /// </summary>
    public bool IsContextType(ITypeSymbol type)
    {
        if (NameMatcher.MatchesAny(type, _model.Options.ContextTypes) || _model.Frameworks.IsContextType(type))
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

    /// <summary>
    /// The ASP.NET Core types that define entry points, request data and service parameters, by metadata name in the
    /// assemblies of the shared framework that define them (<see cref="ReferencedTypes"/>).
    /// </summary>
    private sealed class AspNetSymbols
    {
        public AspNetSymbols(Compilation compilation)
        {
            ControllerBase = Mvc(compilation, "ControllerBase");
            ApiControllerAttribute = Mvc(compilation, "ApiControllerAttribute");
            NonActionAttribute = Mvc(compilation, "NonActionAttribute");
            EndpointRouteBuilder = ReferencedTypes.Find(compilation, "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder", "Microsoft.AspNetCore.Routing");
            FromServicesAttribute = Mvc(compilation, "FromServicesAttribute");
            FromKeyedServicesAttribute = ReferencedTypes.Find(
                compilation, "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute", "Microsoft.Extensions.DependencyInjection.Abstractions");
            PageModel = ReferencedTypes.Find(compilation, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel", "Microsoft.AspNetCore.Mvc.RazorPages");
            NonHandlerAttribute = ReferencedTypes.Find(compilation, "Microsoft.AspNetCore.Mvc.RazorPages.NonHandlerAttribute", "Microsoft.AspNetCore.Mvc.RazorPages");
            BindPropertyAttribute = Mvc(compilation, "BindPropertyAttribute");
            BindPropertiesAttribute = Mvc(compilation, "BindPropertiesAttribute");
            RequestBindingAttributes = Collect(compilation, RequestBindingNames);
            RequestCollections = Collect(compilation, RequestCollectionNames);
        }

        private static INamedTypeSymbol? Mvc(Compilation compilation, string name) =>
            ReferencedTypes.Find(compilation, "Microsoft.AspNetCore.Mvc." + name, "Microsoft.AspNetCore.Mvc.Core");

        private static ImmutableArray<INamedTypeSymbol> Collect(Compilation compilation, (string Type, string Assembly)[] names)
        {
            var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var (type, assembly) in names)
            {
                if (ReferencedTypes.Find(compilation, type, assembly) is { } found)
                {
                    builder.Add(found);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>What a request carries besides the bound parameters: headers, query string, form, cookies, route values.</summary>
        private static readonly (string Type, string Assembly)[] RequestCollectionNames =
        [
            ("Microsoft.AspNetCore.Http.IHeaderDictionary", "Microsoft.AspNetCore.Http.Features"),
            ("Microsoft.AspNetCore.Http.IQueryCollection", "Microsoft.AspNetCore.Http.Features"),
            ("Microsoft.AspNetCore.Http.IFormCollection", "Microsoft.AspNetCore.Http.Features"),
            ("Microsoft.AspNetCore.Http.IRequestCookieCollection", "Microsoft.AspNetCore.Http.Features"),
            ("Microsoft.AspNetCore.Routing.RouteValueDictionary", "Microsoft.AspNetCore.Http.Abstractions"),
        ];

        public INamedTypeSymbol? PageModel { get; }

        public INamedTypeSymbol? NonHandlerAttribute { get; }

        public INamedTypeSymbol? BindPropertyAttribute { get; }

        public INamedTypeSymbol? BindPropertiesAttribute { get; }

        public ImmutableArray<INamedTypeSymbol> RequestCollections { get; }

        /// <summary>The attributes that bind a parameter from the request, whatever its type.</summary>
        public ImmutableArray<INamedTypeSymbol> RequestBindingAttributes { get; }

        private static readonly (string Type, string Assembly)[] RequestBindingNames =
        [
            ("Microsoft.AspNetCore.Mvc.FromRouteAttribute", "Microsoft.AspNetCore.Mvc.Core"),
            ("Microsoft.AspNetCore.Mvc.FromQueryAttribute", "Microsoft.AspNetCore.Mvc.Core"),
            ("Microsoft.AspNetCore.Mvc.FromBodyAttribute", "Microsoft.AspNetCore.Mvc.Core"),
            ("Microsoft.AspNetCore.Mvc.FromFormAttribute", "Microsoft.AspNetCore.Mvc.Core"),
            ("Microsoft.AspNetCore.Mvc.FromHeaderAttribute", "Microsoft.AspNetCore.Mvc.Core"),
        ];

        public INamedTypeSymbol? ControllerBase { get; }

        public INamedTypeSymbol? ApiControllerAttribute { get; }

        public INamedTypeSymbol? NonActionAttribute { get; }

        public INamedTypeSymbol? EndpointRouteBuilder { get; }

        public INamedTypeSymbol? FromServicesAttribute { get; }

        public INamedTypeSymbol? FromKeyedServicesAttribute { get; }
    }
}
