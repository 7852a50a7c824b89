using CloudTrailNotifier.Folding;
using CloudTrailNotifier.State;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>
/// A store where calls keep folding into a group while a sweep tries to record the digest it sent: before each write
/// that takes a sweep's lease off a group (the digest recorded, or the lease given back), <paramref name="fold"/> runs
/// first, straight on the inner store, while <see cref="Floods"/> lasts; the sweep's write, on the version it had, is
/// then refused. Every other call goes straight through.
/// </summary>
internal sealed class FloodingStateStore(ScriptedStateStore inner, Func<Task> fold) : GatedStateStore(inner)
{
    /// <summary>How many more writes to refuse this way; below zero, every one.</summary>
    public int Floods { get; set; }

    /// <summary>The sweep's writes refused by a fold so far.</summary>
    public int Refused { get; private set; }

    public override async Task<GroupWrite> WriteGroupAsync(GroupState state, long expectedVersion, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        if (Floods != 0 && state.LeaseId is null && inner.Groups.TryGetValue(state.GroupKey, out var stored) && stored.LeaseId is not null)
        {
            Floods--;
            await fold().ConfigureAwait(false);
        }

        var write = await inner.WriteGroupAsync(state, expectedVersion, deadline, cancellationToken).ConfigureAwait(false);
        Refused += write.Written ? 0 : 1;
        return write;
    }

    protected override Task<T> Gated<T>(Func<Task<T>> call) => call();
}
