namespace CloudTrailNotifier.Input;

/// <summary>
/// Recognises text that is not UTF-8 (UTF-16 or UTF-32, with or without a byte order mark), which editors on
/// Windows and PowerShell's <c>&gt;</c> redirection write, so the user is told to save it as UTF-8 rather than
/// that it is not JSON. Pure.
/// </summary>
internal static class TextEncodingCheck
{
    /// <summary>A sentence naming the encoding found, or null when the bytes may be UTF-8.</summary>
    public static string? DescribeNonUtf8(ReadOnlySpan<byte> data)
    {
        var encoding = Detect(data);
        return encoding is null
            ? null
            : $"the input is {encoding} text; events are read as UTF-8, so save or convert the file as UTF-8 (for example: iconv -f {encoding} -t UTF-8)";
    }

    private static string? Detect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return "UTF-32LE";
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return "UTF-32BE";
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return "UTF-16LE";
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "UTF-16BE";
        }

        // Without a byte order mark: JSON starts with an ASCII character, so UTF-16 shows a zero byte beside it
        // (and UTF-32 three). A zero byte never occurs in UTF-8 JSON text.
        if (data.Length >= 4 && data[0] != 0 && data[1] == 0 && data[2] == 0 && data[3] == 0)
        {
            return "UTF-32LE";
        }

        if (data.Length >= 4 && data[0] == 0 && data[1] == 0 && data[2] == 0 && data[3] != 0)
        {
            return "UTF-32BE";
        }

        if (data.Length >= 2 && data[0] != 0 && data[1] == 0)
        {
            return "UTF-16LE";
        }

        if (data.Length >= 2 && data[0] == 0 && data[1] != 0)
        {
            return "UTF-16BE";
        }

        return null;
    }
}
