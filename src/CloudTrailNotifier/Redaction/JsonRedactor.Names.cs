using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Member names that hold a token (<c>{"ghp_...": "x"}</c>, a map keyed by credential): the name is shown with the token's
/// body hidden, as a string's would be (<see cref="TextTokens"/>). No other rule reads a name as a value.
/// </summary>
internal sealed partial class JsonRedactor
{
    /// <summary>Writes a member's name as written, or with its tokens hidden (without quotes); whether it changed.</summary>
    private bool WriteName(JsonProperty property, MemoryStream output)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (NameMayHoldToken(raw) && TextTokens.HideAll(property.Name, markers) is { } hidden)
        {
            output.Write(JsonEncodedText.Encode(hidden, Encoder).EncodedUtf8Bytes);
            return true;
        }

        output.Write(raw);
        return false;
    }

    /// <summary>
    /// For the walk and the first look: whether a name (UTF-8 as written, escapes as they stand) may hold a token's prefix;
    /// short names and plain ASCII names without one are passed by their bytes.
    /// </summary>
    private static bool NameMayHoldToken(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < TextTokens.MinChars)
        {
            return false;
        }

        if (TextTokens.MayHoldAscii(raw))
        {
            return true;
        }

        if (Ascii.IsValid(raw) && raw.IndexOf((byte)'\\') < 0)
        {
            return false;
        }

        var decoded = new char[raw.Length];
        return TextTokens.MayHold(decoded.AsSpan(0, KeyName.Decode(raw, decoded)));
    }
}
