using System.Globalization;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// The summary's "When" value on one line: the UTC time, then the local time folded in brackets (its date
/// only when it differs from the UTC date), so nothing has to be lined up under anything.
/// </summary>
internal static class WhenPhrase
{
    public static string Describe(DateTimeOffset time, TimeZoneInfo zone)
    {
        var utc = Utc(time);
        if (IsUtc(zone))
        {
            return utc;
        }

        var local = TimeZoneInfo.ConvertTime(time, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var localText = local.Date == time.UtcDateTime.Date
            ? local.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{utc} ({localText} {zone.Id}, UTC{sign}{offset.Duration():hh\\:mm})");
    }

    /// <summary>"2024-05-01 09:30:00 UTC": what the format "yyyy-MM-dd HH:mm:ss 'UTC'" gives, written digit by digit.</summary>
    public static string Utc(DateTimeOffset time) => string.Create(23, time.UtcDateTime, static (text, utc) =>
    {
        Digits(text[..4], utc.Year);
        text[4] = '-';
        Digits(text.Slice(5, 2), utc.Month);
        text[7] = '-';
        Digits(text.Slice(8, 2), utc.Day);
        text[10] = ' ';
        Digits(text.Slice(11, 2), utc.Hour);
        text[13] = ':';
        Digits(text.Slice(14, 2), utc.Minute);
        text[16] = ':';
        Digits(text.Slice(17, 2), utc.Second);
        " UTC".CopyTo(text[19..]);
    });

    private static void Digits(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    public static bool IsUtc(TimeZoneInfo zone) =>
        zone == TimeZoneInfo.Utc || (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime);
}
