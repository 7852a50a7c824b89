using System.Text.Json;

namespace CloudTrailNotifier.Matching;

/// <summary>
/// An EventBridge event pattern, compiled once, that says whether an event matches with EventBridge's semantics. A
/// bare CloudTrail record (from a log file) is matched as the event EventBridge would have delivered for it (see
/// <see cref="CloudTrailEnvelope"/>); anything that is not a JSON object matches no pattern. Pure and immutable.
/// </summary>
internal sealed class EventPattern
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    private readonly ObjectMatcher _root;

    private EventPattern(ObjectMatcher root) => _root = root;

    /// <summary>Compiles a pattern from its JSON text.</summary>
    /// <exception cref="PatternException">Not JSON, or not a pattern EventBridge accepts; the message is one line.</exception>
    public static EventPattern Parse(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, Options);
        }
        catch (JsonException ex)
        {
            throw new PatternException($"not valid JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}");
        }

        using (document)
        {
            return new EventPattern(PatternParser.Parse(document.RootElement));
        }
    }

    public static EventPattern Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    public bool Matches(JsonElement evt)
    {
        if (evt.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        return CloudTrailEnvelope.IsBareRecord(evt)
            ? _root.MatchesFields(new BareRecordFields(evt))
            : _root.MatchesFields(new ElementFields(evt));
    }
}
