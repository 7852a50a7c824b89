using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace CloudTrailNotifier.Aws;

/// <summary>
/// Where AWS credentials come from. The default is AWSSDK.Core's v4 chain (environment variables first,
/// then web identity, profiles and SSO, container and instance credentials). Resolution happens on first
/// use, so a command that never calls AWS never pays for it, and a failure is not cached: the next call
/// tries again.
/// </summary>
internal sealed class AwsCredentialsSource
{
    private readonly Lazy<AWSCredentials> _credentials;

    public AwsCredentialsSource(Func<AWSCredentials> resolve) =>
        _credentials = new Lazy<AWSCredentials>(resolve, LazyThreadSafetyMode.PublicationOnly);

    /// <summary>The SDK's default chain; refreshing credentials (SSO, web identity, container) refresh themselves.</summary>
    public static AwsCredentialsSource DefaultChain() =>
        new(() => new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(clientConfig: null));

    /// <summary>Fixed keys, for tests and for callers that already hold credentials.</summary>
    public static AwsCredentialsSource Fixed(string accessKey, string secretKey, string? sessionToken = null) =>
        new(() => sessionToken is null
            ? new BasicAWSCredentials(accessKey, secretKey)
            : new SessionAWSCredentials(accessKey, secretKey, sessionToken));

    /// <exception cref="AmazonClientException">No credentials could be found.</exception>
    public AWSCredentials Get() => _credentials.Value;
}
