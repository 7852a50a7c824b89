using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Input;

namespace CloudTrailNotifier.Folding;

/// <summary>
/// Reads what folding needs from an event, pure and total. Only identifiers are kept (ARNs, names, ids, addresses,
/// user agents): never a request value. The function reads them from the event as the notifier redacted it
/// (<see cref="Notifications.Notifier"/> hands them over with the notification), so what the state table stores and a
/// digest shows went through the same redaction as the notification. Hostile strings (half a surrogate pair escaped,
/// in a value or a name) are read as written, as everywhere else (<see cref="JsonFields"/>): nothing here throws.
/// </summary>
internal static class FoldEventReader
{
    private const int MaxChars = 256;

    /// <summary>EventBridge's envelope for a schedule: <c>detail-type: Scheduled Event</c> from <c>aws.events</c>.</summary>
    public static bool IsScheduledEvent(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray(), InputReader.Options);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && JsonFields.String(root, "detail-type") == "Scheduled Event"
                && JsonFields.String(root, "source") == "aws.events";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The fold facts of an event's bytes as they are (tests and benchmarks; the function reads the redacted event).</summary>
    public static FoldEvent? Read(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json, InputReader.Options);
            return Read(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The event's fold facts; null when it has no id to tell a duplicate by (it is then sent as today).</summary>
    public static FoldEvent? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var detail = JsonFields.TryGet(root, "detail", out var d) && d.ValueKind == JsonValueKind.Object ? d : root;
        var eventId = Short(JsonFields.String(detail, "eventID"));
        var key = eventId ?? Short(JsonFields.String(root, "id"));
        if (key is null)
        {
            return null;
        }

        var caller = FoldCallers.Read(detail);
        var identity = Identity(root, detail, caller);
        DateTimeOffset? time = DateTimeOffset.TryParse(JsonFields.String(detail, "eventTime"), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        return new FoldEvent(key, GroupKey(identity), identity, time,
            Short(JsonFields.String(detail, "sourceIPAddress")), Short(JsonFields.String(detail, "userAgent")), eventId,
            Session: caller.Session, RatePrincipal: caller.RatePrincipal);
    }

    /// <summary>The group an event belongs to (an EventBridge envelope or a bare record), also when it has no id.</summary>
    public static GroupIdentity Identity(JsonElement root)
    {
        var detail = JsonFields.TryGet(root, "detail", out var d) && d.ValueKind == JsonValueKind.Object ? d : root;
        return Identity(root, detail, FoldCallers.Read(detail));
    }

    private static GroupIdentity Identity(JsonElement root, JsonElement detail, FoldCaller caller) => new(
        Short(JsonFields.String(detail, "recipientAccountId") ?? JsonFields.String(root, "account")) ?? "",
        caller.Principal,
        Short(JsonFields.String(detail, "eventSource")) ?? "",
        Short(JsonFields.String(detail, "eventName")) ?? "",
        Resource(detail),
        Outcome(detail),
        Short(JsonFields.String(detail, "awsRegion") ?? JsonFields.String(root, "region")) ?? "");

    /// <summary>A SHA-256 of the identity's parts, each length-prefixed so no two identities share a key.</summary>
    public static string GroupKey(GroupIdentity identity)
    {
        var text = new StringBuilder();
        foreach (var part in (string[])[identity.Account, identity.Principal, identity.EventSource, identity.EventName, identity.Resource, identity.Outcome])
        {
            text.Append(part.Length).Append(':').Append(part).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Resource(JsonElement detail)
    {
        if (JsonFields.TryGet(detail, "resources", out var resources) && resources.ValueKind == JsonValueKind.Array)
        {
            foreach (var resource in resources.EnumerateArray())
            {
                if (resource.ValueKind == JsonValueKind.Object && Short(JsonFields.String(resource, "ARN")) is { } arn)
                {
                    return arn;
                }
            }
        }

        if (JsonFields.TryGet(detail, "requestParameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in parameters.EnumerateObject())
            {
                // Identifiers only (bucketName, secretId, roleArn, ...): never a value that could be a secret.
                if (property.Value.ValueKind == JsonValueKind.String && JsonFields.Name(property) is var name && IsIdentifierName(name)
                    && Short(JsonFields.Text(property.Value)) is { } value)
                {
                    return name + "=" + value;
                }
            }
        }

        return "";
    }

    private static bool IsIdentifierName(string name) =>
        name.EndsWith("Name", StringComparison.Ordinal) || name.EndsWith("Arn", StringComparison.Ordinal)
        || name.EndsWith("Id", StringComparison.Ordinal) || name is "name" or "bucket" or "key";

    private static string Outcome(JsonElement detail)
    {
        var code = Short(JsonFields.String(detail, "errorCode"));
        return code is null ? "succeeded" : "error:" + code;
    }

    /// <summary>Blank as null; cut at <see cref="MaxChars"/>, never between the halves of a surrogate pair (DynamoDB takes UTF-8).</summary>
    internal static string? Short(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Length > MaxChars ? value[..TextCut.Before(value, MaxChars)] : value;
}
