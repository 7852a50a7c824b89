using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// The first look: one forward walk over the event's UTF-8 that settles, for most events, that no rule changes
/// anything, without building a context per member or decoding a string per value. It may only ever err towards
/// <see cref="ScanVerdict.MayChange"/>, which sends the event through the full walk; so whatever it decides, the
/// redacted bytes are those the full walk writes.
/// </summary>
internal sealed partial class JsonRedactor
{
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

    /// <param name="eventKeyNames">Whether a key the event's kind may make secret (<see cref="EventSecrets"/>) was met below the top.</param>
    private ScanVerdict Scan(ReadOnlySpan<byte> utf8, out bool eventKeyNames)
    {
        eventKeyNames = false;
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

            return Scan(utf8, new TriggerHits(whole), ref eventKeyNames);
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

    /// <summary>
    /// The walk itself, over bytes already parsed as JSON (so valid): only strings and brackets matter. The few bytes
    /// between two strings are stepped over one by one (a search costs more than the gap); a string's end is found
    /// with one vectorized search. A comment (the parser skips them) sends the event to the full walk.
    /// </summary>
    private ScanVerdict Scan(ReadOnlySpan<byte> utf8, TriggerHits hits, ref bool eventKeyNames)
    {
        var depth = 0;
        var role = MemberRole.None; // of the key just read: a type or a name says something about its siblings
        var i = 0;
        var mayEscape = utf8.Contains((byte)'\\'); // most events hold no escape at all: a string then ends at the next quote
        while (true)
        {
            while (i < utf8.Length && !IsStructure(utf8[i]))
            {
                i++;
            }

            if (i >= utf8.Length)
            {
                return ScanVerdict.Unchanged;
            }

            switch (utf8[i])
            {
                case (byte)'{' or (byte)'[':
                    if (depth++ >= MaxDepth)
                    {
                        return ScanVerdict.MayChange;
                    }

                    role = MemberRole.None;
                    i++;
                    break;
                case (byte)'}' or (byte)']':
                    depth--;
                    i++;
                    break;
                case (byte)'"':
                    var start = i + 1;
                    var escaped = false;
                    var length = mayEscape ? StringLength(utf8[start..], out escaped) : utf8[start..].IndexOf((byte)'"');
                    i = start + length + 1;
                    var content = utf8.Slice(start, length);
                    var after = SkipWhitespace(utf8, i);
                    if (after < utf8.Length && utf8[after] == (byte)':')
                    {
                        if (IsSecretKey(content, start, escaped, ref hits))
                        {
                            return ScanVerdict.MayChange;
                        }

                        eventKeyNames |= depth >= 2 && EventSecrets.MayBeKey(content);

                        role = RedactionRules.Role(content);
                        i = after + 1;
                        break;
                    }

                    var quoted = utf8.Slice(start - 1, length + 2);
                    if ((role == MemberRole.Type && RedactionRules.IsSecureString(Unescaped(quoted, escaped)))
                        || (role == MemberRole.Name && RedactionRules.NamesSecret(content))
                        || (!IsPlainString(content, start, escaped, quoted, ref hits) && StringReplacement(Unescaped(quoted, escaped), hides: false) is not null))
                    {
                        return ScanVerdict.MayChange;
                    }

                    role = MemberRole.None;
                    break;
                default:
                    return ScanVerdict.MayChange; // '/': a comment
            }
        }
    }

    /// <summary>What the first look stops at outside strings: strings, brackets, and the slash that opens a comment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsStructure(byte b) => b is (byte)'"' or (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)'/';

    /// <summary>The first position at or after <paramref name="i"/> that is not JSON whitespace.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> utf8, int i)
    {
        while (i < utf8.Length && utf8[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    /// <summary>The length of a string's content, up to its closing quote; whether it holds an escape.</summary>
    private static int StringLength(ReadOnlySpan<byte> fromContent, out bool escaped)
    {
        escaped = false;
        var i = 0;
        while (true)
        {
            i += fromContent[i..].IndexOfAny((byte)'"', (byte)'\\');
            if (fromContent[i] == (byte)'"')
            {
                return i;
            }

            escaped = true;
            i += 2; // the backslash and the character it escapes
        }
    }

    /// <summary>Whether a key classifies as secret (as <see cref="Member"/> judges it outside a secret).</summary>
    private bool IsSecretKey(ReadOnlySpan<byte> name, int start, bool escaped, ref TriggerHits hits)
    {
        // Every secret fragment holds a trigger word, so a key of letters and digits with no hit in it has none; nor
        // is it secret by its words unless it ends like a secret word (apiKey, dbPass, session).
        if (hits.Active && !escaped && !hits.StartsWithin(start, name.Length) && name.IndexOfAnyExcept(KeyLetters) < 0
            && !RedactionRules.MayBeSecretByWords(name))
        {
            return false;
        }

        return _keys.IsSecret(name);
    }

    /// <summary>
    /// Whether no rule can change one string (unescaped, short, not JSON, and no text rule matches): as
    /// <see cref="IsPlainText(ReadOnlySpan{byte})"/>, from the whole-event search when there is one.
    /// </summary>
    private static bool IsPlainString(ReadOnlySpan<byte> content, int start, bool escaped, ReadOnlySpan<byte> quoted, ref TriggerHits hits)
    {
        if (escaped)
        {
            return false;
        }

        if (!hits.Active)
        {
            return IsPlainText(quoted);
        }

        if (content.Length > MaxPlainChars)
        {
            return false;
        }

        var first = 0;
        while (first < content.Length && content[first] is (byte)' ' or (byte)'\t')
        {
            first++;
        }

        // A trigger word inside is not enough for the text rules: each also needs a ':' or '=', a PEM header or a
        // session token's start, looked for in the whole event's UTF-16 without decoding the string. (Unescaped ASCII
        // holds no whitespace but spaces, so the embedded-JSON test below cannot differ from StringReplacement's.)
        return first < content.Length && content[first] is not ((byte)'{' or (byte)'[' or (byte)'%')
            && (!hits.StartsWithin(start, content.Length) || !TextRedactor.MayMatch(hits.Chars(start, content.Length)));
    }

    /// <summary>A string's text, from its quoted UTF-8; unescaped strings need no reader.</summary>
    private static string Unescaped(ReadOnlySpan<byte> quoted, bool escaped)
    {
        if (!escaped)
        {
            return Encoding.UTF8.GetString(quoted[1..^1]);
        }

        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return ReaderText(ref reader);
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
    private ref struct TriggerHits(ReadOnlySpan<char> whole)
    {
        private readonly ReadOnlySpan<char> _whole = whole;
        private int _next = -1;

        /// <summary>False when there is no whole-event search (not ASCII, or CloudTrail's marker in it).</summary>
        public readonly bool Active => !_whole.IsEmpty;

        /// <summary>The event's characters in [start, start + length).</summary>
        public readonly ReadOnlySpan<char> Chars(int start, int length) => _whole.Slice(start, length);

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
