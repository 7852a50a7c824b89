using CloudTrailNotifier.Folding;
using CloudTrailNotifier.State;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>
/// A state store whose calls run one at a time, whoever makes them: each conditional write is then atomic against
/// every other call, as DynamoDB's are. Over moto it takes away moto's own race (its server is threaded and checks a
/// condition, then writes, without a lock: see <c>test/tools/moto_conditional_race.py</c>); the callers still
/// interleave between calls, which is where a sweep's lease has to hold.
/// </summary>
internal sealed class SerialStateStore(IStateStore inner) : IStateStore, IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public int Calls { get; private set; }

    public Task<ClaimResult> ClaimEventAsync(string eventKey, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        OneAtATime(() => inner.ClaimEventAsync(eventKey, now, deadline, cancellationToken));

    public Task MarkEventDoneAsync(string eventKey, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        OneAtATime(async () =>
        {
            await inner.MarkEventDoneAsync(eventKey, now, deadline, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task ReleaseEventAsync(string eventKey, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        OneAtATime(async () =>
        {
            await inner.ReleaseEventAsync(eventKey, deadline, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task<GroupState?> ReadGroupAsync(string groupKey, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        OneAtATime(() => inner.ReadGroupAsync(groupKey, deadline, cancellationToken));

    public Task<GroupWrite> OpenGroupAsync(GroupState opened, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        OneAtATime(() => inner.OpenGroupAsync(opened, now, deadline, cancellationToken));

    public Task<GroupWrite> WriteGroupAsync(GroupState state, long expectedVersion, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        OneAtATime(() => inner.WriteGroupAsync(state, expectedVersion, deadline, cancellationToken));

    public Task<RateTake> TakeRateSlotAsync(DateTimeOffset now, string principalKey, int limit, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        OneAtATime(() => inner.TakeRateSlotAsync(now, principalKey, limit, deadline, cancellationToken));

    public Task<IReadOnlyList<DueGroup>> DueGroupsAsync(DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        OneAtATime(() => inner.DueGroupsAsync(now, deadline, cancellationToken));

    public void Dispose() => _one.Dispose();

    private async Task<T> OneAtATime<T>(Func<Task<T>> call)
    {
        await _one.WaitAsync().ConfigureAwait(false);
        try
        {
            Calls++;
            return await call().ConfigureAwait(false);
        }
        finally
        {
            _one.Release();
        }
    }
}
