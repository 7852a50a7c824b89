using System.Buffers;
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
    private static int CopyPlain(ReadOnlySpan<char> value, Span<byte> output)
    {
        var units = MemoryMarshal.Cast<char, ushort>(value);
        var i = 0;
        while (units.Length - i >= Vector128<byte>.Count)
        {
            var low = Vector128.Create(units.Slice(i, Vector128<ushort>.Count));
            var high = Vector128.Create(units.Slice(i + Vector128<ushort>.Count, Vector128<ushort>.Count));

            // The output has room for the 16 bytes: it holds 6 per character still to come.
            Vector128.Narrow(low, high).CopyTo(output[i..]);
            var special = Vector128.Narrow(Special(low), Special(high)).ExtractMostSignificantBits();
            if (special != 0)
            {
                return i + BitOperations.TrailingZeroCount(special);
            }

            i += Vector128<byte>.Count;
        }

        while (i < value.Length && value[i] is >= ' ' and <= '~' and not '"' and not '\\')
        {
            output[i] = (byte)value[i];
            i++;
        }

        return i;
    }

    /// <summary>All ones in each lane that holds a character not written as it is (narrowed, a byte mask; the bits
    /// come from the bytes, which plain SSE2, the Native AOT baseline, extracts in one instruction).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> Special(Vector128<ushort> units) =>
        Vector128.GreaterThanOrEqual(units - Vector128.Create((ushort)' '), Vector128.Create((ushort)('~' - ' ' + 1)))
            | Vector128.Equals(units, Vector128.Create((ushort)'"'))
            | Vector128.Equals(units, Vector128.Create((ushort)'\\'));

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
