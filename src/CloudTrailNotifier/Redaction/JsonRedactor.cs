using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Applies <see cref="RedactionRules"/> to a whole event, before anything reads it: every key at any depth,
/// arrays too, and JSON documents held in strings (policies), so the facts, the subject, the body, the
/// attributes and every output format only ever see redacted values. Pure.
/// </summary>
internal sealed partial class JsonRedactor(RedactionMarkers markers)
{
    /// <summary>Deeper than this, a container that may hold a secret is redacted whole (nothing shows it anyway).</summary>
    private const int MaxDepth = 64;
    private const int MaxEmbeddedChars = 64 * 1024;

    /// <summary>Longer strings are never taken for plain text without a closer look.</summary>
    private const int MaxPlainChars = 512;

    private const string JsonWhitespace = " \t\r\n";

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Key names repeat from one event to the next: each is classified once.</summary>
    private readonly KeyVerdictMemo _keys = new();

    public RedactionMarkers Markers => markers;

    /// <summary>The event as UTF-8 JSON with its secrets replaced; null when it has none.</summary>
    public byte[]? Redact(JsonElement root)
    {
        var raw = JsonMarshal.GetRawUtf8Value(root);
        if (FirstLook(root, out var eventKey) == ScanVerdict.Unchanged)
        {
            return null;
        }

        using var buffer = new MemoryStream(raw.Length + 256);
        return Write(root, Context.Top(eventKey), 0, buffer) ? buffer.ToArray() : null;
    }

    /// <summary>For tests: whether the first look clears the event (it must never clear one the full walk changes).</summary>
    internal bool FirstLookClears(JsonElement root) => FirstLook(root, out _) == ScanVerdict.Unchanged;

    /// <summary>The first look, and the event's kind where a key it may make secret is in it (read only then: most events have none).</summary>
    private ScanVerdict FirstLook(JsonElement root, out EventSecretKey eventKey)
    {
        var verdict = Scan(JsonMarshal.GetRawUtf8Value(root), out var eventKeyNames);
        eventKey = verdict == ScanVerdict.MayChange || eventKeyNames ? EventSecrets.For(root) : EventSecretKey.None;
        return eventKey == EventSecretKey.None ? verdict : ScanVerdict.MayChange;
    }

    /// <summary>For tests: whether the full walk changes the event.</summary>
    internal bool FullWalkChanges(JsonElement root) => Write(root, Context.Top(EventSecrets.For(root)), 0, new MemoryStream());

    /// <param name="BySibling">A sibling makes this value secret: a secret name in a name/value list, or <c>type: SecureString</c>.</param>
    /// <param name="EventKey">The key that holds a secret in this kind of event only (<see cref="EventSecrets"/>).</param>
    /// <param name="InCall">Inside the call's request parameters or response elements, where <paramref name="EventKey"/> counts.</param>
    /// <param name="Encryption">This value is an object of encryption settings: its <c>key</c> member is the data key.</param>
    private readonly record struct Context(KeyVerdict Verdict, bool InSecret, bool BySibling, EventSecretKey EventKey, bool InCall, bool Encryption = false)
    {
        /// <summary>The context of the event itself.</summary>
        public static Context Top(EventSecretKey eventKey) => new(KeyVerdict.Neutral, InSecret: false, BySibling: false, eventKey, InCall: false);

        /// <summary>Whether a string or number here is redacted; inside a secret, everything but kept keys is.</summary>
        public bool Hides => Verdict is KeyVerdict.Secret or KeyVerdict.SecretScalar || BySibling || (InSecret && Verdict != KeyVerdict.Kept);

        /// <summary>The context the members of this object or array are judged in.</summary>
        public bool MembersInSecret => Verdict == KeyVerdict.Secret || BySibling || (InSecret && Verdict != KeyVerdict.Kept);
    }

    /// <summary>
    /// Writes the value with its secrets replaced; whether anything was. A container in which nothing changed is
    /// written back as it came (its bytes as received), so each value is judged once, in one walk.
    /// </summary>
    private bool Write(JsonElement value, Context context, int depth, MemoryStream output)
    {
        var isContainer = value.ValueKind is JsonValueKind.Object or JsonValueKind.Array;
        if (isContainer && depth < MaxDepth)
        {
            var start = output.Length;
            var changed = false;
            if (value.ValueKind == JsonValueKind.Object)
            {
                var secretValues = SiblingsMakeValuesSecret(value);
                output.Write("{"u8);
                var first = true;
                foreach (var property in value.EnumerateObject())
                {
                    output.Write(first ? "\""u8 : ",\""u8);
                    first = false;
                    changed |= WriteName(property, output);
                    output.Write("\":"u8);
                    changed |= Write(property.Value, Member(property, context, secretValues), depth + 1, output);
                }

                output.Write("}"u8);
            }
            else
            {
                output.Write("["u8);
                var first = true;
                var arguments = default(Arguments);
                foreach (var item in value.EnumerateArray())
                {
                    if (!first)
                    {
                        output.Write(","u8);
                    }

                    first = false;
                    if (!context.Hides && Argument(item, ref arguments) is { } argument)
                    {
                        WriteString(argument, output);
                        changed = true;
                        continue;
                    }

                    changed |= Write(item, context, depth + 1, output);
                }

                output.Write("]"u8);
            }

            if (!changed)
            {
                output.SetLength(start);
                output.Write(JsonMarshal.GetRawUtf8Value(value));
            }

            return changed;
        }

        if ((isContainer ? Deep(value) : Scalar(value, context)) is { } replacement)
        {
            WriteString(replacement, output);
            return true;
        }

        output.Write(JsonMarshal.GetRawUtf8Value(value));
        return false;
    }

    private Context Member(JsonProperty property, Context parent, bool secretValues)
    {
        var name = JsonMarshal.GetRawUtf8PropertyName(property);
        var key = _keys.Look(name); // the verdicts and the role at once
        var bySibling = secretValues && key.Role == MemberRole.Value;
        var inSecret = parent.MembersInSecret;
        var verdict = (parent.InCall && EventSecrets.IsSecret(parent.EventKey, name)) || (parent.Encryption && RedactionRules.IsEncryptionKeyMember(name))
            ? KeyVerdict.Secret
            : inSecret ? key.InsideSecret : key.OutsideSecret;
        var inCall = parent.InCall || (parent.EventKey != EventSecretKey.None && EventSecrets.IsCall(name));
        return new Context(verdict, inSecret, bySibling, parent.EventKey, inCall, key.Role == MemberRole.Encryption);
    }

    /// <summary>What replaces a scalar, unencoded; null to keep it.</summary>
    private string? Scalar(JsonElement value, Context context)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return context.Hides ? markers.Redacted(JsonMarshal.GetRawUtf8Value(value).Length) : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        if (!context.Hides && IsPlainText(value))
        {
            return null;
        }

        return StringReplacement(JsonFields.Text(value), context.Hides);
    }

    /// <summary>What replaces a string that is not plain text (or that a secret hides), unencoded; null to keep it.</summary>
    private string? StringReplacement(string text, bool hides)
    {
        if (text.AsSpan().Trim() is var trimmed && (trimmed.SequenceEqual(RedactionRules.CloudTrailHidden) || trimmed.SequenceEqual(RedactionRules.CloudTrailRemoved)))
        {
            return markers.Hidden;
        }

        if (text.Length == 0 || RedactionRules.IsBooleanLike(text))
        {
            return null;
        }

        if (hides)
        {
            return markers.Redacted(text.Length);
        }

        if (Embedded(text) is { } embedded)
        {
            return embedded;
        }

        var redacted = TextRedactor.Redact(text, markers);
        return ReferenceEquals(redacted, text) ? null : redacted;
    }

    /// <summary>
    /// A string no rule can touch, judged from its UTF-8 without allocating: unescaped, short, not JSON, and
    /// holding none of the text rules' trigger words. Most strings of most events are such.
    /// </summary>
    private static bool IsPlainText(JsonElement value) => IsPlainText(JsonMarshal.GetRawUtf8Value(value));

    /// <inheritdoc cref="IsPlainText(JsonElement)"/>
    /// <param name="raw">The string as written, quotes included.</param>
    private static bool IsPlainText(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < 2 || raw.Length > MaxPlainChars + 2 || raw.IndexOf((byte)'\\') >= 0)
        {
            return false;
        }

        var content = raw[1..^1];
        var trimmed = content.TrimStart(" \t"u8);
        if (trimmed.IsEmpty || trimmed[0] is (byte)'{' or (byte)'[' or (byte)'%' || content.IndexOf("HIDDEN_DUE"u8) >= 0)
        {
            return false;
        }

        // ASCII without the start of a trigger word (see TextTriggers.MayHoldWordAscii): with no backslash either, the
        // trigger search below finds nothing in it, and it has no fullwidth form.
        if (Ascii.IsValid(content) && !TextTriggers.MayHoldWordAscii(content))
        {
            return true;
        }

        Span<char> chars = stackalloc char[content.Length]; // UTF-8 never decodes to more UTF-16 units than it has bytes
        return Encoding.UTF8.TryGetChars(content, chars, out var written) && !TextRedactor.MayContainSecret(chars[..written])
            && !TextEncodedKeys.HasWideForms(chars[..written]); // ｐａｓｓｗｏｒｄ= is read folded
    }

    /// <summary>
    /// A JSON object held in a string (a policy, a payload), or an array of objects (CodePipeline's CodeBuild action
    /// <c>EnvironmentVariables</c>, a name/value list), redacted and written back; null when unchanged.
    /// </summary>
    private string? Embedded(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        var urlEncoded = trimmed.StartsWith("%7B", StringComparison.OrdinalIgnoreCase);
        if (text.Length > MaxEmbeddedChars || trimmed.IsEmpty || (trimmed[0] is not ('{' or '[') && !urlEncoded))
        {
            return null;
        }

        try
        {
            var json = urlEncoded ? Uri.UnescapeDataString(text) : text;
            if (!MayBeJsonObject(json))
            {
                return null; // the parser would refuse it: spared the exception
            }

            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
            return Redact(document.RootElement) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
        }
        catch (Exception ex) when (ex is JsonException or UriFormatException)
        {
            return null; // not JSON after all: the text rules still apply
        }
    }

    /// <summary>
    /// Whether text may be one JSON object as the parser reads it (no comments, no trailing commas): JSON whitespace,
    /// <c>{</c>, then a member's opening quote or <c>}</c>, and <c>}</c> last; or an array whose first item is an object.
    /// Text like <c>{arn-aws}iam::...</c> or <c>[INFO] ...</c> is not.
    /// </summary>
    private static bool MayBeJsonObject(string text)
    {
        var trimmed = text.AsSpan().Trim(JsonWhitespace);
        return trimmed.Length >= 2 && ((trimmed[0] == '{' && trimmed[^1] == '}'
            && trimmed[1..].TrimStart(JsonWhitespace) is ['"' or '}', ..])
            || (trimmed[0] == '[' && trimmed[^1] == ']' && trimmed[1..].TrimStart(JsonWhitespace) is ['{', ..]));
    }

    /// <summary>Deep containers are judged by their text: anything secret-looking hides the whole container.</summary>
    private string? Deep(JsonElement value)
    {
        var text = Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(value));
        return TextRedactor.MayContainSecret(text) || RedactionRules.MayHoldWordSecret(text)
            || text.Contains(RedactionRules.CloudTrailHidden, StringComparison.Ordinal)
            ? markers.Redacted(text.Length)
            : null;
    }

    private void WriteString(string text, MemoryStream output)
    {
        JsonEncodedText encoded;
        try
        {
            encoded = JsonEncodedText.Encode(text, Encoder);
        }
        catch (ArgumentException)
        {
            encoded = JsonEncodedText.Encode(markers.Redacted(text.Length), Encoder);
        }

        output.Write("\""u8);
        output.Write(encoded.EncodedUtf8Bytes);
        output.Write("\""u8);
    }
}
