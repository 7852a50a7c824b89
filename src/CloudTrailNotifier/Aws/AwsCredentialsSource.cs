using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using CloudTrailNotifier.Aws.Credentials;

namespace CloudTrailNotifier.Aws;

/// <summary>
/// Where AWS credentials come from. The default is <see cref="CredentialChain"/>: AWSSDK.Core's v4 order
/// (environment variables first, then web identity, profiles including SSO and assume-role, container and
/// instance credentials), each failure one sentence. Resolution happens on first use, so a command that never
/// calls AWS never pays for it, and a failure is not cached: the next call tries again.
/// </summary>
internal sealed class AwsCredentialsSource
{
    /// <summary>How long getting credentials may take before it is reported as a failure.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Lazy<AWSCredentials> _credentials;

    public AwsCredentialsSource(Func<AWSCredentials> resolve) =>
        _credentials = new Lazy<AWSCredentials>(resolve, LazyThreadSafetyMode.PublicationOnly);

    /// <summary>The process's chain: its environment variables and shared config files.</summary>
    public static AwsCredentialsSource DefaultChain() => new(() => new CredentialChain(
        Environment.GetEnvironmentVariable,
        new CredentialProfileStoreChain(),
        () => new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(clientConfig: null),
        TimeProvider.System,
        DefaultTimeout).Resolve());

    /// <summary>
    /// The execution role's keys that Lambda puts in the function's environment (<c>AWS_ACCESS_KEY_ID</c>,
    /// <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c>), and nothing else: the function never reads profiles,
    /// SSO caches or web identity files, so none of that code ships in its executable or runs at its cold start.
    /// </summary>
    public static AwsCredentialsSource FromEnvironment(Func<string, string?> getVariable) => new(() =>
    {
        var accessKey = getVariable("AWS_ACCESS_KEY_ID");
        var secretKey = getVariable("AWS_SECRET_ACCESS_KEY");
        if (string.IsNullOrWhiteSpace(accessKey) || string.IsNullOrWhiteSpace(secretKey))
        {
            throw new CredentialsProblem(
                "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set (Lambda sets them from the function's execution role)");
        }

        var sessionToken = getVariable("AWS_SESSION_TOKEN");
        return string.IsNullOrEmpty(sessionToken)
            ? new BasicAWSCredentials(accessKey, secretKey)
            : new SessionAWSCredentials(accessKey, secretKey, sessionToken);
    });

    /// <summary>Fixed keys, for tests and for callers that already hold credentials.</summary>
    public static AwsCredentialsSource Fixed(string accessKey, string secretKey, string? sessionToken = null) =>
        new(() => sessionToken is null
            ? new BasicAWSCredentials(accessKey, secretKey)
            : new SessionAWSCredentials(accessKey, secretKey, sessionToken));

    /// <exception cref="AmazonClientException">No credentials could be found.</exception>
    public AWSCredentials Get() => _credentials.Value;
}
