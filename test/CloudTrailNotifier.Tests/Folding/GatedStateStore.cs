using CloudTrailNotifier.Folding;
using CloudTrailNotifier.State;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>
/// A state store that hands every call to <paramref name="inner"/> through <see cref="Gated{T}"/>, where a test store
/// decides when the call may go ahead (one at a time, or in drawn turns). A test store may also put something of its
/// own before a group write (<see cref="WriteGroupAsync"/>).
/// </summary>
internal abstract class GatedStateStore(IStateStore inner) : IStateStore
{
    public Task<ClaimResult> ClaimEventAsync(string eventKey, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        Gated(() => inner.ClaimEventAsync(eventKey, now, deadline, cancellationToken));

    public Task MarkEventDoneAsync(string eventKey, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        Gated(async () =>
        {
            await inner.MarkEventDoneAsync(eventKey, now, deadline, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task ReleaseEventAsync(string eventKey, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        Gated(async () =>
        {
            await inner.ReleaseEventAsync(eventKey, deadline, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task<GroupState?> ReadGroupAsync(string groupKey, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        Gated(() => inner.ReadGroupAsync(groupKey, deadline, cancellationToken));

    public Task<GroupWrite> OpenGroupAsync(GroupState opened, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        Gated(() => inner.OpenGroupAsync(opened, now, deadline, cancellationToken));

    public virtual Task<GroupWrite> WriteGroupAsync(GroupState state, long expectedVersion, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        Gated(() => inner.WriteGroupAsync(state, expectedVersion, deadline, cancellationToken));

    public Task<RateTake> TakeRateSlotAsync(DateTimeOffset now, string principalKey, int limit, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        Gated(() => inner.TakeRateSlotAsync(now, principalKey, limit, deadline, cancellationToken));

    public Task<bool> TakeSweepSlotAsync(DateTimeOffset now, int limit, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        Gated(() => inner.TakeSweepSlotAsync(now, limit, deadline, cancellationToken));

    public Task<IReadOnlyList<DueGroup>> DueGroupsAsync(DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        Gated(() => inner.DueGroupsAsync(now, deadline, cancellationToken));

    /// <summary>Runs <paramref name="call"/> when the store lets it go ahead.</summary>
    protected abstract Task<T> Gated<T>(Func<Task<T>> call);
}
