namespace CloudTrailNotifier.Describing;

/// <summary>Why an event matters, with what the sentence names. Strings are untrusted and unescaped.</summary>
/// <param name="Kind">Which sentence.</param>
/// <param name="Target">The object concerned: a trail, a snapshot, a policy ARN, a bucket, a secret.</param>
/// <param name="Principal">The user, role or group a permission was given to, when there is one.</param>
/// <param name="OutsideAccount">An account id the change names that is not the account the event belongs to.</param>
/// <param name="Region">The region of the event.</param>
internal sealed record Risk(RiskKind Kind, string? Target, string? Principal, string? OutsideAccount, string? Region);
