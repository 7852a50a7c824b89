using System.Text.Json;

namespace CloudTrailNotifier.Input;

/// <summary>
/// The JSON options every event is parsed with, and the whole-input form of <see cref="EventStreamReader"/> for
/// callers that hold the bytes already. Pure: bytes in, events out.
/// </summary>
internal static class InputReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 4096,
    };

    // The same, refusing comments: the reader's path that skips comments costs about a tenth more on every token.
    private static readonly JsonDocumentOptions NoCommentOptions = DocumentOptions with { CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The document options every event in this program is parsed with (deep nesting allowed).</summary>
    public static JsonDocumentOptions Options => DocumentOptions;

    /// <summary>
    /// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> with <see cref="Options"/>, faster for
    /// the JSON nearly every event is: parsed first as if comments were not allowed, and only when that fails parsed
    /// again with them skipped. The document is the same either way (a skipped comment leaves nothing in it), and so
    /// is the exception for JSON that is not valid: it comes from the second parse.
    /// </summary>
    /// <exception cref="JsonException">The bytes are not valid JSON (comments allowed).</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            return JsonDocument.Parse(utf8Json, NoCommentOptions);
        }
        catch (JsonException)
        {
            return JsonDocument.Parse(utf8Json, DocumentOptions);
        }
    }

    /// <summary>Reads every event in <paramref name="content"/>, in input order.</summary>
    /// <exception cref="InputFormatException">A part of the content is not readable; the first such problem.</exception>
    public static IReadOnlyList<JsonElement> ReadEvents(ReadOnlyMemory<byte> content)
    {
        var events = new List<JsonElement>();
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        foreach (var item in new EventStreamReader(stream).Read())
        {
            if (!item.IsEvent)
            {
                throw new InputFormatException(item.Describe());
            }

            events.Add(item.Event.Clone());
        }

        return events;
    }
}
