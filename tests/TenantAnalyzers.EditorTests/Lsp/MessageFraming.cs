using System.Text;
using System.Text.Json.Nodes;

namespace TenantAnalyzers.EditorTests.Lsp;

/// <summary>LSP's base protocol: each JSON-RPC message is a UTF-8 body after a <c>Content-Length</c> header.</summary>
internal static class MessageFraming
{
    private const string LengthHeader = "Content-Length";

    public static byte[] Frame(JsonNode message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        byte[] header = Encoding.ASCII.GetBytes($"{LengthHeader}: {body.Length}\r\n\r\n");
        return [.. header, .. body];
    }

    /// <summary>The next message, or null when the stream ends between messages.</summary>
    public static async Task<JsonNode?> ReadAsync(Stream input, CancellationToken cancellation)
    {
        int? length = null;
        while (true)
        {
            string? line = await ReadHeaderLineAsync(input, atMessageStart: length is null, cancellation);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            int colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals(LengthHeader, StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line[(colon + 1)..].Trim());
            }
        }

        if (length is null)
        {
            throw new InvalidDataException("a message without a Content-Length header");
        }

        byte[] body = new byte[length.Value];
        await input.ReadExactlyAsync(body, cancellation);
        return JsonNode.Parse(body) ?? throw new InvalidDataException("a message with a null body");
    }

    private static async Task<string?> ReadHeaderLineAsync(Stream input, bool atMessageStart, CancellationToken cancellation)
    {
        var line = new List<byte>();
        byte[] one = new byte[1];
        while (true)
        {
            if (await input.ReadAsync(one, cancellation) == 0)
            {
                return atMessageStart && line.Count == 0 ? null : throw new EndOfStreamException("the stream ended inside a message header");
            }

            if (one[0] == (byte)'\n' && line.Count > 0 && line[^1] == (byte)'\r')
            {
                return Encoding.ASCII.GetString(line.ToArray(), 0, line.Count - 1);
            }

            line.Add(one[0]);
        }
    }
}
