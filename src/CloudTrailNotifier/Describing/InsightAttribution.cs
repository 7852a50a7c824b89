using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// Who and what stood behind an Insights event: the top callers, clients or error codes of the unusual activity
/// (<c>insightContext.attributions</c>), each matched with its own rate in the baseline, so a reader sees at once
/// whether the calls come from the usual role at a higher rate or from someone new.
/// </summary>
internal sealed record InsightAttribution(InsightAttributeKind Kind, IReadOnlyList<InsightContributor> Contributors)
{
    /// <summary>The most values kept of one attribution (CloudTrail lists its top five).</summary>
    public const int MaxContributors = 5;

    /// <summary>The attributions of the kinds this program knows, in the order recorded; unknown kinds and empty ones are left out.</summary>
    public static IReadOnlyList<InsightAttribution> Read(JsonElement? context)
    {
        if (context is not { } c || JsonFields.Array(c, "attributions") is not { } attributions)
        {
            return [];
        }

        var read = new List<InsightAttribution>();
        foreach (var item in attributions.EnumerateArray())
        {
            if (JsonFields.AsObject(item) is not { } attribution || KindOf(JsonFields.String(attribution, "attribute")) is not { } kind
                || read.Exists(a => a.Kind == kind))
            {
                continue;
            }

            var usual = Rates(JsonFields.Array(attribution, "baseline"));
            var contributors = new List<InsightContributor>();
            foreach (var (value, rate) in Rates(JsonFields.Array(attribution, "insight")))
            {
                if (contributors.Count == MaxContributors)
                {
                    break;
                }

                contributors.Add(new InsightContributor(value, rate, usual.Find(u => u.Value == value).Rate));
            }

            if (contributors.Count > 0)
            {
                read.Add(new InsightAttribution(kind, contributors));
            }
        }

        return read;
    }

    private static InsightAttributeKind? KindOf(string? attribute) => attribute switch
    {
        "userIdentityArn" => InsightAttributeKind.Caller,
        "userAgent" => InsightAttributeKind.Client,
        "errorCode" => InsightAttributeKind.ErrorCode,
        _ => null,
    };

    /// <summary>
    /// A value as recorded, keeping the text <c>null</c> (and reading a JSON null as it) that an error-code breakdown
    /// writes for calls that succeeded; null for a blank, an object or an array.
    /// </summary>
    private static string? ValueOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonFields.Text(value) is { Length: > 0 } text ? text : null,
        JsonValueKind.Null => "null",
        _ => JsonFields.Scalar(value),
    };

    /// <summary>The <c>{"value", "average"}</c> entries of a list that have a value, in order.</summary>
    private static List<(string Value, string? Rate)> Rates(JsonElement? list)
    {
        var rates = new List<(string Value, string? Rate)>();
        if (list is not { } l)
        {
            return rates;
        }

        foreach (var entry in l.EnumerateArray())
        {
            if (JsonFields.AsObject(entry) is { } e && JsonFields.TryGet(e, "value", out var v) && ValueOf(v) is { } value)
            {
                rates.Add((value, JsonFields.TryGet(e, "average", out var average) ? InsightFacts.Number(JsonFields.Scalar(average)) : null));
            }
        }

        return rates;
    }
}
