namespace CloudTrailNotifier.Sns;

/// <summary>
/// What one signed Publish attempt produced: published (SNS answered 2xx; <see cref="MessageId"/> is null when its
/// answer could not be read, and <see cref="Note"/> says why), or a <see cref="Failure"/>.
/// </summary>
internal sealed record SnsAttemptResult(string? MessageId, string? Note, SnsFailure? Failure)
{
    public bool Published => Failure is null;

    public static SnsAttemptResult Delivered(string messageId) => new(messageId, null, null);

    public static SnsAttemptResult DeliveredWithoutId(string note) => new(null, note, null);

    public static SnsAttemptResult Failed(SnsFailureKind kind, string code, int? status, string message) =>
        new(null, null, new SnsFailure(kind, code, status, message));
}
