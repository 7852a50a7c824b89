using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace CloudTrailNotifier.Notifications;

/// <summary>
/// Writes a string value exactly as <see cref="Utf8JsonWriter"/> with <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>
/// writes it, for long text with many characters to escape (a message's line breaks). The writer hands everything
/// after the first such character to the encoder, which then goes one character at a time; here plain ASCII is
/// copied 16 characters at a time and only the rest is looked at, asking the same encoder whether a non-ASCII
/// character must be escaped.
/// </summary>
/// <remarks>
/// Escapes are those of the encoder's minimal JSON escaping: <c>\b \t \n \f \r \" \\</c>, everything else as
/// <c>\uXXXX</c> (upper-case hex, a character outside the Basic Multilingual Plane as its two surrogates), and an
/// unpaired surrogate as <c>\uFFFD</c>. Tests compare the bytes with the writer's for every UTF-16 unit and for
/// random text.
/// </remarks>
internal static class RelaxedJsonString
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>The most bytes <see cref="Quote"/> writes for a value of <paramref name="length"/> UTF-16 units.</summary>
    /// <remarks>An escape takes 6 bytes ("\uXXXX") per unit, UTF-8 at most 3; plus the quotes.</remarks>
    public static int MaxBytes(int length) => checked((length * 6) + 2);

    /// <summary>The quoted, escaped UTF-8 of <paramref name="value"/> in <paramref name="output"/>; its length.</summary>
    /// <param name="output">At least <see cref="MaxBytes"/> bytes.</param>
    public static int Quote(ReadOnlySpan<char> value, Span<byte> output)
    {
        var at = 0;
        output[at++] = (byte)'"';
        while (!value.IsEmpty)
        {
            var plain = CopyPlain(value, output[at..]);
            at += plain;
            value = value[plain..];
            if (value.IsEmpty)
            {
                break;
            }

            var c = value[0];
            if (c < 0x80)
            {
                at = WriteEscape(output, at, c);
                value = value[1..];
                continue;
            }

            // Other characters the encoder allows go out as UTF-8, a run at a time.
            var allowed = 0;
            while (allowed < value.Length && value[allowed] >= 0x80 && !char.IsSurrogate(value[allowed]) && !Encoder.WillEncode(value[allowed]))
            {
                allowed++;
            }

            if (allowed > 0)
            {
                Utf8.FromUtf16(value[..allowed], output[at..], out _, out var bytes);
                at += bytes;
                value = value[allowed..];
                continue;
            }

            if (char.IsHighSurrogate(c) && value.Length > 1 && char.IsLowSurrogate(value[1]))
            {
                if (Encoder.WillEncode(char.ConvertToUtf32(c, value[1])))
                {
                    at = WriteEscape(output, at, c);
                    at = WriteEscape(output, at, value[1]);
                }
                else
                {
                    Utf8.FromUtf16(value[..2], output[at..], out _, out var bytes);
                    at += bytes;
                }

                value = value[2..];
                continue;
            }

            // An unpaired surrogate is escaped as the replacement character; anything else escaped as itself.
            at = WriteEscape(output, at, char.IsSurrogate(c) ? '\uFFFD' : c);
            value = value[1..];
        }

        output[at++] = (byte)'"';
        return at;
    }

    /// <summary>
    /// Copies the characters at the start that are written as they are (printable ASCII but the quote and the
    /// backslash) as bytes, 16 at a time while it can; returns how many. A message's lines are short: one pass with
    /// no call per line beats searching each line for its end and then converting it.
    /// </summary>
    /// <remarks>
    /// The 16 units are narrowed with saturation first, so any unit above 0xFF becomes 0xFF, and the test for
    /// "written as it is" is made once on the 16 bytes (a unit from 0x80 to 0xFF stays itself and fails it too).
    /// A value of 16 units or more ends with one more block that overlaps the one before, instead of a unit at a
    /// time; the bytes written twice are the same bytes.
    /// </remarks>
    private static int CopyPlain(ReadOnlySpan<char> value, Span<byte> output)
    {
        var length = value.Length;
        if (length >= Vector128<byte>.Count)
        {
            // The output has room for every 16 bytes written: it holds 6 per character still to come.
            ref var units = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(value));
            ref var bytes = ref MemoryMarshal.GetReference(output);
            var last = length - Vector128<byte>.Count;
            var i = 0;
            while (true)
            {
                var narrow = Vector128.NarrowWithSaturation(
                    Vector128.LoadUnsafe(ref units, (nuint)i),
                    Vector128.LoadUnsafe(ref units, (nuint)(i + Vector128<ushort>.Count)));
                narrow.StoreUnsafe(ref bytes, (nuint)i);
                var special = Special(narrow).ExtractMostSignificantBits();
                if (special != 0)
                {
                    return i + BitOperations.TrailingZeroCount(special);
                }

                if (i == last)
                {
                    return length;
                }

                i = Math.Min(i + Vector128<byte>.Count, last);
            }
        }

        var at = 0;
        while (at < length && value[at] is >= ' ' and <= '~' and not '"' and not '\\')
        {
            output[at] = (byte)value[at];
            at++;
        }

        return at;
    }

    /// <summary>All ones in each byte that is not written as it is: below the space, from DEL up, the quote, the
    /// backslash (unsigned "at least" is a maximum and an equality, which plain SSE2 has for bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Special(Vector128<byte> bytes)
    {
        var fromSpace = bytes - Vector128.Create((byte)' ');
        return Vector128.GreaterThanOrEqual(fromSpace, Vector128.Create((byte)('~' - ' ' + 1)))
            | Vector128.Equals(bytes, Vector128.Create((byte)'"'))
            | Vector128.Equals(bytes, Vector128.Create((byte)'\\'));
    }

    private static int WriteEscape(Span<byte> output, int at, char c)
    {
        output[at++] = (byte)'\\';
        var shortForm = c switch
        {
            '\b' => 'b',
            '\t' => 't',
            '\n' => 'n',
            '\f' => 'f',
            '\r' => 'r',
            '"' => '"',
            '\\' => '\\',
            _ => '\0',
        };

        if (shortForm != '\0')
        {
            output[at++] = (byte)shortForm;
            return at;
        }

        output[at++] = (byte)'u';
        output[at++] = Hex(c >> 12);
        output[at++] = Hex(c >> 8);
        output[at++] = Hex(c >> 4);
        output[at++] = Hex(c);
        return at;
    }

    private static byte Hex(int nibble) => (byte)"0123456789ABCDEF"[nibble & 0xF];
}
