using Amazon.Runtime;

namespace CloudTrailNotifier.State;

/// <summary>
/// Hands the SDK client the process's one <see cref="HttpClient"/> (one connection pool for the Runtime API, SNS and
/// DynamoDB, no second handler to build at cold start). The SDK neither caches nor disposes it; it has no
/// client-wide timeout, because every attempt carries its own (see <see cref="DynamoDbCalls"/>).
/// </summary>
internal sealed class SharedHttpClientFactory(HttpClient http) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => http;

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override string GetConfigUniqueString(IClientConfig clientConfig) => "CloudTrailNotifier.shared";
}
