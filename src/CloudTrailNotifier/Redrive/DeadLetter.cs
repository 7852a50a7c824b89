namespace CloudTrailNotifier.Redrive;

/// <summary>
/// One message received from the dead-letter queue. <see cref="Body"/> and the attribute values are untrusted (the
/// body holds an event, which may hold secrets): only <see cref="MessageId"/> ever reaches an output line as is.
/// </summary>
/// <param name="ReceiptHandle">What deleting or releasing this receipt of the message needs.</param>
/// <param name="Attributes">The message attributes' string values, by name.</param>
internal sealed record DeadLetter(string MessageId, string ReceiptHandle, string Body, IReadOnlyDictionary<string, string> Attributes);
