namespace CloudTrailNotifier.Sns;

/// <summary>
/// A publish that SNS (or the way to it) refused, or that kept failing. <see cref="Code"/> is the AWS error code
/// (<c>Throttling</c>, <c>NotFound</c>, <c>SignatureDoesNotMatch</c>, ...) or one of this program's own
/// (<c>NetworkError</c>, <c>RequestTimeout</c>, <c>CredentialsUnavailable</c>, <c>Http502</c>). The message is
/// capped and free of signed material.
/// </summary>
internal sealed class SnsPublishException(SnsFailure failure, string message, int attempts) : Exception(message)
{
    public SnsFailureKind Kind { get; } = failure.Kind;

    public string Code { get; } = failure.Code;

    public int? HttpStatus { get; } = failure.HttpStatus;

    /// <summary>How many attempts were made before giving up.</summary>
    public int Attempts { get; } = attempts;
}
