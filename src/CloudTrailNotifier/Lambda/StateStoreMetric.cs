using System.Text.Json;

namespace CloudTrailNotifier.Lambda;

/// <summary>
/// CloudWatch's embedded metric format on the log line itself: <c>CloudTrailNotifier/StateStoreSkipped</c> counts
/// the events notified without the state table (fail open). No API call; the template alarms on it.
/// </summary>
internal static class StateStoreMetric
{
    public const string Namespace = "CloudTrailNotifier";
    public const string Name = "StateStoreSkipped";

    public static void Write(Utf8JsonWriter writer, TimeProvider clock)
    {
        writer.WriteStartObject("_aws");
        writer.WriteNumber("Timestamp", clock.GetUtcNow().ToUnixTimeMilliseconds());
        writer.WriteStartArray("CloudWatchMetrics");
        writer.WriteStartObject();
        writer.WriteString("Namespace", Namespace);
        writer.WriteStartArray("Dimensions");
        writer.WriteStartArray();
        writer.WriteEndArray();
        writer.WriteEndArray();
        writer.WriteStartArray("Metrics");
        writer.WriteStartObject();
        writer.WriteString("Name", Name);
        writer.WriteString("Unit", "Count");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteNumber(Name, 1);
    }
}
