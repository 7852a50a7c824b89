namespace CloudTrailNotifier.Sns;

/// <summary>
/// A publish that SNS (or the way to it) refused. <see cref="Code"/> is the AWS error code
/// (<c>Throttling</c>, <c>NotFound</c>, <c>SignatureDoesNotMatch</c>, ...) or one of this program's own
/// (<c>NetworkError</c>, <c>RequestTimeout</c>, <c>CredentialsUnavailable</c>, <c>InvalidResponse</c>, <c>Http502</c>).
/// </summary>
internal sealed class SnsPublishException(string code, string message, int? httpStatus = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;

    public int? HttpStatus { get; } = httpStatus;

    /// <summary>How many attempts were made before giving up.</summary>
    public int Attempts { get; init; } = 1;
}
