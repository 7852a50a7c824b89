using Amazon.Runtime;
using CloudTrailNotifier.Aws;

namespace CloudTrailNotifier.State;

/// <summary>
/// The process's credential chain (<see cref="AwsCredentialsSource"/>) as the SDK client's credentials: resolved on
/// the first call, not when the client is built, so a configuration that never reaches DynamoDB never resolves
/// them, and a failure surfaces as that call's error (the state store is skipped, the event still notified).
/// </summary>
internal sealed class SourceCredentials(AwsCredentialsSource source) : AWSCredentials
{
    /// <exception cref="AmazonClientException">No credentials could be found.</exception>
    public override ImmutableCredentials GetCredentials() => source.Get().GetCredentials();

    /// <exception cref="AmazonClientException">No credentials could be found.</exception>
    public override Task<ImmutableCredentials> GetCredentialsAsync() => source.Get().GetCredentialsAsync();
}
