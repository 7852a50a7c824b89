using System.Globalization;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// What a CloudTrail Insights event says (<c>eventType: AwsCloudTrailInsight</c>): which call ran at an unusual rate
/// (or failed at one), whether the unusual activity starts or ends, and the rates per minute against the baseline.
/// Such a record has no caller, no eventName and no eventSource of its own; they are in <c>insightDetails</c>.
/// </summary>
internal sealed record InsightFacts(string? EventSource, string? EventName, bool Ended, bool ErrorRate, string? Rate, string? Baseline, string? Minutes)
{
    public const string EventType = "AwsCloudTrailInsight";

    /// <summary>The error of an error-rate insight (<c>insightDetails.errorCode</c>); untrusted text.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The top callers, clients and error codes of the unusual activity, with their usual rates.</summary>
    public IReadOnlyList<InsightAttribution> Attributions { get; init; } = [];

    /// <summary>The insight of an Insights event; null for every other event.</summary>
    public static InsightFacts? Read(CloudTrailEvent evt)
    {
        if (evt.EventType != EventType || !JsonFields.TryGet(evt.Record, "insightDetails", out var details)
            || JsonFields.AsObject(details) is not { } d)
        {
            return null;
        }

        var insightContext = JsonFields.TryGet(d, "insightContext", out var context) ? JsonFields.AsObject(context) : null;
        var statistics = insightContext is { } c && JsonFields.TryGet(c, "statistics", out var s) && JsonFields.AsObject(s) is { } stats
            ? stats
            : (System.Text.Json.JsonElement?)null;
        return new InsightFacts(
            JsonFields.String(d, "eventSource"),
            JsonFields.String(d, "eventName"),
            string.Equals(JsonFields.String(d, "state"), "End", StringComparison.OrdinalIgnoreCase),
            string.Equals(JsonFields.String(d, "insightType"), "ApiErrorRateInsight", StringComparison.Ordinal),
            Average(statistics, "insight"),
            Average(statistics, "baseline"),
            statistics is { } st ? Number(JsonFields.TryGet(st, "insightDuration", out var minutes) ? JsonFields.Scalar(minutes) : null) : null)
        {
            ErrorCode = JsonFields.String(d, "errorCode"),
            Attributions = InsightAttribution.Read(insightContext),
        };
    }

    /// <summary><c>statistics.NAME.average</c>, formatted by this program (never the event's text).</summary>
    private static string? Average(System.Text.Json.JsonElement? statistics, string name) =>
        statistics is { } s && JsonFields.TryGet(s, name, out var block) && JsonFields.AsObject(block) is { } b
        && JsonFields.TryGet(b, "average", out var average)
            ? Number(JsonFields.Scalar(average))
            : null;

    /// <summary>A rate as this program writes it (up to four decimals); null for anything that is not a finite, non-negative number.</summary>
    public static string? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0
            ? value.ToString("0.####", CultureInfo.InvariantCulture)
            : null;
}
