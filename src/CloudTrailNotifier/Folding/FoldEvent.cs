namespace CloudTrailNotifier.Folding;

/// <summary>The few facts of one event that folding needs, read from the event itself.</summary>
/// <param name="EventKey">The CloudTrail eventID, else the EventBridge id: what makes a second delivery a duplicate.</param>
/// <param name="GroupKey">A digest of <see cref="Identity"/>: the group's key in the state table.</param>
internal sealed record FoldEvent(
    string EventKey,
    string GroupKey,
    GroupIdentity Identity,
    DateTimeOffset? Time,
    string? SourceAddress,
    string? UserAgent,
    string? EventId);
