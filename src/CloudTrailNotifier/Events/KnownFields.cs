using System.Text.Json;

namespace CloudTrailNotifier.Events;

/// <summary>
/// The fields every describer and renderer asks for, read once per event: a JSON object answers a name by searching
/// its properties and a string by allocating it, and these are asked for many times per event (the severity table
/// alone asks for the service once per rule). The same lenient reads as <see cref="JsonFields"/>, done up front.
/// </summary>
internal sealed class KnownFields
{
    public KnownFields(JsonElement? envelope, JsonElement record)
    {
        EventName = JsonFields.String(record, "eventName");
        EventSource = JsonFields.String(record, "eventSource");
        EventType = JsonFields.String(record, "eventType");
        EventCategory = JsonFields.String(record, "eventCategory");
        EventId = JsonFields.String(record, "eventID");
        RequestId = JsonFields.String(record, "requestID");
        EventVersion = JsonFields.String(record, "eventVersion");
        SourceIpAddress = JsonFields.String(record, "sourceIPAddress");
        UserAgent = JsonFields.String(record, "userAgent");
        ErrorCode = JsonFields.String(record, "errorCode");
        ErrorMessage = JsonFields.String(record, "errorMessage");
        VpcEndpointId = JsonFields.String(record, "vpcEndpointId");
        ReadOnly = JsonFields.Boolean(record, "readOnly");
        UserIdentity = JsonFields.Object(record, "userIdentity");
        Region = JsonFields.String(record, "awsRegion") ?? Envelope(envelope, "region");
        RecipientAccount = JsonFields.String(record, "recipientAccountId") ?? Envelope(envelope, "account")
            ?? (UserIdentity is { } identity ? JsonFields.String(identity, "accountId") : null);
        TimeText = JsonFields.String(record, "eventTime") ?? Envelope(envelope, "time");
        DetailType = Envelope(envelope, "detail-type");
        EventBridgeId = Envelope(envelope, "id");
    }

    public string? EventName { get; }
    public string? EventSource { get; }
    public string? EventType { get; }
    public string? EventCategory { get; }
    public string? EventId { get; }
    public string? RequestId { get; }
    public string? EventVersion { get; }
    public string? SourceIpAddress { get; }
    public string? UserAgent { get; }
    public string? ErrorCode { get; }
    public string? ErrorMessage { get; }
    public string? VpcEndpointId { get; }
    public bool? ReadOnly { get; }
    public JsonElement? UserIdentity { get; }
    public string? Region { get; }
    public string? RecipientAccount { get; }
    public string? TimeText { get; }
    public string? DetailType { get; }
    public string? EventBridgeId { get; }

    private static string? Envelope(JsonElement? envelope, string name) => envelope is { } e ? JsonFields.String(e, name) : null;
}
