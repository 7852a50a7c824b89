using System.Globalization;

namespace CloudTrailNotifier.LogFiles;

/// <summary>
/// CloudTrail's key layout, <c>[TRAIL-PREFIX/]AWSLogs/[o-ORG/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/FILE</c>, where the
/// date is the day (UTC) the file was delivered. Pure: which level a folder is, and which day folders a window needs.
/// </summary>
internal static class CloudTrailKeyLayout
{
    public const string AwsLogs = "AWSLogs";

    /// <summary>
    /// A file may hold records from any time before its delivery, usually minutes before: the day folder after the
    /// window's last day is read too, so an event of 23:58 delivered at 00:05 is not missed.
    /// </summary>
    public static readonly TimeSpan DeliveryAllowance = TimeSpan.FromDays(1);

    /// <summary>Up to this many days the day folders are named directly; a longer window is found by listing years and months.</summary>
    public const int MaxNamedDays = 31;

    /// <summary>The level of <paramref name="prefix"/>; only a prefix that ends in <c>/</c> (or is empty) can be a level of the layout.</summary>
    public static KeyLevel Level(string prefix)
    {
        if (prefix.Length == 0)
        {
            return KeyLevel.AboveAwsLogs;
        }

        if (!prefix.EndsWith('/'))
        {
            return KeyLevel.Outside;
        }

        var segments = prefix[..^1].Split('/');
        var awsLogs = Array.LastIndexOf(segments, AwsLogs);
        if (awsLogs < 0)
        {
            return KeyLevel.AboveAwsLogs;
        }

        var rest = segments.AsSpan(awsLogs + 1);
        if (rest.IsEmpty)
        {
            return KeyLevel.AwsLogs;
        }

        if (IsOrganization(rest[0]))
        {
            if (rest.Length == 1)
            {
                return KeyLevel.Organization;
            }

            rest = rest[1..];
        }

        if (!IsAccount(rest[0]))
        {
            return KeyLevel.Outside;
        }

        return rest.Length switch
        {
            1 => KeyLevel.Account,
            2 when rest[1] == "CloudTrail" => KeyLevel.CloudTrail,
            3 when rest[1] == "CloudTrail" && rest[2].Length > 0 => KeyLevel.Region,
            _ => KeyLevel.Outside,
        };
    }

    /// <summary>Whether a folder found below a level of <paramref name="parent"/> is worth going into for CloudTrail logs.</summary>
    public static bool Follows(KeyLevel parent, string child) => (parent, Level(child)) switch
    {
        (KeyLevel.AboveAwsLogs, KeyLevel.AboveAwsLogs or KeyLevel.AwsLogs) => true,
        (KeyLevel.AwsLogs, KeyLevel.Organization or KeyLevel.Account) => true,
        (KeyLevel.Organization, KeyLevel.Account) => true,
        (KeyLevel.Account, KeyLevel.CloudTrail) => true,
        (KeyLevel.CloudTrail, KeyLevel.Region) => true,
        _ => false,
    };

    /// <summary>
    /// The day folders under a Region folder that can hold events of the window (the delivery allowance included),
    /// oldest first; null when the window is open at the start or longer than <see cref="MaxNamedDays"/>.
    /// </summary>
    /// <param name="now">Ends a window open at the end: no file is delivered in the future.</param>
    public static IReadOnlyList<string>? DayFolders(string regionPrefix, TimeWindow window, DateTimeOffset now)
    {
        if (window.Since is not { } since)
        {
            return null;
        }

        var first = since.UtcDateTime.Date;
        var last = LastDay(window, now);
        if (last < first || (last - first).TotalDays >= MaxNamedDays)
        {
            return last < first ? [] : null;
        }

        var days = new List<string>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(regionPrefix + day.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture));
        }

        return days;
    }

    /// <summary>The last delivery day whose folder can hold events of the window.</summary>
    public static DateTime LastDay(TimeWindow window, DateTimeOffset now)
    {
        var end = window.Until is { } until ? until.AddTicks(-1) + DeliveryAllowance : now;
        return (end > now ? now : end).UtcDateTime.Date;
    }

    /// <summary>
    /// Whether a year, month or day folder below a Region folder (<c>2026/</c>, <c>2026/11/</c>, <c>2026/11/30/</c>) can
    /// hold events of the window; <paramref name="depth"/> says which (1, 2 or 3), 0 for a folder that is no date.
    /// </summary>
    public static bool DateFolderOverlaps(string regionPrefix, string folder, TimeWindow window, DateTimeOffset now, out int depth)
    {
        depth = 0;
        if (!folder.StartsWith(regionPrefix, StringComparison.Ordinal) || !folder.EndsWith('/'))
        {
            return false;
        }

        var parts = folder[regionPrefix.Length..^1].Split('/');
        if (parts.Length > 3 || parts.Length == 0)
        {
            return false;
        }

        var numbers = new int[3];
        int[] widths = [4, 2, 2];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length != widths[i] || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        var (year, month, day) = (numbers[0], parts.Length > 1 ? numbers[1] : 1, parts.Length > 2 ? numbers[2] : 1);
        if (year < 1 || year > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        depth = parts.Length;
        var from = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);
        var to = parts.Length switch
        {
            1 => from.AddYears(1),
            2 => from.AddMonths(1),
            _ => from.AddDays(1),
        };
        var first = window.Since?.UtcDateTime.Date ?? DateTime.MinValue;
        return from <= LastDay(window, now) && to > first;
    }

    private static bool IsAccount(string segment) => segment.Length == 12 && segment.All(char.IsAsciiDigit);

    private static bool IsOrganization(string segment) => segment.StartsWith("o-", StringComparison.Ordinal) && segment.Length > 2;
}
