using System.Text.Json;

namespace CloudTrailNotifier.Events;

/// <summary>
/// The fields every describer and renderer asks for, read once per event: a JSON object answers a name by searching
/// its properties and a string by allocating it, and these are asked for many times per event (the severity table
/// alone asks for the service once per rule). The record and the envelope are each enumerated once
/// (<see cref="MemberNames"/>); the same lenient reads as <see cref="JsonFields"/>, done up front.
/// </summary>
internal sealed class KnownFields
{
    // Slots in Names: the record's fields, then the envelope's (one list serves both, so an object is read once
    // before it is known to be an envelope or a bare record).
    public const int EventNameAt = 0;
    public const int EventSourceAt = 1;
    public const int EventTimeAt = 2;
    public const int UserIdentityAt = 3;
    private const int EventTypeAt = 4;
    private const int EventCategoryAt = 5;
    private const int EventIdAt = 6;
    private const int RequestIdAt = 7;
    private const int EventVersionAt = 8;
    private const int SourceIpAddressAt = 9;
    private const int UserAgentAt = 10;
    private const int ErrorCodeAt = 11;
    private const int ErrorMessageAt = 12;
    private const int VpcEndpointIdAt = 13;
    private const int ReadOnlyAt = 14;
    private const int AwsRegionAt = 15;
    private const int RecipientAccountIdAt = 16;
    private const int RequestParametersAt = 17;
    private const int ResponseElementsAt = 18;
    private const int AdditionalEventDataAt = 19;
    private const int TlsDetailsAt = 20;
    private const int SessionCredentialFromConsoleAt = 21;
    private const int VpcEndpointAccountIdAt = 22;
    private const int ResourcesAt = 23;
    public const int DetailAt = 24;
    private const int RegionAt = 25;
    private const int AccountAt = 26;
    private const int TimeAt = 27;
    private const int DetailTypeAt = 28;
    private const int IdAt = 29;
    private const int SourceAt = 30;

    /// <summary>The names read from an event's top-level object and from its record, in slot order.</summary>
    public static MemberNames Names { get; } = new(
        "eventName", "eventSource", "eventTime", "userIdentity", "eventType", "eventCategory", "eventID", "requestID",
        "eventVersion", "sourceIPAddress", "userAgent", "errorCode", "errorMessage", "vpcEndpointId", "readOnly",
        "awsRegion", "recipientAccountId", "requestParameters", "responseElements", "additionalEventData", "tlsDetails",
        "sessionCredentialFromConsole", "vpcEndpointAccountId", "resources",
        "detail", "region", "account", "time", "detail-type", "id", "source");

    /// <param name="envelope">The envelope's slots from <see cref="Names"/>; empty for a bare record.</param>
    /// <param name="record">The record's slots from <see cref="Names"/>.</param>
    public KnownFields(ReadOnlySpan<JsonElement> envelope, ReadOnlySpan<JsonElement> record)
    {
        EventName = JsonFields.Scalar(record[EventNameAt]);
        EventSource = JsonFields.Scalar(record[EventSourceAt]);
        EventType = JsonFields.Scalar(record[EventTypeAt]);
        EventCategory = JsonFields.Scalar(record[EventCategoryAt]);
        EventId = JsonFields.Scalar(record[EventIdAt]);
        RequestId = JsonFields.Scalar(record[RequestIdAt]);
        EventVersion = JsonFields.Scalar(record[EventVersionAt]);
        SourceIpAddress = JsonFields.Scalar(record[SourceIpAddressAt]);
        UserAgent = JsonFields.Scalar(record[UserAgentAt]);
        ErrorCode = JsonFields.Scalar(record[ErrorCodeAt]);
        ErrorMessage = JsonFields.Scalar(record[ErrorMessageAt]);
        VpcEndpointId = JsonFields.Scalar(record[VpcEndpointIdAt]);
        ReadOnly = JsonFields.BooleanOf(record[ReadOnlyAt]);
        UserIdentity = JsonFields.AsObject(record[UserIdentityAt]);
        Region = JsonFields.Scalar(record[AwsRegionAt]) ?? Envelope(envelope, RegionAt);
        RecipientAccount = JsonFields.Scalar(record[RecipientAccountIdAt]) ?? Envelope(envelope, AccountAt)
            ?? (UserIdentity is { } identity && JsonFields.String(identity, "type") != "AWSAccount" ? JsonFields.String(identity, "accountId") : null);
        TimeText = JsonFields.Scalar(record[EventTimeAt]) ?? Envelope(envelope, TimeAt);
        DetailType = Envelope(envelope, DetailTypeAt);
        EventBridgeId = Envelope(envelope, IdAt);
        EnvelopeSource = Envelope(envelope, SourceAt);
        IsForeignEnvelope = !envelope.IsEmpty && EnvelopeSource?.StartsWith("aws.", StringComparison.Ordinal) != true;
        RequestParameters = record[RequestParametersAt];
        ResponseElements = record[ResponseElementsAt];
        AdditionalEventData = record[AdditionalEventDataAt];
        TlsDetails = record[TlsDetailsAt];
        Resources = record[ResourcesAt];
        SessionCredentialFromConsole = JsonFields.BooleanOf(record[SessionCredentialFromConsoleAt]);
        VpcEndpointAccountId = JsonFields.Scalar(record[VpcEndpointAccountIdAt]);
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
    public string? EnvelopeSource { get; }
    public bool IsForeignEnvelope { get; }
    public JsonElement RequestParameters { get; }
    public JsonElement ResponseElements { get; }
    public JsonElement AdditionalEventData { get; }
    public JsonElement TlsDetails { get; }
    public JsonElement Resources { get; }
    public bool? SessionCredentialFromConsole { get; }
    public string? VpcEndpointAccountId { get; }

    private static string? Envelope(ReadOnlySpan<JsonElement> envelope, int slot) =>
        envelope.IsEmpty ? null : JsonFields.Scalar(envelope[slot]);
}
