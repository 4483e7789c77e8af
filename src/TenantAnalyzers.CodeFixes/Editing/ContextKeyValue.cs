using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>Whether the company context's tenant key can stand where a fix puts it: an implicit conversion to the target type.</summary>
internal static class ContextKeyValue
{
    /// <summary>True when the context member converts implicitly to <paramref name="target"/> (<c>int</c> to <c>int</c> or <c>int?</c>, not to <c>Guid</c>).</summary>
    public static bool Fits(Compilation compilation, INamedTypeSymbol contextType, string contextMember, ITypeSymbol? target) =>
        target is not null
        && MemberType(contextType, contextMember) is { } source
        && compilation.ClassifyCommonConversion(source, target).IsImplicit;

    private static ITypeSymbol? MemberType(INamedTypeSymbol contextType, string name)
    {
        var types = new List<INamedTypeSymbol> { contextType };
        types.AddRange(contextType.AllInterfaces);
        foreach (var type in types)
        {
            foreach (var member in type.GetMembers(name))
            {
                switch (member)
                {
                    case IPropertySymbol property:
                        return property.Type;
                    case IFieldSymbol field:
                        return field.Type;
                }
            }
        }

        return null;
    }
}
