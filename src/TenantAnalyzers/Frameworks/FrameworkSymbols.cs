using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Frameworks;

/// <summary>
/// The multi-tenancy frameworks and platform APIs the tenant model knows by their symbols: Finbuckle.MultiTenant, ABP,
/// and ASP.NET Core Identity's <c>UserManager</c>. Each is resolved on first use, once per compilation, and is null when
/// the compilation neither references nor declares it.
/// </summary>
internal sealed class FrameworkSymbols
{
    private readonly Lazy<FinbuckleApi?> _finbuckle;
    private readonly Lazy<AbpApi?> _abp;
    private readonly Lazy<INamedTypeSymbol?> _userManager;

    public FrameworkSymbols(Compilation compilation)
    {
        _finbuckle = new(() => FinbuckleApi.Resolve(compilation), LazyThreadSafetyMode.PublicationOnly);
        _abp = new(() => AbpApi.Resolve(compilation), LazyThreadSafetyMode.PublicationOnly);
        _userManager = new(() => ResolveUserManager(compilation), LazyThreadSafetyMode.PublicationOnly);
    }

    public FinbuckleApi? Finbuckle => _finbuckle.Value;

    public AbpApi? Abp => _abp.Value;

    /// <summary>ASP.NET Core Identity's <c>UserManager&lt;TUser&gt;</c>: <c>CreateAsync(user, ...)</c> saves a new user.</summary>
    public INamedTypeSymbol? UserManager => _userManager.Value;

    /// <summary>True for a method of a framework whose model configuration the tenant model reads itself (it declares no hidden filters).</summary>
    public static bool IsKnownTenancyFramework(IMethodSymbol method) =>
        FinbuckleApi.Declares(method) || FrameworkAssemblies.IsDeclaredUnder(method, AbpApi.RootNamespace);

    /// <summary>A type the current tenant is read from: Finbuckle's accessor, context and tenant info; ABP's <c>ICurrentTenant</c>.</summary>
    public bool IsContextType(ITypeSymbol type) =>
        (Finbuckle?.IsContextType(type) ?? false) || (Abp?.IsContextType(type) ?? false);

    private static INamedTypeSymbol? ResolveUserManager(Compilation compilation)
    {
        const string MetadataName = "Microsoft.AspNetCore.Identity.UserManager`1";
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Identity.Name == "Microsoft.Extensions.Identity.Core")
            {
                return assembly.GetTypeByMetadataName(MetadataName);
            }
        }

        return null;
    }
}
