namespace BookingApp.Data.Assistant;

/// <summary>How an assistant function ended; the HTTP layer maps it to a status code.</summary>
public enum ToolOutcome
{
    Ok,
    InvalidArguments,
    NotFound,
    Forbidden,
}

/// <summary>The outcome of an assistant function and, when it succeeded, the value to return.</summary>
public sealed record ToolResult(ToolOutcome Outcome, object? Value, string? Error)
{
    public static ToolResult Ok(object? value) => new(ToolOutcome.Ok, value, null);

    public static ToolResult InvalidArguments(string error) => new(ToolOutcome.InvalidArguments, null, error);

    public static ToolResult NotFound(string what) => new(ToolOutcome.NotFound, null, what + " not found");

    public static ToolResult Forbidden(string reason) => new(ToolOutcome.Forbidden, null, reason);
}
