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
        var utc = time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
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

    public static bool IsUtc(TimeZoneInfo zone) =>
        zone == TimeZoneInfo.Utc || (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime);
}
