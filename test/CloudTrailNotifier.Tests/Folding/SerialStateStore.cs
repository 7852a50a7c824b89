using CloudTrailNotifier.State;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>
/// A state store whose calls run one at a time, whoever makes them: each conditional write is then atomic against
/// every other call, as DynamoDB's are. Over moto it takes away moto's own race (its server is threaded and checks a
/// condition, then writes, without a lock: see <c>test/tools/moto_conditional_race.py</c>); the callers still
/// interleave between calls, which is where a sweep's lease has to hold.
/// </summary>
internal sealed class SerialStateStore(IStateStore inner) : GatedStateStore(inner), IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public int Calls { get; private set; }

    public void Dispose() => _one.Dispose();

    protected override async Task<T> Gated<T>(Func<Task<T>> call)
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
