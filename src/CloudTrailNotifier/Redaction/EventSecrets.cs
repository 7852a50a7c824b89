using System.Text;
using System.Text.Json;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Keys that hold a secret in one API's events only, where the same name elsewhere is an identifier or a plain value:
/// API Gateway's API key <c>value</c> (CreateApiKey, GetApiKey with includeValue, GetApiKeys, UpdateApiKey, the usage plan keys), AppSync's
/// API key <c>id</c> (the id is the key itself, <c>da2-...</c>), Managed Grafana's <c>key</c> (CreateWorkspaceApiKey).
/// The event's own <c>eventSource</c> and <c>eventName</c> decide, and only the call's request parameters and response
/// elements are read so (the envelope's and the record's own <c>id</c> stay). Pure.
/// </summary>
internal static class EventSecrets
{
    /// <summary>The (folded) key that holds the secret in each kind of event.</summary>
    private static readonly string[] Keys = ["", "value", "id", "key"];

    /// <summary>Which of the event kinds an event is, from its record (an EventBridge envelope's detail, or a bare record).</summary>
    public static EventSecretKey For(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return EventSecretKey.None;
        }

        var record = root.TryGetProperty("detail"u8, out var detail) && detail.ValueKind == JsonValueKind.Object ? detail : root;
        if (!record.TryGetProperty("eventSource"u8, out var source) || source.ValueKind != JsonValueKind.String)
        {
            return EventSecretKey.None;
        }

        var kind = source.ValueEquals("apigateway.amazonaws.com"u8) ? EventSecretKey.ApiGatewayKeyValue
            : source.ValueEquals("appsync.amazonaws.com"u8) ? EventSecretKey.AppSyncKeyId
            : source.ValueEquals("grafana.amazonaws.com"u8) ? EventSecretKey.GrafanaKey
            : EventSecretKey.None;
        if (kind == EventSecretKey.None || !record.TryGetProperty("eventName"u8, out var name) || name.ValueKind != JsonValueKind.String)
        {
            return EventSecretKey.None;
        }

        var eventName = name.GetString() ?? string.Empty;
        var about = kind == EventSecretKey.GrafanaKey
            ? eventName.Equals("CreateWorkspaceApiKey", StringComparison.Ordinal)
            : eventName.TrimEnd('s').EndsWith("ApiKey", StringComparison.Ordinal)
                || (kind == EventSecretKey.ApiGatewayKeyValue && eventName.TrimEnd('s').EndsWith("UsagePlanKey", StringComparison.Ordinal));
        return about ? kind : EventSecretKey.None;
    }

    /// <summary>Whether a key is the record's <c>requestParameters</c> or <c>responseElements</c>, where the event's secret key counts.</summary>
    public static bool IsCall(ReadOnlySpan<byte> utf8Key) => utf8Key.SequenceEqual("requestParameters"u8) || utf8Key.SequenceEqual("responseElements"u8);

    /// <summary>
    /// Whether a key (UTF-8 as written in JSON) holds the event's secret: its name as AWS writes it, any case (these
    /// services' own member names, so never escaped).
    /// </summary>
    public static bool IsSecret(EventSecretKey kind, ReadOnlySpan<byte> utf8Key) =>
        kind != EventSecretKey.None && utf8Key.Length == Keys[(int)kind].Length && Ascii.EqualsIgnoreCase(utf8Key, Keys[(int)kind]);

    /// <summary>For the first look: whether a key is one that some kind of event makes secret.</summary>
    public static bool MayBeKey(ReadOnlySpan<byte> utf8Key) => utf8Key.Length switch
    {
        2 => Ascii.EqualsIgnoreCase(utf8Key, "id"u8),
        3 => Ascii.EqualsIgnoreCase(utf8Key, "key"u8),
        5 => Ascii.EqualsIgnoreCase(utf8Key, "value"u8),
        _ => false,
    };
}
