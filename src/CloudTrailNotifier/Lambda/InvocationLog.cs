using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Lambda;

/// <summary>
/// One JSON line per invocation in Lambda's JSON log shape (timestamp, level, message, requestId) plus what
/// happened: eventId, eventName, <c>apiCallOutcome</c> (what the CloudTrail call did: succeeded, denied, ...),
/// <c>invocationResult</c> (what this invocation did: published, failed, ...), MessageId or error, duration.
/// Never the event, never credentials.
/// </summary>
internal sealed class InvocationLog(TextWriter output, TimeProvider clock)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Invocation(Invocation invocation, InvocationResult result, TimeSpan duration)
    {
        var notification = result.Notification;
        var (level, message) = result.Kind switch
        {
            InvocationResultKind.Failed => ("ERROR", "invocation failed"),
            InvocationResultKind.DryRun => ("INFO", "dry run: nothing published"),
            InvocationResultKind.PublishedMessageIdUnknown => ("WARN", "published; MessageId unknown"),
            InvocationResultKind.Duplicate => ("INFO", "duplicate: already handled, nothing sent"),
            InvocationResultKind.Folded => ("INFO", "folded into a digest"),
            InvocationResultKind.Swept => ("INFO", "digest sweep"),
            _ => ("INFO", "published"),
        };
        Write(level, message, writer =>
        {
            writer.WriteString("requestId", invocation.RequestId);
            WriteIfPresent(writer, "eventId", notification?.EventId);
            WriteIfPresent(writer, "eventName", Attribute(notification, "eventName"));
            WriteIfPresent(writer, "apiCallOutcome", Attribute(notification, "outcome"));
            writer.WriteString("invocationResult", ResultName(result.Kind));
            WriteIfPresent(writer, "messageId", result.MessageId);
            WriteIfPresent(writer, "note", result.Note);
            WriteIfPresent(writer, "stateStore", result.StateStore);
            if (result.StateStore == "skipped")
            {
                StateStoreMetric.Write(writer, clock);
            }

            WriteIfPresent(writer, "errorType", result.Error?.ErrorType);
            WriteIfPresent(writer, "errorMessage", result.Error?.ErrorMessage);
            writer.WriteNumber("durationMs", Math.Round(duration.TotalMilliseconds, 3));
        });
    }

    /// <summary>A line about the runtime itself (configuration errors, a Runtime API failure, a start notice).</summary>
    public void Runtime(string level, string message, FunctionError? error = null) =>
        Write(level, message, writer =>
        {
            WriteIfPresent(writer, "errorType", error?.ErrorType);
            WriteIfPresent(writer, "errorMessage", error?.ErrorMessage);
        });

    public static string ResultName(InvocationResultKind kind) => kind switch
    {
        InvocationResultKind.Published => "published",
        InvocationResultKind.PublishedMessageIdUnknown => "published-message-id-unknown",
        InvocationResultKind.DryRun => "dry-run",
        InvocationResultKind.Duplicate => "duplicate",
        InvocationResultKind.Folded => "folded",
        InvocationResultKind.Swept => "swept",
        _ => "failed",
    };

    private void Write(string level, string message, Action<Utf8JsonWriter> fields)
    {
        var line = JsonBytes.WriteString(WriterOptions, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("level", level);
            writer.WriteString("message", message);
            fields(writer);
            writer.WriteEndObject();
        });

        output.Write(line + "\n");
        output.Flush();
    }

    private static string? Attribute(Notification? notification, string name) =>
        notification?.Attributes.FirstOrDefault(a => a.Name == name).Value;

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
