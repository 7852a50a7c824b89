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
}
