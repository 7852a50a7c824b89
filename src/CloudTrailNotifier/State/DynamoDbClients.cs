using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using CloudTrailNotifier.Aws;

namespace CloudTrailNotifier.State;

/// <summary>
/// Builds the AWSSDK.DynamoDBv2 low-level client with every setting explicit, so nothing is found by reflection or
/// read behind the program's back (Native AOT, and one place that says how the state table is reached).
/// </summary>
internal static class DynamoDbClients
{
    /// <param name="endpoint">
    /// The endpoint the settings chose (<c>AWS_ENDPOINT_URL_DYNAMODB</c>, then <c>AWS_ENDPOINT_URL</c>, with the
    /// loopback rule in Lambda), or null for DynamoDB in <paramref name="region"/>.
    /// </param>
    /// <param name="attemptTimeout">One attempt's longest wait when there is no deadline.</param>
    public static AmazonDynamoDBClient Create(HttpClient http, AwsCredentialsSource credentials, Uri? endpoint, string region, TimeSpan attemptTimeout)
    {
        var config = new AmazonDynamoDBConfig
        {
            // The SDK would read AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL and the profile's endpoint_url itself
            // when no endpoint is set. The settings have already read the two variables, in the SDK's order and with
            // the rule that Lambda sends signed requests over plain http only to loopback; the profile's value would
            // bypass that rule, so the SDK is told to look nowhere else.
            IgnoreConfiguredEndpointUrls = true,

            // No retries inside the SDK: RetryStrategy (RetryStrategyOptions.StateStore) retries each call within
            // the invocation deadline, with its own attempts, backoff and budget, as for SNS. Two retry loops would
            // multiply the attempts and could run past the point where the function must fail open.
            MaxErrorRetry = 0,
            RetryMode = RequestRetryMode.Standard,

            // Each attempt is cancelled by DynamoDbCalls at its own timeout; these only bound an attempt that somehow
            // escaped that token.
            Timeout = attemptTimeout,
            HttpClientFactory = new SharedHttpClientFactory(http),
        };
        if (endpoint is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            // ServiceURL clears RegionEndpoint (they are exclusive), so the signing region is given on its own.
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region;
        }

        return new AmazonDynamoDBClient(new SourceCredentials(credentials), config);
    }
}
