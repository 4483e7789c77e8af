using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace TenantAnalyzers.Tests.Infrastructure;

/// <summary>
/// Reference sets the tests compile against. The testing library downloads their packages into a shared folder
/// (<c>test-packages</c> in the temp folder) on first use.
/// </summary>
/// <remarks>
/// The first resolution of a set in a process that has to download its packages can come back incomplete: version 1.1.4
/// of the testing library judges a freshly downloaded package by its archive and remembers, for the whole process, the
/// packages it took for empty (Microsoft.AspNetCore.App.Ref among them), while a later process reads the extracted
/// folders and gets every assembly. Tests then failed with CS0234 'AspNetCore' / CS0246 ControllerBase on the first run
/// on a clean machine and passed on a rerun. So the packages are downloaded by a child process
/// (<see cref="WarmUpProgram"/>: this test assembly run with <c>resolve-references</c>) before this process resolves
/// any set, and each set is checked for the assemblies it exists for.
/// </remarks>
public static class TestReferences
{
    private static readonly ReferenceAssemblies Net10 = new(
        "net10.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"), Path.Combine("ref", "net10.0"));

    private static readonly ReferenceAssemblies Net8 = new(
        "net8.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.33"), Path.Combine("ref", "net8.0"));

    static TestReferences()
    {
        EfCore10 = Net10.AddPackages([new PackageIdentity("Microsoft.EntityFrameworkCore", "10.0.15")]);
        AspNetCore10 = EfCore10.AddPackages([new PackageIdentity("Microsoft.AspNetCore.App.Ref", "10.0.12")]);
        AspNetCore10WithSqlite = AspNetCore10.AddPackages([new PackageIdentity("Microsoft.EntityFrameworkCore.Sqlite", "10.0.15")]);
        EfCore10WithXunit = EfCore10.AddPackages([new PackageIdentity("xunit.extensibility.core", "2.9.3")]);
        EfCore8 = Net8.AddPackages([new PackageIdentity("Microsoft.EntityFrameworkCore", "8.0.34")]);
        NoEntityFramework = Net10;

        if (!WarmUpProgram.IsWarmUpProcess)
        {
            // Two test assemblies share the packages folder (the rule tests and the stress tests run in parallel under
            // dotnet test): one downloads and checks at a time, so that neither reads the other's half-extracted package.
            using var packagesFolder = new Mutex(initiallyOwned: false, "TenantAnalyzers.TestReferences");
            try
            {
                packagesFolder.WaitOne();
            }
            catch (AbandonedMutexException)
            {
                // A test process died holding it: ours now, and the check below tells whether the packages are whole.
            }

            try
            {
                WarmUpProgram.RunInChildProcess();
                Require(EfCore10, "Microsoft.EntityFrameworkCore.dll");
                Require(AspNetCore10, "Microsoft.AspNetCore.Mvc.Core.dll");
                Require(AspNetCore10WithSqlite, "Microsoft.EntityFrameworkCore.Sqlite.dll");
                Require(EfCore10WithXunit, "xunit.core.dll");
                Require(EfCore8, "Microsoft.EntityFrameworkCore.dll");
            }
            finally
            {
                packagesFolder.ReleaseMutex();
            }
        }
    }

    /// <summary>.NET 10 with EF Core 10 (keyed IgnoreQueryFilters, named filters).</summary>
    public static ReferenceAssemblies EfCore10 { get; }

    /// <summary>.NET 10 with EF Core 10 and ASP.NET Core (controllers, minimal APIs): the entry points of TI0005.</summary>
    public static ReferenceAssemblies AspNetCore10 { get; }

    /// <summary>ASP.NET Core and EF Core 10 with SQLite: what the booking samples compile against.</summary>
    public static ReferenceAssemblies AspNetCore10WithSqlite { get; }

    /// <summary>EF Core 10 in a test project (xunit referenced): the rules skip test projects.</summary>
    public static ReferenceAssemblies EfCore10WithXunit { get; }

    /// <summary>.NET 8 with EF Core 8: the oldest LTS the package is tested on.</summary>
    public static ReferenceAssemblies EfCore8 { get; }

    /// <summary>.NET 10 without EF Core: an application with no data layer.</summary>
    public static ReferenceAssemblies NoEntityFramework { get; }

    /// <summary>Every set, in the order the warm-up resolves them.</summary>
    internal static IEnumerable<ReferenceAssemblies> All => [Net10, EfCore10, AspNetCore10, AspNetCore10WithSqlite, EfCore10WithXunit, Net8, EfCore8];

    private static void Require(ReferenceAssemblies set, string assemblyFileName)
    {
        // Off the test's synchronization context: xunit runs async tests on a context with few threads.
        var references = Task.Run(() => set.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).GetAwaiter().GetResult();
        if (!references.Any(r => string.Equals(Path.GetFileName(r.Display), assemblyFileName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException(
                $"The reference set {set.TargetFramework} + {string.Join(", ", set.Packages.Select(p => p.Id))} resolved without {assemblyFileName}: " +
                "delete the test-packages folder in the temp folder and run again.");
        }
    }
}
