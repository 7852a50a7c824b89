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
    /// <summary>
    /// Bytes every text rule needs one of (see <see cref="TextRedactor.MayMatch"/>): the <c>:</c> or <c>=</c> after a
    /// key (a URL's <c>://</c> too), the B of a PEM header's BEGIN and of Bearer in any case, and a letter each session
    /// token start and <c>eyJ</c> holds (J, G or Q); the quote of a SQL literal and of a validation error's echo, the
    /// <c>$$</c> of a SQL literal; the <c>&gt;</c> of an XML element, the <c>%</c> of a percent escape and a tab
    /// (<see cref="TextEncodedKeys"/>). A string with none of them, no command-line flag (<see cref="MayHoldFlag"/>), no
    /// token prefix (<see cref="TextTokens"/>: <c>ghp_</c>, <c>AIza</c> need none of these bytes), only ASCII (fullwidth keys
    /// are read folded, key words of other languages are beyond it), no escape and no JSON in it is left as it is.
    /// </summary>
    private static readonly SearchValues<byte> MatchBytes = SearchValues.Create(":=BbJGQ'$>%\t"u8);

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
        try
        {
            // CloudTrail's marker for withheld values is looked for in a string only when the event holds it.
            return Scan(utf8, hidden: utf8.IndexOf("HIDDEN_DUE"u8) >= 0, ref eventKeyNames);
        }
        catch (JsonException)
        {
            return ScanVerdict.MayChange;
        }
    }

    /// <summary>
    /// The walk itself, over bytes already parsed as JSON (so valid): only strings and brackets matter. The few bytes
    /// between two strings are stepped over one by one (a search costs more than the gap); a string's end is found
    /// with one vectorized search. A comment (the parser skips them) sends the event to the full walk. Each key is
    /// judged by one lookup of the memo (its verdict and its role at once).
    /// </summary>
    private ScanVerdict Scan(ReadOnlySpan<byte> utf8, bool hidden, ref bool eventKeyNames)
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
                    if (depth++ >= MaxDepth || role == MemberRole.Encryption)
                    {
                        return ScanVerdict.MayChange; // encryption settings: their key member is judged by the full walk
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
                        var key = _keys.Look(content);
                        if (key.IsSecret || NameMayHoldToken(content))
                        {
                            return ScanVerdict.MayChange;
                        }

                        eventKeyNames |= depth >= 2 && EventSecrets.MayBeKey(content);
                        role = key.Role;
                        i = after + 1;
                        break;
                    }

                    var quoted = utf8.Slice(start - 1, length + 2);
                    if ((role == MemberRole.Type && IsSecureString(content, escaped, quoted))
                        || (role == MemberRole.Name && _keys.IsSecret(content))
                        || MayBeArgument(content, quoted, escaped)
                        || (!IsPlainString(content, escaped, hidden) && StringReplacement(Unescaped(quoted, escaped), hides: false) is not null))
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

    /// <summary>Whether a type member's string says <c>SecureString</c>; an unescaped ASCII one is compared as it stands.</summary>
    private static bool IsSecureString(ReadOnlySpan<byte> content, bool escaped, ReadOnlySpan<byte> quoted) =>
        !escaped && Ascii.IsValid(content)
            ? Ascii.EqualsIgnoreCase(content, RedactionRules.SecureStringTypeUtf8)
            : RedactionRules.IsSecureString(Unescaped(quoted, escaped));

    /// <summary>
    /// Whether no rule can change one string (the full walk's <see cref="StringReplacement"/> would keep it), judged from
    /// its UTF-8 without allocating: unescaped, not JSON, not CloudTrail's marker, and either holding none of
    /// <see cref="MatchBytes"/> (most identifiers, names and numbers) or, when short, no text rule's trigger word and mark.
    /// </summary>
    private static bool IsPlainString(ReadOnlySpan<byte> content, bool escaped, bool hidden)
    {
        if (escaped || (hidden && content.IndexOf("HIDDEN_DUE"u8) >= 0))
        {
            return false;
        }

        var first = 0;
        while (first < content.Length && content[first] is (byte)' ' or (byte)'\t')
        {
            first++;
        }

        // JSON held in the string and URL-encoded JSON go to the full look, and so does a string that starts with a
        // character beyond ASCII (which may be a space the full look trims before it looks for JSON).
        if (first < content.Length && content[first] is (byte)'{' or (byte)'[' or (byte)'%' or >= 0x80)
        {
            return false;
        }

        // A space may stand between a secret key and its value (apikey Hunter2, TextSpacedValues): such text has its
        // trigger words looked for below.
        var ascii = Ascii.IsValid(content);
        if (ascii && content.IndexOfAny(MatchBytes) < 0 && content.IndexOf((byte)' ') < 0 && !MayHoldFlag(content)
            && !TextTokens.MayHoldAscii(content))
        {
            return true;
        }

        if (content.Length > MaxPlainChars)
        {
            return false;
        }

        // ASCII without the start of any trigger word or token prefix (one table look-up a byte) is what the decoded look
        // says of it, without its searches: ASCII has no fullwidth form, and ContainsWord is false. The decoded look is a
        // method of its own: its buffer on the stack would make every call pay for a larger frame.
        return (ascii && !TextTriggers.MayHoldWordAscii(content)) || IsPlainDecoded(content);
    }

    /// <summary>The rest of <see cref="IsPlainString(ReadOnlySpan{byte}, bool, bool)"/>: the text rules' first looks on the decoded string.</summary>
    private static bool IsPlainDecoded(ReadOnlySpan<byte> content)
    {
        // UTF-8 never decodes to more UTF-16 units than it has bytes; unescaped text holds no backslash.
        Span<char> chars = stackalloc char[content.Length];
        if (!Encoding.UTF8.TryGetChars(content, chars, out var written))
        {
            return false;
        }

        var text = chars[..written];
        return !TextEncodedKeys.HasWideForms(text) && (!TextTriggers.ContainsWord(text) || !TextRedactor.MayMatch(text));
    }

    /// <summary>
    /// Whether a string may hold a command-line flag (<see cref="TextArguments.MayMatch"/>): a <c>-</c> at its start or
    /// after a byte that is not a letter or digit (so UUIDs and hyphenated names pass).
    /// </summary>
    private static bool MayHoldFlag(ReadOnlySpan<byte> content)
    {
        for (var at = content.IndexOf((byte)'-'); at >= 0;)
        {
            if (at == 0 || !char.IsAsciiLetterOrDigit((char)content[at - 1]))
            {
                return true;
            }

            var next = content[(at + 1)..].IndexOf((byte)'-');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
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
}
