using CloudTrailNotifier.Folding;

namespace CloudTrailNotifier.State;

/// <summary>
/// The state table as the folding logic sees it. Every method throws <see cref="StateStoreException"/> when the
/// store cannot be used; the caller then fails open.
/// </summary>
internal interface IStateStore
{
    /// <summary>Claims an event id with a conditional write; a claim left by a crashed attempt may be taken after it expires.</summary>
    Task<ClaimResult> ClaimEventAsync(string eventKey, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken);

    /// <summary>The event was notified or folded: a later delivery of it is a duplicate.</summary>
    Task MarkEventDoneAsync(string eventKey, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken);

    /// <summary>Gives the claim up (the publish failed), so Lambda's retry of the event is not taken for a duplicate.</summary>
    Task ReleaseEventAsync(string eventKey, DateTimeOffset? deadline, CancellationToken cancellationToken);

    Task<GroupState?> ReadGroupAsync(string groupKey, DateTimeOffset? deadline, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="opened"/> (<see cref="FoldDecider.Opened"/>) in one conditional update, only if the group
    /// does not exist or <see cref="FoldDecider.CanOpen"/> holds for it at <paramref name="now"/>; the version goes up
    /// by one either way it was. Refused, the answer carries the group as it is.
    /// </summary>
    Task<GroupWrite> OpenGroupAsync(GroupState opened, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="state"/> if the stored version is still <paramref name="expectedVersion"/> (0: none).</summary>
    /// <returns>Refused when another writer came first, with the group as that writer left it: decide again.</returns>
    Task<GroupWrite> WriteGroupAsync(GroupState state, long expectedVersion, DateTimeOffset? deadline, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one first event of the principal (<see cref="FoldDecider.PrincipalKey"/>) in the minute of <paramref name="now"/>,
    /// in one conditional update, only if <see cref="FoldDecider.RateAllows"/> holds for the minute as stored. Refused, the
    /// answer carries the minute as it is, so the caller can tell who caused it without another read.
    /// </summary>
    Task<RateTake> TakeRateSlotAsync(DateTimeOffset now, string principalKey, int limit, DateTimeOffset? deadline, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one digest in the sweeps' shared budget for the minute of <paramref name="now"/>, in one conditional update,
    /// only while fewer than <paramref name="limit"/> are counted in it: overlapping sweeps together stay within one limit
    /// a minute. False when the minute's budget is spent.
    /// </summary>
    Task<bool> TakeSweepSlotAsync(DateTimeOffset now, int limit, DateTimeOffset? deadline, CancellationToken cancellationToken);

    /// <summary>The groups whose digest is due at <paramref name="now"/>, oldest due first, each with its rate principal when known.</summary>
    Task<IReadOnlyList<DueGroup>> DueGroupsAsync(DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken);
}
