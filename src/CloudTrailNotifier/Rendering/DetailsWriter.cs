using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Rendering.Languages;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// Writes a JSON value (requestParameters and friends) as indented "key: value" lines a person can read.
/// Bounded by construction: values, depth, lines and characters all have limits, and whatever is cut is
/// said to be cut. JSON documents embedded as strings (policies) are unfolded.
/// </summary>
/// <remarks>
/// One per body writer, reused section after section: keys and values are decoded from the document's UTF-8 into
/// one buffer it keeps, not into a string each.
/// </remarks>
internal sealed class DetailsWriter(StringBuilder builder, Texts texts)
{
    public const int MaxDepth = 12;
    public const int MaxValueChars = 512;
    public const int MaxKeyChars = 128;

    /// <summary>The bytes <see cref="TryShownAsIs"/> lets through: printable ASCII but the space, the backslash and the dot.</summary>
    private static readonly SearchValues<byte> ShownAsIsBytes =
        SearchValues.Create("!\"#$%&'()*+,-/0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~"u8);

    private readonly StringBuilder _builder = builder;
    private readonly Texts _texts = texts;
    private char[] _chars = new char[1024];
    private int _maxLines;
    private int _maxChars;
    private int _start;
    private int _lines;
    private bool _cut;

    /// <summary>Writes <paramref name="value"/>, saying so when the section had to be cut short.</summary>
    public void Write(JsonElement value, int maxLines, int maxChars)
    {
        _maxLines = maxLines;
        _maxChars = maxChars;
        _start = _builder.Length;
        _lines = 0;
        _cut = false;
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            WriteChildren(value, indent: 1, depth: 0);
        }
        else
        {
            if (StartLine(1))
            {
                WriteScalar(value);
                EndLine();
            }
        }

        if (_cut)
        {
            _builder.Append("  ").Append(_texts.SectionTruncated(JsonMarshal.GetRawUtf8Value(value).Length)).Append('\n');
        }
    }

    private void WriteChildren(JsonElement container, int indent, int depth)
    {
        if (container.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in container.EnumerateObject())
            {
                if (!StartLine(indent))
                {
                    return;
                }

                AppendKey(property);
                WriteMember(property.Value, indent, depth);
            }
        }
        else
        {
            foreach (var item in container.EnumerateArray())
            {
                if (!StartLine(indent))
                {
                    return;
                }

                _builder.Append('-');
                WriteMember(item, indent, depth);
            }
        }
    }

    /// <summary>Continues a line that holds a key or a list dash.</summary>
    private void WriteMember(JsonElement value, int indent, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                WriteStringMember(value, indent, depth);
                break;
            case JsonValueKind.Object or JsonValueKind.Array when IsEmpty(value):
                _builder.Append(' ').Append(value.ValueKind == JsonValueKind.Object ? "{}" : "[]");
                EndLine();
                break;
            case JsonValueKind.Object or JsonValueKind.Array when depth + 1 >= MaxDepth:
                _builder.Append(' ').Append(_texts.NestedTooDeep);
                EndLine();
                break;
            case JsonValueKind.Object or JsonValueKind.Array:
                EndLine();
                WriteChildren(value, indent + 1, depth + 1);
                break;
            default:
                _builder.Append(' ');
                WriteScalar(value);
                EndLine();
                break;
        }
    }

    /// <summary>A string after its key or dash: JSON inside it unfolded, otherwise the text (decoded once for both).</summary>
    private void WriteStringMember(JsonElement value, int indent, int depth)
    {
        var content = Content(value);
        var asIs = TryShownAsIs(content, MaxValueChars, out var text);
        if (!asIs)
        {
            text = Text(value, content);
        }

        if (EmbeddedJson.MayBe(text) && EmbeddedJson.TryParse(JsonFields.Text(value), out var document, out var urlEncoded))
        {
            using (document)
            {
                _builder.Append(' ').Append(urlEncoded ? _texts.UrlEncodedJsonText : _texts.JsonText);
                if (depth + 1 >= MaxDepth)
                {
                    // On the key's own line: a nested line must be a "key: value".
                    _builder.Append(' ').Append(_texts.NestedTooDeep);
                    EndLine();
                }
                else
                {
                    EndLine();
                    WriteChildren(document.RootElement, indent + 1, depth + 1);
                }
            }

            return;
        }

        _builder.Append(' ');
        if (asIs)
        {
            _builder.Append(text);
        }
        else
        {
            WriteText(text);
        }

        EndLine();
    }

    private void WriteScalar(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                WriteText(Text(value, Content(value)));
                break;
            case JsonValueKind.Null:
                _builder.Append("null");
                break;
            default:
                // Numbers and booleans: their JSON text is already plain ASCII.
                var raw = JsonMarshal.GetRawUtf8Value(value);
                _builder.Append(Decode(raw.Length > MaxValueChars ? raw[..MaxValueChars] : raw));
                break;
        }
    }

    private void WriteText(ReadOnlySpan<char> text)
    {
        var omitted = EmailText.Append(_builder, text, MaxValueChars);
        if (omitted > 0)
        {
            _builder.Append(' ').Append(_texts.CharactersOmitted(omitted));
        }
    }

    private void AppendKey(JsonProperty property)
    {
        // A name without escapes reads as its UTF-8 (as JsonFields.Name gives it); one with them is unescaped there.
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (TryShownAsIs(raw, MaxKeyChars, out var text))
        {
            _builder.Append(text);
        }
        else
        {
            EmailText.Append(_builder, raw.Contains((byte)'\\') ? JsonFields.Name(property) : Decode(raw), MaxKeyChars);
        }

        _builder.Append(':');
    }

    /// <summary>
    /// The text of these UTF-8 bytes when <see cref="EmailText.Append"/> would write it as it is, decoded into the buffer
    /// (one byte, one character; valid until the next call): at most <paramref name="maxChars"/> printable ASCII
    /// characters but the space (a run of them is marked), the backslash (JSON's escapes) and the dot (defanged before a
    /// top-level domain), and no colon defanging would bracket (<c>https://</c>, <c>https:3640133122</c>, <c>ws:[::1]</c>:
    /// <see cref="EmailText.MayLink"/>, the slow path's own test). Otherwise false, and the text is read the usual way.
    /// </summary>
    private bool TryShownAsIs(ReadOnlySpan<byte> utf8, int maxChars, out ReadOnlySpan<char> text)
    {
        text = default;
        if (utf8.Length > maxChars)
        {
            return false;
        }

        if (utf8.IndexOfAnyExcept(ShownAsIsBytes) >= 0)
        {
            return false;
        }

        var chars = Chars(utf8.Length);
        System.Text.Ascii.ToUtf16(utf8, chars, out var written);
        text = chars[..written];
        return !utf8.Contains((byte)':') || !EmailText.MayLink(text);
    }

    /// <summary>A string value's UTF-8 between its quotes, escapes as they are written.</summary>
    private static ReadOnlySpan<byte> Content(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return raw.Length >= 2 ? raw[1..^1] : raw;
    }

    /// <summary>
    /// A string value's text, as <see cref="JsonFields.Text"/> gives it: without escapes, that is its UTF-8
    /// (<paramref name="content"/>) decoded (invalid bytes as U+FFFD either way); valid until the next call.
    /// </summary>
    private ReadOnlySpan<char> Text(JsonElement value, ReadOnlySpan<byte> content) =>
        content.Contains((byte)'\\') ? JsonFields.Text(value) : Decode(content);

    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> utf8)
    {
        var chars = Chars(utf8.Length);
        return chars[..Encoding.UTF8.GetChars(utf8, chars)];
    }

    /// <summary>The buffer, with room for the characters of <paramref name="utf8Length"/> UTF-8 bytes.</summary>
    private Span<char> Chars(int utf8Length)
    {
        if (_chars.Length < utf8Length)
        {
            _chars = new char[Math.Max(utf8Length, _chars.Length * 2)];
        }

        return _chars;
    }

    private bool StartLine(int indent)
    {
        if (_cut || _lines >= _maxLines || _builder.Length - _start >= _maxChars)
        {
            _cut = true;
            return false;
        }

        _lines++;
        _builder.Append(' ', indent * 2);
        return true;
    }

    private void EndLine() => _builder.Append('\n');

    private static bool IsEmpty(JsonElement container) => container.ValueKind == JsonValueKind.Object
        ? !container.EnumerateObject().MoveNext()
        : container.GetArrayLength() == 0;
}
