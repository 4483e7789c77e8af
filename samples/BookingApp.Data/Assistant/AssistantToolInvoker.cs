using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace BookingApp.Data.Assistant;

/// <summary>
/// Dispatches an assistant call (<c>tool</c>, <c>function</c>, JSON arguments) to the matching
/// <see cref="AssistantFunctionAttribute"/> method. Arguments bind by parameter name; an argument that
/// no parameter takes is rejected rather than ignored, so nobody can smuggle in e.g. a <c>companyId</c>.
/// </summary>
public sealed class AssistantToolInvoker
{
    private readonly IReadOnlyDictionary<string, IAssistantTool> _tools;

    public AssistantToolInvoker(IEnumerable<IAssistantTool> tools)
    {
        _tools = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public async Task<ToolResult> InvokeAsync(string toolName, string functionName, JsonElement arguments, CancellationToken cancellationToken)
    {
        if (!_tools.TryGetValue(toolName, out IAssistantTool? tool))
        {
            return ToolResult.NotFound($"tool '{toolName}'");
        }

        MethodInfo? function = tool.GetType()
            .GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(m => m.GetCustomAttribute<AssistantFunctionAttribute>()?.Name == functionName);
        if (function is null || function.ReturnType != typeof(Task<ToolResult>))
        {
            return ToolResult.NotFound($"function '{toolName}.{functionName}'");
        }

        if (arguments.ValueKind != JsonValueKind.Object)
        {
            return ToolResult.InvalidArguments("arguments must be a JSON object");
        }

        ParameterInfo[] parameters = function.GetParameters();
        string? unexpected = arguments.EnumerateObject()
            .Select(p => p.Name)
            .FirstOrDefault(name => !parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)));
        if (unexpected is not null)
        {
            return ToolResult.InvalidArguments($"unexpected argument '{unexpected}'");
        }

        var values = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            ParameterInfo parameter = parameters[i];
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                values[i] = cancellationToken;
            }
            else if (TryGetArgument(arguments, parameter.Name!, out JsonElement value))
            {
                try
                {
                    values[i] = value.Deserialize(parameter.ParameterType, JsonSerializerOptions.Web);
                }
                catch (JsonException)
                {
                    return ToolResult.InvalidArguments($"argument '{parameter.Name}' is not a {parameter.ParameterType.Name}");
                }
            }
            else if (parameter.HasDefaultValue)
            {
                values[i] = parameter.DefaultValue;
            }
            else
            {
                return ToolResult.InvalidArguments($"missing argument '{parameter.Name}'");
            }
        }

        var pending = (Task<ToolResult>)function.Invoke(tool, BindingFlags.DoNotWrapExceptions, binder: null, values, culture: null)!;
        return await pending.ConfigureAwait(false);
    }

    private static bool TryGetArgument(JsonElement arguments, string name, out JsonElement value)
    {
        foreach (JsonProperty property in arguments.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
