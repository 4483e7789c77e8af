using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantAnalyzers.Model;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>How a fix gets the company context where code does not have it yet.</summary>
internal enum ContextInjectionKind
{
    /// <summary>The context is reachable already: a parameter, a field or property, a primary constructor parameter.</summary>
    None,

    /// <summary>A readonly field set by a new parameter of every instance constructor (one created when there is none).</summary>
    Constructor,

    /// <summary>A new parameter of the type's primary constructor.</summary>
    PrimaryConstructor,

    /// <summary>A new parameter of a minimal-API handler (lambda or static method group), which ASP.NET Core fills from DI.</summary>
    HandlerParameter,
}

/// <summary>
/// How code at one position reaches the company context: a parameter of the enclosing method or lambda, a field or
/// property of the enclosing type, a primary constructor parameter, or — when there is none — a context injected through
/// the constructor, or handed to a minimal-API handler as a parameter. Every fix that needs "the current tenant key" asks
/// this class; for one type or handler it always plans the same names, so that Fix All injects the context once.
/// </summary>
internal sealed class CompanyContextAccess
{
    private const string BaseParameterName = "companyContext";

    private CompanyContextAccess(INamedTypeSymbol contextType, ISymbol member, string accessName, ContextInjectionKind injection, SyntaxNode? injectInto, string parameterName, bool assignThroughThis, TypeReference contextTypeReference = default)
    {
        ContextType = contextType;
        ContextTypeReference = contextTypeReference;
        Member = member;
        AccessName = accessName;
        Injection = injection;
        InjectInto = injectInto;
        ParameterName = parameterName;
        AssignThroughThis = assignThroughThis;
    }

    public INamedTypeSymbol ContextType { get; }

    /// <summary>How the injected field or parameter names the context type (and the using it needs).</summary>
    public TypeReference ContextTypeReference { get; }

    /// <summary>The member of the context that yields the tenant key (<c>CompanyId</c>).</summary>
    public ISymbol Member { get; }

    public string ContextMember => Member.Name;

    /// <summary>The type of <see cref="Member"/>: <c>int</c>, or <c>int?</c> when the context may have no company.</summary>
    public ITypeSymbol MemberType => Member is IPropertySymbol property ? property.Type : ((IFieldSymbol)Member).Type;

    /// <summary>The name code uses to reach the context (<c>_companyContext</c>, <c>companyContext</c>).</summary>
    public string AccessName { get; }

    public ContextInjectionKind Injection { get; }

    /// <summary>The type, handler lambda or handler method that must receive the context; null when it is reachable already.</summary>
    public SyntaxNode? InjectInto { get; }

    /// <summary>The name of the parameter an injection adds.</summary>
    public string ParameterName { get; }

    /// <summary>The type names its fields without an underscore: the constructor assigns <c>this.companyContext = companyContext</c>.</summary>
    public bool AssignThroughThis { get; }

    /// <summary><c>_companyContext.CompanyId</c>.</summary>
    public ExpressionSyntax TenantKeyExpression() =>
        MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(AccessName), IdentifierName(ContextMember));

    /// <summary>
    /// The context at <paramref name="position"/>, or how to inject it; null when the project has no context type, the
    /// position cannot reach instance state or parameters (initializers, static code that is no handler), the code runs
    /// before a company is known (<see cref="NoCompanyCode"/>), or the type cannot take a constructor parameter without
    /// breaking code that constructs it.
    /// </summary>
    public static async Task<CompanyContextAccess?> ResolveAsync(DocumentEdit edit, SyntaxNode position, string? preferredKeyName, CancellationToken cancellationToken)
    {
        var semanticModel = edit.SemanticModel;
        var contextType = FindContextType(semanticModel.Compilation, edit.Model);
        var member = contextType is null ? null : FindContextMember(contextType, edit.Model, preferredKeyName);
        if (contextType is null || member is null || IsInInitializer(position) || NoCompanyCode.Contains(position, semanticModel, cancellationToken))
        {
            return null;
        }

        var enclosing = EnclosingFunctions.Walk(position, contextType, semanticModel, cancellationToken);
        if (enclosing.ContextParameter is { } parameterName)
        {
            return Reachable(contextType, member, parameterName);
        }

        if (enclosing.Handler is { } handler)
        {
            // A minimal-API handler gets its services as parameters: a field of the declaring type would be the one of
            // the type that maps the routes, not the request's.
            return PlanHandlerParameter(contextType, member, handler, handler.ParameterList, semanticModel);
        }

        var enclosingMember = EnclosingMember(position);
        if (enclosing.CapturesOuterScope && enclosingMember is BaseMethodDeclarationSyntax method
            && ContextParameter(method.ParameterList, contextType, semanticModel, cancellationToken) is { } methodParameter)
        {
            return Reachable(contextType, member, methodParameter);
        }

        var typeDeclaration = position.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (typeDeclaration is null || enclosingMember is null
            || semanticModel.GetDeclaredSymbol(typeDeclaration, cancellationToken) is not { } type
            || semanticModel.GetDeclaredSymbol(enclosingMember, cancellationToken) is not { } memberSymbol)
        {
            return null;
        }

        var isStaticCode = !enclosing.CapturesOuterScope || memberSymbol.IsStatic || type.IsStatic;
        if (FindMember(type, contextType, staticOnly: isStaticCode) is { } existing)
        {
            return Reachable(contextType, member, existing);
        }

        if (!isStaticCode && typeDeclaration.ParameterList is { } primaryConstructor
            && ContextParameter(primaryConstructor, contextType, semanticModel, cancellationToken) is { } primaryParameter)
        {
            return Reachable(contextType, member, primaryParameter);
        }

        if (memberSymbol is IMethodSymbol { IsStatic: true } staticMethod && enclosingMember is MethodDeclarationSyntax staticDeclaration && enclosing.CapturesOuterScope
            && await MinimalApiHandler.IsOnlyUsedAsHandlerAsync(staticMethod, edit.Document.Project.Solution, semanticModel.Compilation, cancellationToken).ConfigureAwait(false))
        {
            return PlanHandlerParameter(contextType, member, staticDeclaration, staticDeclaration.ParameterList, semanticModel);
        }

        if (isStaticCode || typeDeclaration is InterfaceDeclarationSyntax || (typeDeclaration is RecordDeclarationSyntax && typeDeclaration.ParameterList is not null)
            || !await edit.CanAddConstructorParameterAsync(type, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return PlanConstructorInjection(contextType, member, type, typeDeclaration, TypeReference.At(semanticModel, position.SpanStart, contextType));
    }

    /// <summary>The name of the first parameter in <paramref name="parameters"/> that holds the context; null when none does.</summary>
    internal static string? ContextParameter(BaseParameterListSyntax parameters, INamedTypeSymbol contextType, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var parameter in parameters.Parameters)
        {
            if (semanticModel.GetDeclaredSymbol(parameter, cancellationToken) is { } symbol && IsContext(symbol.Type, contextType))
            {
                return symbol.Name;
            }
        }

        return null;
    }

    internal static bool IsContext(ITypeSymbol type, INamedTypeSymbol contextType) =>
        SymbolEqualityComparer.Default.Equals(type, contextType) || type.AllInterfaces.Contains(contextType, SymbolEqualityComparer.Default);

    internal static INamedTypeSymbol? FindContextType(Compilation compilation, TenantModel model)
    {
        foreach (var name in model.Options.ContextTypes)
        {
            if (TypeByName.Find(compilation, name) is { } type)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The context's member that yields the tenant key: the configured one, else the one named like the key.</summary>
    internal static ISymbol? FindContextMember(INamedTypeSymbol contextType, TenantModel model, string? preferredKeyName)
    {
        var candidates = new List<string>();
        if (model.Options.ContextMember is { } configured)
        {
            candidates.Add(configured);
        }
        else
        {
            if (preferredKeyName is not null)
            {
                candidates.Add(preferredKeyName);
            }

            candidates.AddRange(model.Options.TenantKeys);
        }

        var types = new List<INamedTypeSymbol> { contextType };
        types.AddRange(contextType.AllInterfaces);
        foreach (var candidate in candidates)
        {
            foreach (var type in types)
            {
                if (type.GetMembers(candidate).FirstOrDefault(m => m is IPropertySymbol or IFieldSymbol && !m.IsStatic) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>A new primary constructor parameter, or a constructor parameter and a field named like the type's other fields.</summary>
    private static CompanyContextAccess PlanConstructorInjection(INamedTypeSymbol contextType, ISymbol member, INamedTypeSymbol type, TypeDeclarationSyntax declaration, TypeReference contextTypeReference)
    {
        var parameterName = UnusedParameterName(type, declaration);
        if (declaration.ParameterList is not null)
        {
            return new CompanyContextAccess(contextType, member, parameterName, ContextInjectionKind.PrimaryConstructor, declaration, parameterName, assignThroughThis: false, contextTypeReference);
        }

        var underscore = UsesUnderscoreFields(type);
        var fieldName = UnusedMemberName(type, underscore ? "_" + BaseParameterName : BaseParameterName);
        return new CompanyContextAccess(contextType, member, fieldName, ContextInjectionKind.Constructor, declaration, parameterName,
            assignThroughThis: !underscore && fieldName == parameterName, contextTypeReference);
    }

    private static CompanyContextAccess Reachable(INamedTypeSymbol contextType, ISymbol member, string name) =>
        new(contextType, member, name, ContextInjectionKind.None, null, name, assignThroughThis: false);

    /// <summary>A new <c>ICompanyContext companyContext</c> parameter of a handler; null when its parameters are implicitly typed (a typed one cannot join them).</summary>
    private static CompanyContextAccess? PlanHandlerParameter(INamedTypeSymbol contextType, ISymbol member, SyntaxNode handler, ParameterListSyntax parameters, SemanticModel semanticModel)
    {
        if (parameters.Parameters.Any(p => p.Type is null))
        {
            return null;
        }

        var body = handler switch
        {
            AnonymousFunctionExpressionSyntax lambda => (SyntaxNode)lambda.Body,
            MethodDeclarationSyntax { Body: { } block } => block,
            MethodDeclarationSyntax { ExpressionBody: { } arrow } => arrow,
            _ => null,
        };
        if (body is null)
        {
            return null;
        }

        var name = BaseParameterName;
        for (var i = 2; !semanticModel.LookupSymbols(body.SpanStart, name: name).IsEmpty; i++)
        {
            name = BaseParameterName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new CompanyContextAccess(contextType, member, name, ContextInjectionKind.HandlerParameter, handler, name, assignThroughThis: false,
            TypeReference.At(semanticModel, body.SpanStart, contextType));
    }

    /// <summary>Field and property initializers, constructor initializers, attribute arguments and default values see no instance state nor parameters.</summary>
    private static bool IsInInitializer(SyntaxNode position)
    {
        foreach (var node in position.AncestorsAndSelf())
        {
            switch (node)
            {
                case ConstructorInitializerSyntax or AttributeArgumentSyntax:
                    return true;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax or EventFieldDeclarationSyntax } }:
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax or ParameterSyntax or EnumMemberDeclarationSyntax }:
                    return true;
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The member whose code holds <paramref name="position"/>: a method, constructor, accessor's property, operator.</summary>
    private static MemberDeclarationSyntax? EnclosingMember(SyntaxNode position) =>
        position.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault(m =>
            m is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax);

    private static string? FindMember(INamedTypeSymbol type, INamedTypeSymbol contextType, bool staticOnly)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                var memberType = member switch
                {
                    IFieldSymbol { IsImplicitlyDeclared: false } field => field.Type,
                    IPropertySymbol property => property.Type,
                    _ => null,
                };

                if (memberType is not null && IsContext(memberType, contextType) && (!staticOnly || member.IsStatic)
                    && (SymbolEqualityComparer.Default.Equals(current, type) || member.DeclaredAccessibility != Accessibility.Private))
                {
                    return member.Name;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// True when the type's own instance fields start with an underscore, or it has none (the .NET convention); false
    /// when it names them <c>db</c>, <c>clock</c>: the new field follows the type.
    /// </summary>
    private static bool UsesUnderscoreFields(INamedTypeSymbol type)
    {
        var fields = type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst && !f.IsImplicitlyDeclared).ToList();
        return fields.Count == 0 || fields.Any(f => f.Name.StartsWith("_", System.StringComparison.Ordinal));
    }

    /// <summary><c>companyContext</c>, numbered when a member of the type or a parameter of one of its constructors has that name.</summary>
    private static string UnusedParameterName(INamedTypeSymbol type, TypeDeclarationSyntax declaration)
    {
        var taken = new HashSet<string>(type.GetMembers().Select(m => m.Name));
        foreach (var constructor in type.InstanceConstructors)
        {
            taken.UnionWith(constructor.Parameters.Select(p => p.Name));
        }

        if (declaration.ParameterList is { } primary)
        {
            taken.UnionWith(primary.Parameters.Select(p => p.Identifier.ValueText));
        }

        var name = BaseParameterName;
        for (var i = 2; taken.Contains(name); i++)
        {
            name = BaseParameterName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    private static string UnusedMemberName(INamedTypeSymbol type, string baseName)
    {
        var name = baseName;
        for (var i = 2; type.GetMembers(name).Length > 0; i++)
        {
            name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
