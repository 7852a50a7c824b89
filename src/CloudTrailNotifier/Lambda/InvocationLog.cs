using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Lambda;

/// <summary>
/// One JSON line per invocation in Lambda's JSON log shape (timestamp, level, message, requestId) plus what
/// happened: eventID, eventName, outcome, MessageId or error, duration. Never the event, never credentials.
/// </summary>
internal sealed class InvocationLog(TextWriter output, TimeProvider clock)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Invocation(Invocation invocation, InvocationResult result, TimeSpan duration)
    {
        var notification = result.Notification;
        Write(result.Error is null ? "INFO" : "ERROR", result switch
        {
            { Error: not null } => "invocation failed",
            { DryRun: true } => "dry run: nothing published",
            _ => "published",
        }, writer =>
        {
            writer.WriteString("requestId", invocation.RequestId);
            WriteIfPresent(writer, "eventId", notification?.EventId);
            WriteIfPresent(writer, "eventName", Attribute(notification, "eventName"));
            WriteIfPresent(writer, "outcome", Attribute(notification, "outcome"));
            WriteIfPresent(writer, "messageId", result.MessageId);
            WriteIfPresent(writer, "errorType", result.Error?.ErrorType);
            WriteIfPresent(writer, "errorMessage", result.Error?.ErrorMessage);
            writer.WriteNumber("durationMs", Math.Round(duration.TotalMilliseconds, 3));
        });
    }

    /// <summary>A line about the runtime itself (configuration errors, a Runtime API failure).</summary>
    public void Runtime(string level, string message, FunctionError? error = null) =>
        Write(level, message, writer =>
        {
            WriteIfPresent(writer, "errorType", error?.ErrorType);
            WriteIfPresent(writer, "errorMessage", error?.ErrorMessage);
        });

    private void Write(string level, string message, Action<Utf8JsonWriter> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("level", level);
            writer.WriteString("message", message);
            fields(writer);
            writer.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n");
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
