using System;
using Microsoft.CodeAnalysis;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.Flow;

/// <summary>
/// Code that never serves a tenant's request, where picking "the first company" or loading a row by id is how the
/// job is done: database seeders (demo data is attached to the first company). TI0002 and TI0003 stay quiet there;
/// TI0001 does not, a bypass in a seeder is still worth a look. (Test projects are skipped by every rule:
/// <see cref="TenantModel.ShouldAnalyze"/>.)
/// </summary>
internal static class NonRequestCode
{
    /// <summary>
    /// True inside seeding code: a type whose name contains <c>Seeder</c> or <c>SeedData</c> (<c>DbSeeder</c>,
    /// <c>DemoSeedData</c>), or a method named <c>Seed</c>, <c>SeedAsync</c>, <c>SeedCompanies</c>...
    /// </summary>
    public static bool IsSeedCode(ISymbol? symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            var name = current.Name;
            if (current is INamedTypeSymbol
                && (name.IndexOf("Seeder", StringComparison.Ordinal) >= 0 || name.IndexOf("SeedData", StringComparison.Ordinal) >= 0))
            {
                return true;
            }

            if (current is IMethodSymbol { MethodKind: MethodKind.Ordinary }
                && name.StartsWith("Seed", StringComparison.Ordinal)
                && (name.Length == 4 || char.IsUpper(name[4])))
            {
                return true;
            }
        }

        return false;
    }
}
