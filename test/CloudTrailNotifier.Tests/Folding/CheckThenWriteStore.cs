using CloudTrailNotifier.Folding;
using CloudTrailNotifier.State;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>
/// A store whose versioned group write is not atomic, as moto_server's is not (test/tools/moto_conditional_race.py):
/// it checks the version in one turn and writes in a later one, so another writer may come in between and both
/// writes land. Only for showing that the interleaving tests catch what such a store does to a sweep.
/// </summary>
internal sealed class CheckThenWriteStore(TurnTakingStateStore turns, ScriptedStateStore table) : IStateStore
{
    public async Task<GroupWrite> WriteGroupAsync(GroupState state, long expectedVersion, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var seen = await turns.ReadGroupAsync(state.GroupKey, deadline, cancellationToken).ConfigureAwait(false);
        if ((seen?.Version ?? 0) != expectedVersion)
        {
            return new GroupWrite(false, seen);
        }

        await turns.TurnAsync().ConfigureAwait(false);

        // This actor holds the turn: the write goes in over whatever version is there now.
        var now = table.Groups.TryGetValue(state.GroupKey, out var current) ? current.Version : 0;
        return await table.WriteGroupAsync(state, now, deadline, cancellationToken).ConfigureAwait(false);
    }

    public Task<ClaimResult> ClaimEventAsync(string eventKey, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        turns.ClaimEventAsync(eventKey, now, deadline, cancellationToken);

    public Task MarkEventDoneAsync(string eventKey, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        turns.MarkEventDoneAsync(eventKey, now, deadline, cancellationToken);

    public Task ReleaseEventAsync(string eventKey, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        turns.ReleaseEventAsync(eventKey, deadline, cancellationToken);

    public Task<GroupState?> ReadGroupAsync(string groupKey, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        turns.ReadGroupAsync(groupKey, deadline, cancellationToken);

    public Task<GroupWrite> OpenGroupAsync(GroupState opened, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        turns.OpenGroupAsync(opened, now, deadline, cancellationToken);

    public Task<RateTake> TakeRateSlotAsync(DateTimeOffset now, string principalKey, int limit, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        turns.TakeRateSlotAsync(now, principalKey, limit, deadline, cancellationToken);

    public Task<bool> TakeSweepSlotAsync(DateTimeOffset now, int limit, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        turns.TakeSweepSlotAsync(now, limit, deadline, cancellationToken);

    public Task<IReadOnlyList<DueGroup>> DueGroupsAsync(DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        turns.DueGroupsAsync(now, deadline, cancellationToken);
}
