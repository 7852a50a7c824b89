using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Input;

namespace CloudTrailNotifier.Redrive;

/// <summary>
/// Finds the event in a dead-letter message, pure. Three senders put messages in the stack's queue: Lambda's
/// on-failure destination (an invocation record with the event as <c>requestPayload</c>), the EventBridge rules'
/// dead-letter configuration (the event itself, with <c>ERROR_CODE</c>/<c>RULE_ARN</c>/... attributes) and, where a
/// function has a <c>DeadLetterConfig</c>, Lambda's asynchronous dead-letter queue (the event itself, with
/// <c>ErrorCode</c>/<c>ErrorMessage</c>/<c>RequestID</c> attributes). An event that cannot be interpreted is still an
/// event (it gets the fallback notification); only a message with no event at all is unreadable.
/// </summary>
internal static class DeadLetterReader
{
    private const int MaxCodeChars = 64;

    public static DeadLetterContent Read(DeadLetter message) => Read(message.Body, message.Attributes);

    public static DeadLetterContent Read(string body, IReadOnlyDictionary<string, string> attributes)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, InputReader.Options);
        }
        catch (JsonException)
        {
            // No position, no parser text: either could quote the body.
            return DeadLetterContent.Unreadable("the body is not JSON, so it holds no event");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return DeadLetterContent.Unreadable("the body is JSON but not an object, so it holds no event");
            }

            return IsInvocationRecord(root)
                ? FromInvocationRecord(root)
                : FromEvent(root, bytes, attributes);
        }
    }

    /// <summary>Lambda's record: <c>requestContext</c> beside <c>requestPayload</c> or <c>responseContext</c>; no event has these at its top.</summary>
    private static bool IsInvocationRecord(JsonElement root) =>
        JsonFields.Object(root, "requestContext") is not null
        && (JsonFields.TryGet(root, "requestPayload", out _) || JsonFields.TryGet(root, "responseContext", out _));

    private static DeadLetterContent FromInvocationRecord(JsonElement record)
    {
        var condition = Code(JsonFields.Object(record, "requestContext") is { } context ? JsonFields.String(context, "condition") : null);
        if (!JsonFields.TryGet(record, "requestPayload", out var payload) || payload.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return DeadLetterContent.Unreadable("a Lambda on-failure record without the event (no requestPayload)");
        }

        // A payload that was not JSON when Lambda received it is recorded as a string: its text is what the function got.
        var eventBytes = payload.ValueKind == JsonValueKind.String
            ? Encoding.UTF8.GetBytes(JsonFields.Text(payload))
            : JsonMarshal.GetRawUtf8Value(payload).ToArray();
        if (payload.ValueKind == JsonValueKind.Object && IsScheduledEvent(payload))
        {
            return DeadLetterContent.Unreadable(SweepTrigger);
        }

        return new DeadLetterContent(DeadLetterOrigin.LambdaFailureRecord, eventBytes, condition, null);
    }

    private static DeadLetterContent FromEvent(JsonElement root, byte[] bytes, IReadOnlyDictionary<string, string> attributes)
    {
        if (IsScheduledEvent(root))
        {
            return DeadLetterContent.Unreadable(SweepTrigger);
        }

        if (attributes.ContainsKey("RULE_ARN") || attributes.ContainsKey("ERROR_CODE") || attributes.ContainsKey("TARGET_ARN"))
        {
            return new DeadLetterContent(DeadLetterOrigin.RuleDeadLetter, bytes, Code(attributes.GetValueOrDefault("ERROR_CODE")), null);
        }

        if (attributes.ContainsKey("RequestID") || attributes.ContainsKey("ErrorCode"))
        {
            return new DeadLetterContent(DeadLetterOrigin.LambdaDeadLetter, bytes, Code(attributes.GetValueOrDefault("ErrorCode")), null);
        }

        return new DeadLetterContent(DeadLetterOrigin.Event, bytes, null, null);
    }

    private const string SweepTrigger =
        "a digest-sweep trigger (Scheduled Event from aws.events), not a CloudTrail event: nothing to notify "
        + "(the next sweep sends what is due); delete it by hand";

    /// <summary>The noise-control sweep's schedule: its failed invocations land in the same queue.</summary>
    private static bool IsScheduledEvent(JsonElement root) =>
        JsonFields.String(root, "detail-type") == "Scheduled Event" && JsonFields.String(root, "source") == "aws.events";

    /// <summary>An AWS error code or condition, shown only when it looks like one (letters, digits, <c>_</c>, <c>.</c>, <c>-</c>).</summary>
    private static string? Code(string? value) =>
        value is { Length: > 0 and <= MaxCodeChars } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')
            ? value
            : null;
}
