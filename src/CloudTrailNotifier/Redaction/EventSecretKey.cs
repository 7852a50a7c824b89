namespace CloudTrailNotifier.Redaction;

/// <summary>The kinds of event in which one plain key name holds a secret (<see cref="EventSecrets"/>).</summary>
internal enum EventSecretKey : byte
{
    /// <summary>Any other event: key names alone decide.</summary>
    None,

    /// <summary>API Gateway API key events: <c>value</c> is the key.</summary>
    ApiGatewayKeyValue,

    /// <summary>AppSync API key events: <c>id</c> is the key.</summary>
    AppSyncKeyId,

    /// <summary>Managed Grafana CreateWorkspaceApiKey: <c>key</c> is the key.</summary>
    GrafanaKey,
}
