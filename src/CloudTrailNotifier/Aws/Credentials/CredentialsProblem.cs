using Amazon.Runtime;

namespace CloudTrailNotifier.Aws.Credentials;

/// <summary>
/// Credentials could not be obtained; the message is one sentence of ours for a person. It derives from
/// <see cref="AmazonClientException"/> because that is what callers of the SDK's credentials expect to catch.
/// </summary>
internal sealed class CredentialsProblem(string message, Exception? inner = null) : AmazonClientException(message, inner);
