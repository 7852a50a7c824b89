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

    /// <summary>The bytes <see cref="Quote"/> needs for a value of <paramref name="length"/> UTF-16 units: the most it writes, and room for one block of 16 past them.</summary>
    /// <remarks>An escape takes 6 bytes ("\uXXXX") per unit, UTF-8 at most 3; plus the quotes.</remarks>
    public static int MaxBytes(int length) => checked((length * 6) + 2 + Vector128<byte>.Count);

    /// <summary>The quoted, escaped UTF-8 of <paramref name="value"/> in <paramref name="output"/>; its length.</summary>
    /// <param name="output">At least <see cref="MaxBytes"/> bytes.</param>
    /// <remarks>
    /// The units go 16 at a time: narrowed with saturation (any unit above 0xFF becomes 0xFF) and written as 16 bytes
    /// at once; the test for "written as it is" is made once on the 16 bytes (a unit from 0x80 to 0xFF stays itself
    /// and fails it too). The bytes from the first unit that fails are then overwritten: an ASCII character by its
    /// escape, right there in the loop (a message's line breaks come every few dozen characters), anything else by
    /// <see cref="WriteOther"/>. The last units, fewer than 16 (all of a short value), are copied into a block padded
    /// with plain letters, and a mark after them stops the block there. The output has room for every block: it holds
    /// 6 bytes per unit still to come and 16 more.
    /// </remarks>
    public static int Quote(ReadOnlySpan<char> value, Span<byte> output)
    {
        output[0] = (byte)'"';
        var at = 1;
        var i = 0;
        var length = value.Length;
        Span<char> tail = stackalloc char[Vector128<byte>.Count];
        ref var units = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(value));
        ref var padded = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(tail));
        ref var bytes = ref MemoryMarshal.GetReference(output);
        while (i < length)
        {
            var left = length - i;
            Vector128<byte> narrow;
            if (left >= Vector128<byte>.Count)
            {
                narrow = Vector128.NarrowWithSaturation(
                    Vector128.LoadUnsafe(ref units, (nuint)i),
                    Vector128.LoadUnsafe(ref units, (nuint)(i + Vector128<ushort>.Count)));
            }
            else
            {
                tail.Fill('a');
                value[i..].CopyTo(tail);
                narrow = Vector128.NarrowWithSaturation(
                    Vector128.LoadUnsafe(ref padded),
                    Vector128.LoadUnsafe(ref padded, (nuint)Vector128<ushort>.Count));
            }

            narrow.StoreUnsafe(ref bytes, (nuint)at);
            var special = Special(narrow).ExtractMostSignificantBits();
            if (left < Vector128<byte>.Count)
            {
                special |= 1u << left;
            }

            if (special == 0)
            {
                i += Vector128<byte>.Count;
                at += Vector128<byte>.Count;
                continue;
            }

            var plain = BitOperations.TrailingZeroCount(special);
            i += plain;
            at += plain;
            if (i == length)
            {
                break;
            }

            var c = value[i];
            if (c == '\n')
            {
                // The most frequent by far: every line of a message ends with one.
                output[at] = (byte)'\\';
                output[at + 1] = (byte)'n';
                at += 2;
                i++;
            }
            else if (c < 0x80)
            {
                at = WriteEscape(output, at, c);
                i++;
            }
            else
            {
                (i, at) = WriteOther(value, i, output, at);
            }
        }

        output[at++] = (byte)'"';
        return at;
    }

    /// <summary>
    /// Writes the character at <paramref name="i"/>, which is not ASCII, and any run of such characters the encoder
    /// allows after it, at <paramref name="at"/>; returns the indexes after them in the value and in the output.
    /// </summary>
    private static (int Next, int At) WriteOther(ReadOnlySpan<char> value, int i, Span<byte> output, int at)
    {
        var c = value[i];

        // Other characters the encoder allows go out as UTF-8, a run at a time.
        var allowed = i;
        while (allowed < value.Length && value[allowed] >= 0x80 && !char.IsSurrogate(value[allowed]) && !Encoder.WillEncode(value[allowed]))
        {
            allowed++;
        }

        if (allowed > i)
        {
            Utf8.FromUtf16(value[i..allowed], output[at..], out _, out var written);
            return (allowed, at + written);
        }

        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
        {
            if (Encoder.WillEncode(char.ConvertToUtf32(c, value[i + 1])))
            {
                at = WriteEscape(output, at, c);
                at = WriteEscape(output, at, value[i + 1]);
            }
            else
            {
                Utf8.FromUtf16(value.Slice(i, 2), output[at..], out _, out var written);
                at += written;
            }

            return (i + 2, at);
        }

        // An unpaired surrogate is escaped as the replacement character; anything else escaped as itself.
        return (i + 1, WriteEscape(output, at, char.IsSurrogate(c) ? '\uFFFD' : c));
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
