using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing.Tampering;

/// <summary>
/// Recognises tampering in one event: a call of <see cref="TamperActions"/> on any trail, or on a resource
/// <see cref="TamperWatch"/> knows as the stack's own. Pure.
/// </summary>
internal static class TamperDetector
{
    public static TamperFinding? Detect(CloudTrailEvent evt, TamperWatch watch)
    {
        if (TamperActions.Find(evt.EventSource, evt.EventName) is not { } action)
        {
            return null;
        }

        var parameters = JsonFields.AsObject(evt.RequestParameters);
        foreach (var value in Values(parameters, action.ParameterKeys))
        {
            if (watch.Watches(action.Target, value, evt.RecipientAccount, evt.Region))
            {
                return new TamperFinding(action.Target, ShortName(action.Target, value), value);
            }
        }

        // A trail call is tampering even when the request names no trail that can be read.
        return action.Target == TamperTargetKind.Trail ? new TamperFinding(action.Target, null, null) : null;
    }

    private static IEnumerable<string> Values(JsonElement? parameters, string[] keys)
    {
        if (parameters is not { } p)
        {
            yield break;
        }

        foreach (var key in keys)
        {
            if (!JsonFields.TryGet(p, key, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String && JsonFields.Text(value) is { Length: > 0 } text)
            {
                yield return text;
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && JsonFields.Text(item) is { Length: > 0 } element)
                    {
                        yield return element;
                    }
                }
            }
        }
    }

    private static string ShortName(TamperTargetKind kind, string value) => kind switch
    {
        TamperTargetKind.Trail or TamperTargetKind.Rule => value.LastIndexOf('/') is var at and >= 0 ? value[(at + 1)..] : value,
        TamperTargetKind.Function => TamperWatch.FunctionName(value),
        TamperTargetKind.Topic => value.LastIndexOf(':') is var at and >= 0 ? value[(at + 1)..] : value,
        TamperTargetKind.Subscription => SubscriptionTopic(value),
        TamperTargetKind.Queue => value.LastIndexOf('/') is var at and >= 0 ? value[(at + 1)..] : value,
        TamperTargetKind.Key => TamperWatch.KeyName(value),
        TamperTargetKind.Table => value.LastIndexOf('/') is var at and >= 0 ? value[(at + 1)..] : value,
        _ => value,
    };

    /// <summary>The topic name of TOPIC_ARN:SUBSCRIPTION_ID.</summary>
    private static string SubscriptionTopic(string value)
    {
        var parts = value.Split(':');
        return parts.Length >= 7 ? parts[5] : value;
    }
}
