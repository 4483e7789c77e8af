using Microsoft.CodeAnalysis.Testing;

namespace TenantAnalyzers.Tests.Infrastructure;

/// <summary>
/// Reference sets the tests compile against. The testing library restores them into the NuGet cache on first use.
/// </summary>
public static class TestReferences
{
    private static readonly ReferenceAssemblies Net10 = new(
        "net10.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"), Path.Combine("ref", "net10.0"));

    private static readonly ReferenceAssemblies Net8 = new(
        "net8.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.33"), Path.Combine("ref", "net8.0"));

    /// <summary>.NET 10 with EF Core 10 (keyed IgnoreQueryFilters, named filters).</summary>
    public static ReferenceAssemblies EfCore10 { get; } =
        Net10.AddPackages([new PackageIdentity("Microsoft.EntityFrameworkCore", "10.0.15")]);

    /// <summary>.NET 10 with EF Core 10 and ASP.NET Core (controllers, minimal APIs): the entry points of TI0005.</summary>
    public static ReferenceAssemblies AspNetCore10 { get; } =
        EfCore10.AddPackages([new PackageIdentity("Microsoft.AspNetCore.App.Ref", "10.0.12")]);

    /// <summary>.NET 8 with EF Core 8: the oldest LTS the package is tested on.</summary>
    public static ReferenceAssemblies EfCore8 { get; } =
        Net8.AddPackages([new PackageIdentity("Microsoft.EntityFrameworkCore", "8.0.34")]);

    /// <summary>.NET 10 without EF Core: an application with no data layer.</summary>
    public static ReferenceAssemblies NoEntityFramework { get; } = Net10;
}
