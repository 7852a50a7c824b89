namespace CloudTrailNotifier.Sns;

/// <summary>
/// One failed attempt: its kind, the AWS error code (or one of ours: <c>NetworkError</c>, <c>RequestTimeout</c>,
/// <c>CredentialsUnavailable</c>, <c>Http502</c>), the HTTP status when one came back, and a message that is
/// already capped and free of signed material (see <see cref="SnsErrorText"/>).
/// </summary>
internal sealed record SnsFailure(SnsFailureKind Kind, string Code, int? HttpStatus, string Message);
