namespace CloudTrailNotifier.Folding;

/// <summary>The few facts of one event that folding needs, read from the event as the notifier redacted it.</summary>
/// <param name="EventKey">The CloudTrail eventID, else the EventBridge id: what makes a second delivery a duplicate.</param>
/// <param name="GroupKey">A digest of <see cref="Identity"/>: the group's key in the state table.</param>
/// <param name="ReadOnly">The notification's <c>readOnly</c> attribute (<c>true</c>, <c>false</c>, <c>unknown</c>), null until the sink adds it.</param>
/// <param name="Severity">The notification's <c>severity</c> attribute, null until the sink adds it.</param>
/// <param name="Session">The call's session as the digest lists it (<see cref="FoldCaller.Session"/>); null without a session.</param>
/// <param name="RatePrincipal">The role or user the rate guard counts the call for; null: <see cref="GroupIdentity.Principal"/>.</param>
internal sealed record FoldEvent(
    string EventKey,
    string GroupKey,
    GroupIdentity Identity,
    DateTimeOffset? Time,
    string? SourceAddress,
    string? UserAgent,
    string? EventId,
    string? ReadOnly = null,
    string? Severity = null,
    string? Session = null,
    string? RatePrincipal = null);
