using System.IO.Compression;
using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Input;

/// <summary>
/// Splits what a user hands the command line into events: one EventBridge event, a bare CloudTrail
/// record, a CloudTrail log file (<c>{"Records": [...]}</c>, optionally gzip-compressed), a JSON array
/// of events, or JSON Lines. Pure: bytes in, events out.
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
    /// <exception cref="InputFormatException">The content is not readable JSON.</exception>
    public static IReadOnlyList<JsonElement> ReadEvents(ReadOnlyMemory<byte> content)
    {
        if (IsGzip(content.Span))
        {
            content = Decompress(content);
        }

        if (TextEncodingCheck.DescribeNonUtf8(content.Span) is { } encodingError)
        {
            throw new InputFormatException(encodingError);
        }

        var span = SkipBom(content.Span);
        var offset = content.Length - span.Length;
        content = content[offset..];

        if (TrimWhitespace(content.Span).IsEmpty)
        {
            throw new InputFormatException("the input is empty; expected a JSON event");
        }

        var events = new List<JsonElement>();
        var reader = new Utf8JsonReader(content.Span, new JsonReaderOptions
        {
            AllowMultipleValues = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = DocumentOptions.MaxDepth,
        });

        while (true)
        {
            JsonElement value;
            try
            {
                if (!reader.Read())
                {
                    break;
                }

                value = JsonElement.ParseValue(ref reader);
            }
            catch (JsonException ex)
            {
                throw new InputFormatException(NestsDeeperThanLimit(content.Span)
                    ? $"the JSON is nested more than {DocumentOptions.MaxDepth} levels deep, more than any CloudTrail event; it is not read"
                    : DescribeJsonError(ex));
            }

            AddEvents(value, events);
        }

        return events.Count > 0
            ? events
            : throw new InputFormatException("no events in the input (an empty list or an empty Records array)");
    }

    private static void AddEvents(JsonElement value, List<JsonElement> events)
    {
        if (value.ValueKind == JsonValueKind.Object
            && JsonFields.TryGet(value, "Records", out var records)
            && records.ValueKind == JsonValueKind.Array)
        {
            foreach (var record in records.EnumerateArray())
            {
                events.Add(record);
            }

            return;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                events.Add(item);
            }

            return;
        }

        events.Add(value);
    }

    /// <summary>
    /// Whether the content nests objects or arrays to the depth limit before any syntax error: System.Text.Json
    /// reports both the same way, and "not valid JSON" would send the user looking for a typo that is not there.
    /// Runs only on the error path.
    /// </summary>
    private static bool NestsDeeperThanLimit(ReadOnlySpan<byte> content)
    {
        var reader = new Utf8JsonReader(content, new JsonReaderOptions
        {
            AllowMultipleValues = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = int.MaxValue,
        });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= DocumentOptions.MaxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error came first: that is the one to report.
        }

        return false;
    }

    private static string DescribeJsonError(JsonException ex)
    {
        // Positions are zero-based in System.Text.Json; people count from one.
        var where = ex.LineNumber is { } line
            ? $" at line {line + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}"
            : string.Empty;
        return $"not valid JSON{where}";
    }

    private static bool IsGzip(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 0x1f && data[1] == 0x8b;

    private static ReadOnlyMemory<byte> Decompress(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var input = new MemoryStream(content.ToArray(), writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            throw new InputFormatException("the gzip data is damaged and cannot be decompressed");
        }
    }

    private static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> data) =>
        data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? data[3..] : data;

    private static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> data) =>
        data.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
}
