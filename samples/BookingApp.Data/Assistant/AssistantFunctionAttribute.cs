using System;

namespace BookingApp.Data.Assistant;

/// <summary>Exposes a public method of an <see cref="IAssistantTool"/> to the assistant under a function name.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AssistantFunctionAttribute : Attribute
{
    public AssistantFunctionAttribute(string name)
    {
        Name = name;
    }

    public string Name { get; }
}
