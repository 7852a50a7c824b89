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

    /// <summary>The document options every event in this program is parsed with (deep nesting allowed).</summary>
    public static JsonDocumentOptions Options => DocumentOptions;

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
