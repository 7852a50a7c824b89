using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// The first look: one forward read of the event's UTF-8 that settles, for most events, that no rule changes
/// anything, without building a context per member or decoding a string per value. It may only ever err towards
/// <see cref="ScanVerdict.MayChange"/>, which sends the event through the full walk; so whatever it decides, the
/// redacted bytes are those the full walk writes.
/// </summary>
internal sealed partial class JsonRedactor
{
    private static readonly JsonReaderOptions ScanOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 4096,
    };

    /// <summary>Key bytes that folding keeps as they are (lower-cased); any other byte may join two parts of a fragment.</summary>
    private static readonly SearchValues<byte> KeyLetters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"u8);

    private enum ScanVerdict
    {
        /// <summary>No rule can change any value: the event is shown as it came.</summary>
        Unchanged,

        /// <summary>A rule may change something (a secret key, a secure string, a deep container, a redactable string).</summary>
        MayChange,
    }

    private ScanVerdict Scan(ReadOnlySpan<byte> utf8)
    {
        char[]? rented = null;
        try
        {
            // An ASCII event is searched for the text rules' trigger words once, whole; a string or key then needs a
            // closer look only when a hit starts inside it. CloudTrail's marker for withheld values sends an event to
            // the string-by-string look, which checks for it.
            var whole = Span<char>.Empty;
            if (utf8.IndexOf("HIDDEN_DUE"u8) < 0)
            {
                rented = ArrayPool<char>.Shared.Rent(Math.Max(utf8.Length, 1));
                if (Ascii.ToUtf16(utf8, rented, out var written) == OperationStatus.Done)
                {
                    whole = rented.AsSpan(0, written);
                }
            }

            return Scan(utf8, new TriggerHits(whole, active: !whole.IsEmpty));
        }
        catch (JsonException)
        {
            return ScanVerdict.MayChange;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private ScanVerdict Scan(ReadOnlySpan<byte> utf8, TriggerHits hits)
    {
        var reader = new Utf8JsonReader(utf8, ScanOptions);
        var afterTypeKey = false;
        while (reader.Read())
        {
            var typeValue = afterTypeKey;
            afterTypeKey = false;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= MaxDepth:
                    return ScanVerdict.MayChange;
                case JsonTokenType.PropertyName:
                    if (IsSecretKey(ref reader, ref hits))
                    {
                        return ScanVerdict.MayChange;
                    }

                    afterTypeKey = reader.ValueTextEquals(RedactionRules.SecureStringTypeKey) || reader.ValueTextEquals("Type"u8);
                    break;
                case JsonTokenType.String:
                    if ((typeValue && string.Equals(ReaderText(ref reader), RedactionRules.SecureStringType, StringComparison.OrdinalIgnoreCase))
                        || (!IsPlainString(ref reader, utf8, ref hits) && StringReplacement(ReaderText(ref reader), hides: false) is not null))
                    {
                        return ScanVerdict.MayChange;
                    }

                    break;
            }
        }

        return ScanVerdict.Unchanged;
    }

    /// <summary>Whether the key being read classifies as secret (as <see cref="Member"/> judges it outside a secret).</summary>
    private static bool IsSecretKey(ref Utf8JsonReader reader, ref TriggerHits hits)
    {
        var name = reader.ValueSpan;

        // Every secret fragment holds a trigger word, so a key of letters and digits with no hit in it has none.
        if (hits.Active && !reader.ValueIsEscaped && name.IndexOfAnyExcept(KeyLetters) < 0
            && !hits.StartsWithin((int)reader.TokenStartIndex + 1, name.Length))
        {
            return false;
        }

        return RedactionRules.Classify(name, insideSecret: false) == KeyVerdict.Secret;
    }

    /// <summary><see cref="IsPlainText(ReadOnlySpan{byte})"/> for the string being read, from the whole-event search when there is one.</summary>
    private static bool IsPlainString(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, ref TriggerHits hits)
    {
        if (reader.ValueIsEscaped)
        {
            return false;
        }

        var content = reader.ValueSpan;
        var start = (int)reader.TokenStartIndex;
        if (!hits.Active)
        {
            return IsPlainText(utf8.Slice(start, content.Length + 2));
        }

        var trimmed = content.TrimStart(" \t"u8);
        return content.Length <= MaxPlainChars && !trimmed.IsEmpty && trimmed[0] is not ((byte)'{' or (byte)'%')
            && !hits.StartsWithin(start + 1, content.Length);
    }

    /// <summary>The string being read, with the tolerance of <see cref="Events.JsonFields.Text"/> for escaped half surrogates.</summary>
    private static string ReaderText(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    /// <summary>
    /// Where the text rules' trigger words start in the whole event, asked in increasing order of position: each
    /// search resumes where the asked range begins, so the event is searched about once.
    /// </summary>
    private ref struct TriggerHits(ReadOnlySpan<char> whole, bool active)
    {
        private readonly ReadOnlySpan<char> _whole = whole;
        private int _next = -1;

        /// <summary>False when there is no whole-event search (not ASCII, or CloudTrail's marker in it).</summary>
        public readonly bool Active => active;

        /// <summary>Whether a trigger word starts at a position in [start, start + length).</summary>
        public bool StartsWithin(int start, int length)
        {
            if (_next < start)
            {
                var found = TextRedactor.IndexOfTrigger(_whole[start..]);
                _next = found < 0 ? int.MaxValue : start + found;
            }

            return _next < start + length;
        }
    }
}
