namespace CloudTrailNotifier.Sns;

/// <summary>
/// A publish SNS accepted. <see cref="MessageId"/> is null when SNS answered 2xx but its body could not be read
/// (cut off, too large, not XML): the message was published, its id is unknown, and <see cref="Note"/> says why.
/// </summary>
internal sealed record PublishReceipt(string? MessageId, string? Note, int Attempts);
