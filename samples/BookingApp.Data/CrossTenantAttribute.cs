using System;

namespace BookingApp.Data;

/// <summary>
/// Marks code that deliberately reads or writes across companies. The justification is what an
/// auditor reads, so it must say why the bypass is safe, not just that it exists.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Property, Inherited = false)]
public sealed class CrossTenantAttribute : Attribute
{
    public CrossTenantAttribute(string justification)
    {
        Justification = justification;
    }

    public string Justification { get; }
}
