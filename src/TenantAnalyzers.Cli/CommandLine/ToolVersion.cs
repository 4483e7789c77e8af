using System.Reflection;

namespace TenantAnalyzers.Cli.CommandLine;

internal static class ToolVersion
{
    /// <summary>The informational version without the source revision suffix.</summary>
    public static string Current { get; } =
        (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
