using System.Globalization;
using System.Text.Json;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.LogFiles;

/// <summary>
/// The <c>--since</c>/<c>--until</c> window on the event time, in UTC: <c>since &lt;= eventTime &lt; until</c>. A date
/// alone is a whole day: <c>--since 2026-11-30</c> starts at its midnight, <c>--until 2026-11-30</c> takes in all of it.
/// </summary>
internal sealed record TimeWindow(DateTimeOffset? Since, DateTimeOffset? Until)
{
    public const string SinceFlag = "--since";
    public const string UntilFlag = "--until";

    public static TimeWindow All { get; } = new(null, null);

    public bool IsBounded => Since is not null || Until is not null;

    /// <summary>Parses the two flags (null: not given). Each is an ISO 8601 date or date-time; without an offset it is UTC.</summary>
    public static bool TryParse(string? since, string? until, out TimeWindow window, out string? problem)
    {
        window = All;
        problem = null;
        DateTimeOffset? from = null;
        DateTimeOffset? to = null;
        if (since is not null && !TryParseBound(since, endOfDay: false, out from))
        {
            problem = $"{SinceFlag}: not an ISO 8601 date or date-time (UTC): '{since}'; e.g. 2026-11-30 or 2026-11-30T09:00:00Z";
            return false;
        }

        if (until is not null && !TryParseBound(until, endOfDay: true, out to))
        {
            problem = $"{UntilFlag}: not an ISO 8601 date or date-time (UTC): '{until}'; e.g. 2026-11-30 or 2026-11-30T18:00:00Z";
            return false;
        }

        if (from is not null && to is not null && from >= to)
        {
            problem = $"{SinceFlag} must be earlier than {UntilFlag}";
            return false;
        }

        window = new TimeWindow(from, to);
        return true;
    }

    public bool Contains(DateTimeOffset time) => (Since is null || time >= Since) && (Until is null || time < Until);

    /// <summary>Whether the event's time (the record's eventTime, else the envelope's time) is in the window; null when it has none readable.</summary>
    public bool? Contains(JsonElement evt)
    {
        var text = CloudTrailEvent.TryCreate(evt, out var cloudTrailEvent, out _) ? cloudTrailEvent.TimeText : null;
        return EventTimes.Parse(text) is { } time ? Contains(time) : null;
    }

    private static bool TryParseBound(string text, bool endOfDay, out DateTimeOffset? bound)
    {
        bound = null;
        var trimmed = text.Trim();
        const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, Utc, out var day))
        {
            bound = endOfDay ? day.AddDays(1) : day;
            return true;
        }

        string[] formats =
        [
            "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
            "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm",
        ];
        if (DateTimeOffset.TryParseExact(trimmed, formats, CultureInfo.InvariantCulture, Utc, out var moment))
        {
            bound = moment;
            return true;
        }

        return false;
    }
}
