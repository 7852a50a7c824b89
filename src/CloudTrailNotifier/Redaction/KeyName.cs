namespace CloudTrailNotifier.Redaction;

/// <summary>
/// A key name as the rules read it: JSON escapes decoded (<c>"pass\u0077ord"</c> is <c>password</c>), fullwidth forms as
/// their ASCII characters (<c>ｐａｓｓｗｏｒｄ</c> is <c>password</c>), and each other character beyond ASCII as it is (the
/// ASCII rules pass over it; the key words of other languages read it, <see cref="RedactionRules.ForeignFragments"/>).
/// A name as written in JSON, the same name decoded to UTF-8 and the same name as text therefore read alike, so their
/// verdicts cannot differ.
/// </summary>
internal static class KeyName
{
    /// <summary>Decodes a JSON property name as written (UTF-8, escapes as they stand); stops when the destination is full.</summary>
    /// <returns>The number of characters written.</returns>
    public static int Decode(ReadOnlySpan<byte> utf8, Span<char> destination)
    {
        var length = 0;
        var i = 0;
        Span<char> units = stackalloc char[2];
        while (i < utf8.Length && length < destination.Length)
        {
            var b = utf8[i];
            if (b < 0x80 && b != (byte)'\\')
            {
                destination[length++] = (char)b;
                i++;
            }
            else if (b == (byte)'\\')
            {
                if (i + 5 < utf8.Length && utf8[i + 1] == (byte)'u' && TryHex(utf8.Slice(i + 2, 4), out var code))
                {
                    destination[length++] = Narrow((char)code);
                    i += 6;
                }
                else
                {
                    destination[length++] = i + 1 < utf8.Length ? Unescape(utf8[i + 1]) : '\\';
                    i += 2;
                }
            }
            else if (b == 0xEF && i + 2 < utf8.Length && utf8[i + 1] is 0xBC or 0xBD && utf8[i + 2] is >= 0x80 and < 0xC0)
            {
                // Three bytes of U+FF00-U+FF7F: a fullwidth form is read as its ASCII character.
                destination[length++] = Narrow((char)(0xF000 | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F)));
                i += 3;
            }
            else
            {
                // A character beyond ASCII as it is (key words in other languages: パスワード, пароль), one UTF-16 unit
                // at a time, so a name cut by a full destination is cut where its text would be.
                System.Text.Rune.DecodeFromUtf8(utf8[i..], out var rune, out var consumed);
                i += Math.Max(consumed, 1);
                var count = rune.EncodeToUtf16(units);
                destination[length++] = units[0];
                if (count == 2 && length < destination.Length)
                {
                    destination[length++] = units[1];
                }
            }
        }

        return length;
    }

    /// <summary>Copies a key given as text, fullwidth forms as ASCII and each other character as it is; stops when the destination is full.</summary>
    /// <returns>The number of characters written.</returns>
    public static int Copy(ReadOnlySpan<char> key, Span<char> destination)
    {
        var length = Math.Min(key.Length, destination.Length);
        for (var i = 0; i < length; i++)
        {
            destination[i] = Narrow(key[i]);
        }

        return length;
    }

    /// <summary>A fullwidth form as its ASCII character, any other as it is.</summary>
    private static char Narrow(char c) => TextEncodedKeys.Narrow(c);

    /// <summary>The character a two-character escape stands for (the parser let through only these).</summary>
    private static char Unescape(byte escaped) => escaped switch
    {
        (byte)'b' => '\b',
        (byte)'f' => '\f',
        (byte)'n' => '\n',
        (byte)'r' => '\r',
        (byte)'t' => '\t',
        (byte)'u' => ' ', // a \u without four hex digits (the parser refuses it): spells nothing
        < 0x80 => (char)escaped, // \" \\ \/
        _ => ' ',
    };

    private static bool TryHex(ReadOnlySpan<byte> digits, out int code)
    {
        code = 0;
        foreach (var d in digits)
        {
            var value = d switch
            {
                >= (byte)'0' and <= (byte)'9' => d - '0',
                >= (byte)'a' and <= (byte)'f' => d - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => d - 'A' + 10,
                _ => -1,
            };
            if (value < 0)
            {
                return false;
            }

            code = (code << 4) | value;
        }

        return true;
    }
}
