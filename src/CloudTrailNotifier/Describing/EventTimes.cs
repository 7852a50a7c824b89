using System.Globalization;

namespace CloudTrailNotifier.Describing;

/// <summary>Parses the time formats CloudTrail and its sample data use; all are UTC.</summary>
internal static class EventTimes
{
    private static readonly string[] BasicFormats = ["yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd'T'HHmmss"];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return null;
        }

        if (TryParseCloudTrail(text, out var exact))
        {
            return exact;
        }

        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParseExact(text, BasicFormats, CultureInfo.InvariantCulture, Styles, out var basic))
        {
            return basic;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out var parsed))
        {
            return parsed;
        }

        // Epoch milliseconds or seconds, which some exporters write.
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            try
            {
                return number > 100_000_000_000
                    ? DateTimeOffset.FromUnixTimeMilliseconds(number)
                    : DateTimeOffset.FromUnixTimeSeconds(number);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// CloudTrail's own form, <c>2024-05-01T12:34:56Z</c>, read digit by digit: what the general parse below gives
    /// for it, without its cost. Anything else (fractions, offsets, a day the month lacks) is left to the general parse.
    /// </summary>
    private static bool TryParseCloudTrail(string text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || text[19] != 'Z')
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = value * 10 + digit;
        }

        return true;
    }
}
