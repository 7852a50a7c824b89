using System.Text.Json;

namespace CloudTrailNotifier.Events;

/// <summary>
/// One event as delivered: an EventBridge envelope around a CloudTrail record, or a bare record
/// (from a CloudTrail log file). Holds the JSON and answers the top-level questions leniently.
/// </summary>
internal readonly struct CloudTrailEvent
{
    private readonly KnownFields? _known;

    private CloudTrailEvent(JsonElement? envelope, JsonElement record, KnownFields known)
    {
        Envelope = envelope;
        Record = record;
        _known = known;
    }

    /// <summary>The EventBridge envelope, when there is one.</summary>
    public JsonElement? Envelope { get; }

    /// <summary>The CloudTrail record: the envelope's <c>detail</c>, or the bare record.</summary>
    public JsonElement Record { get; }

    public string? EventName => _known?.EventName;
    public string? EventSource => _known?.EventSource;
    public string? EventType => _known?.EventType;
    public string? EventCategory => _known?.EventCategory;
    public string? EventId => _known?.EventId;
    public string? RequestId => _known?.RequestId;
    public string? EventVersion => _known?.EventVersion;
    public string? SourceIpAddress => _known?.SourceIpAddress;
    public string? UserAgent => _known?.UserAgent;
    public string? ErrorCode => _known?.ErrorCode;
    public string? ErrorMessage => _known?.ErrorMessage;
    public string? VpcEndpointId => _known?.VpcEndpointId;
    public bool? ReadOnly => _known?.ReadOnly;
    public JsonElement? UserIdentity => _known?.UserIdentity;

    /// <summary>The region: the record's awsRegion, else the envelope's.</summary>
    public string? Region => _known?.Region;

    /// <summary>The account the event was delivered to.</summary>
    public string? RecipientAccount => _known?.RecipientAccount;

    /// <summary>The event time as written: the record's eventTime, else the envelope's time.</summary>
    public string? TimeText => _known?.TimeText;

    public string? DetailType => _known?.DetailType;
    public string? EventBridgeId => _known?.EventBridgeId;

    /// <summary>The envelope's <c>source</c> as written; null for a bare record or when the envelope has none.</summary>
    public string? EnvelopeSource => _known?.EnvelopeSource;

    /// <summary>
    /// An envelope whose <c>source</c> does not start with <c>aws.</c> (or has none): AWS did not send it, since only
    /// AWS may use those sources, and anyone allowed events:PutEvents on the bus could have. A bare record is not one.
    /// </summary>
    public bool IsForeignEnvelope => _known?.IsForeignEnvelope == true;

    /// <summary>The record's <c>requestParameters</c> as found, of any kind; <c>default</c> (Undefined) when absent.</summary>
    public JsonElement RequestParameters => _known?.RequestParameters ?? default;

    /// <summary>The record's <c>responseElements</c> as found, of any kind; <c>default</c> when absent.</summary>
    public JsonElement ResponseElements => _known?.ResponseElements ?? default;

    /// <summary>The record's <c>additionalEventData</c> as found, of any kind; <c>default</c> when absent.</summary>
    public JsonElement AdditionalEventData => _known?.AdditionalEventData ?? default;

    /// <summary>The record's <c>tlsDetails</c> as found, of any kind; <c>default</c> when absent.</summary>
    public JsonElement TlsDetails => _known?.TlsDetails ?? default;

    /// <summary>The record's <c>resources</c> as found, of any kind; <c>default</c> when absent.</summary>
    public JsonElement Resources => _known?.Resources ?? default;

    public bool? SessionCredentialFromConsole => _known?.SessionCredentialFromConsole;
    public string? VpcEndpointAccountId => _known?.VpcEndpointAccountId;

    public string? Field(string name) => JsonFields.String(Record, name);


    /// <summary>
    /// Recognises an envelope or a bare record. Fails, with a reason for a person, for anything else
    /// (those events still get a notification, one that says it could not interpret them).
    /// </summary>
    public static bool TryCreate(JsonElement root, out CloudTrailEvent cloudTrailEvent, out string? problem)
    {
        cloudTrailEvent = default;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = $"the event is a JSON {Describe(root.ValueKind)}, not an object";
            return false;
        }

        // One pass over the top-level object answers both "is it an envelope" and, for a bare record, every field.
        var top = default(MemberValues);
        KnownFields.Names.Read(root, top);
        var detail = top[KnownFields.DetailAt];
        if (detail.ValueKind != JsonValueKind.Undefined)
        {
            if (detail.ValueKind != JsonValueKind.Object)
            {
                problem = $"the EventBridge event's detail is a JSON {Describe(detail.ValueKind)}, not a CloudTrail record";
                return false;
            }

            var record = default(MemberValues);
            KnownFields.Names.Read(detail, record);
            if (!LooksLikeRecord(record))
            {
                problem = "the EventBridge event's detail has none of eventName, eventSource, eventTime or userIdentity";
                return false;
            }

            cloudTrailEvent = new CloudTrailEvent(root, detail, new KnownFields(top, record));
            problem = null;
            return true;
        }

        if (!LooksLikeRecord(top))
        {
            problem = "the JSON object is neither an EventBridge event nor a CloudTrail record";
            return false;
        }

        cloudTrailEvent = new CloudTrailEvent(null, root, new KnownFields([], top));
        problem = null;
        return true;
    }

    private static bool LooksLikeRecord(ReadOnlySpan<JsonElement> record) =>
        record[KnownFields.EventNameAt].ValueKind != JsonValueKind.Undefined
        || record[KnownFields.EventSourceAt].ValueKind != JsonValueKind.Undefined
        || record[KnownFields.EventTimeAt].ValueKind != JsonValueKind.Undefined
        || record[KnownFields.UserIdentityAt].ValueKind != JsonValueKind.Undefined;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };
}
