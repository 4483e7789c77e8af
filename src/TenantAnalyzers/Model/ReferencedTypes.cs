using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.Model;

/// <summary>
/// Framework types looked up in the referenced assemblies that define them. <see cref="Compilation.GetTypeByMetadataName"/>
/// searches the source and every reference (to report ambiguities): on a fresh compilation of an ASP.NET Core
/// application, with some 300 references, one such lookup costs milliseconds, and the IDE builds a compilation per
/// request. Looking in the one assembly that defines the type costs a fraction of that.
/// </summary>
internal static class ReferencedTypes
{
    /// <summary>
    /// The type from the first of <paramref name="assemblyNames"/> that is referenced and defines it; null when none is
    /// (the application does not use that framework).
    /// </summary>
    public static INamedTypeSymbol? Find(Compilation compilation, string metadataName, params string[] assemblyNames)
    {
        foreach (var assemblyName in assemblyNames)
        {
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.Identity.Name == assemblyName && assembly.GetTypeByMetadataName(metadataName) is { } type)
                {
                    return type;
                }
            }
        }

        return null;
    }
}
