using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TenantAnalyzers.Frameworks;

/// <summary>
/// The ABP Framework as the tenant model sees it: entities implementing <c>IMultiTenant</c> (<c>Guid? TenantId</c>) are
/// tenant-owned and filtered by ABP's data filter; <c>IDataFilter.Disable&lt;IMultiTenant&gt;()</c> turns that filter off
/// and <c>ICurrentTenant.Change(null)</c> switches to the host for the block they open; <c>ICurrentTenant.Id</c> is the
/// current tenant; ABP's <c>Entity</c> constructor stamps <c>TenantId</c> from it (ABP 5.0 and later); repositories
/// (<c>IRepository&lt;TEntity, TKey&gt;</c>) load and insert entities. Resolved by metadata name.
/// </summary>
internal sealed class AbpApi
{
    public const string RootNamespace = "Volo";

    private readonly INamedTypeSymbol? _multiTenant;
    private readonly INamedTypeSymbol? _currentTenant;
    private readonly INamedTypeSymbol? _dataFilter;
    private readonly INamedTypeSymbol? _dataFilterOfT;
    private readonly INamedTypeSymbol? _entity;
    private readonly INamedTypeSymbol? _readOnlyBasicRepository;
    private readonly INamedTypeSymbol? _dataSeedContributor;
    private readonly INamedTypeSymbol? _applicationService;

    private AbpApi(ImmutableArray<IAssemblySymbol> assemblies)
    {
        _multiTenant = First(assemblies, "Volo.Abp.MultiTenancy.IMultiTenant");
        _currentTenant = First(assemblies, "Volo.Abp.MultiTenancy.ICurrentTenant");
        _dataFilter = First(assemblies, "Volo.Abp.Data.IDataFilter");
        _dataFilterOfT = First(assemblies, "Volo.Abp.Data.IDataFilter`1");
        _entity = First(assemblies, "Volo.Abp.Domain.Entities.Entity");
        _readOnlyBasicRepository = First(assemblies, "Volo.Abp.Domain.Repositories.IReadOnlyBasicRepository`1");
        _dataSeedContributor = First(assemblies, "Volo.Abp.Data.IDataSeedContributor");
        _applicationService = First(assemblies, "Volo.Abp.Application.Services.ApplicationService");
    }

    /// <summary>The framework as this compilation sees it; null when it is neither referenced nor declared.</summary>
    public static AbpApi? Resolve(Compilation compilation)
    {
        var assemblies = FrameworkAssemblies.Find(compilation, "Volo.Abp", RootNamespace);
        return assemblies.IsEmpty ? null : new AbpApi(assemblies);
    }

    /// <summary>Implements <c>IMultiTenant</c>: tenant-owned, and filtered by ABP's multi-tenant data filter.</summary>
    public bool IsMultiTenant(ITypeSymbol? type) => Implements(type, _multiTenant);

    /// <summary><c>ICurrentTenant</c>: its <c>Id</c> is the current tenant.</summary>
    public bool IsContextType(ITypeSymbol type) => Implements(type, _currentTenant);

    /// <summary>
    /// An <c>IMultiTenant</c> entity derived from ABP's <c>Entity</c>: the base constructor sets <c>TenantId</c> from the
    /// current tenant (<c>EntityHelper.TrySetTenantId</c>), so every <c>new</c> of it carries the context's key.
    /// </summary>
    public bool StampsTenantOnConstruction(ITypeSymbol type) => IsMultiTenant(type) && DerivesFrom(type, _entity);

    /// <summary>A data seed contributor: seeding code that runs before any tenant's request.</summary>
    public bool IsSeedContributor(ITypeSymbol type) => Implements(type, _dataSeedContributor);

    /// <summary>An ABP application service: ABP's auto API controllers bind its public methods' parameters from the request.</summary>
    public bool IsApplicationService(ITypeSymbol type) => DerivesFrom(type, _applicationService);

    /// <summary>The entity of an ABP repository type (<c>IRepository&lt;Order, Guid&gt;</c>, <c>IOrderRepository</c>); null for other types.</summary>
    public ITypeSymbol? RepositoryEntity(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || _readOnlyBasicRepository is null)
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _readOnlyBasicRepository))
        {
            return named.TypeArguments[0];
        }

        foreach (var implemented in named.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, _readOnlyBasicRepository))
            {
                return implemented.TypeArguments[0];
            }
        }

        return null;
    }

    /// <summary>
    /// <c>dataFilter.Disable&lt;IMultiTenant&gt;()</c> or <c>multiTenantFilter.Disable()</c> on an <c>IDataFilter&lt;IMultiTenant&gt;</c>:
    /// tenant-owned queries see every tenant until the returned scope is disposed.
    /// </summary>
    public bool DisablesTenantFilter(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (method.Name != "Disable" || _multiTenant is null)
        {
            return false;
        }

        if (method.TypeArguments.Length == 1)
        {
            return SymbolEqualityComparer.Default.Equals(method.TypeArguments[0], _multiTenant) && Implements(method.ContainingType, _dataFilter);
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (IsTenantDataFilter(type))
            {
                return true;
            }
        }

        foreach (var implemented in method.ContainingType.AllInterfaces)
        {
            if (IsTenantDataFilter(implemented))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>CurrentTenant.Change(null)</c>: the code in its scope runs as the host, outside every tenant.</summary>
    public bool SwitchesToHost(IInvocationOperation call) =>
        call.TargetMethod.Name == "Change"
        && Implements(call.TargetMethod.ContainingType, _currentTenant)
        && call.Arguments.Length > 0
        && Unwrap(call.Arguments[0].Value) is { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation;

    private bool IsTenantDataFilter(INamedTypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _dataFilterOfT)
        && SymbolEqualityComparer.Default.Equals(type.TypeArguments[0], _multiTenant);

    private static bool Implements(ITypeSymbol? type, INamedTypeSymbol? contract)
    {
        if (type is null || contract is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, contract))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, contract))
            {
                return true;
            }
        }

        return DerivesFrom(type, contract);
    }

    private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (var current = type.BaseType; current is not null && baseType is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static INamedTypeSymbol? First(ImmutableArray<IAssemblySymbol> assemblies, string metadataName)
    {
        var types = FrameworkAssemblies.Types(assemblies, metadataName);
        return types.IsEmpty ? null : types[0];
    }
}
