namespace BookingApp.Data.Assistant;

/// <summary>
/// A group of functions the phone/chat assistant may call, e.g. <c>customers</c> with
/// <c>find_by_phone</c>. Each function is a public method marked <see cref="AssistantFunctionAttribute"/>
/// whose parameters are bound from the assistant's JSON arguments, so every parameter is request input.
/// TenantAnalyzers treats implementations as request entry points (<c>tenant_isolation.entry_points</c>).
/// </summary>
public interface IAssistantTool
{
    /// <summary>The tool name the assistant uses, e.g. <c>customers</c>.</summary>
    string Name { get; }
}
