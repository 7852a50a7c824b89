using System.Text;
using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.State;

namespace CloudTrailNotifier.Folding;

/// <summary>
/// Sends every digest that is due, once: a sweep claims a group with a versioned write (a lease in its own name)
/// before publishing, so an overlapping sweep skips it; after the publish it subtracts what it sent. A digest
/// that could not be sent keeps its folded events and is due again at the next sweep. A sweep tries at most
/// <paramref name="perSweep"/> digests (the rate guard's limit a minute, as sweeps run every minute), oldest due first
/// (the <c>due</c> index is ordered by due time); the rest stay due, untouched, for the next sweeps, and say when their
/// calls happened whenever they go. A digest due for a day or more is sent whatever the limit.
/// </summary>
internal sealed class DigestSweeper(INotificationSink sink, IStateStore store, RenderOptions options, TimeProvider clock, int perSweep)
{
    /// <summary>Longer than a publish with its retries; a sweep that died mid-way frees its digests after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>A digest due this long goes out whatever the sweep's limit: nothing waits more than a day past its due time for it.</summary>
    public static readonly TimeSpan Overdue = TimeSpan.FromDays(1);

    private const int MaxConflicts = 5;

    public async Task<Delivery> SweepAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var deadline = invocation.Deadline;
        var due = await store.DueGroupsAsync(clock.GetUtcNow(), deadline, cancellationToken).ConfigureAwait(false);
        var responses = new List<byte[]>();
        var failures = new List<string>();
        int tried = 0, left = 0;
        for (var i = 0; i < due.Count; i++)
        {
            // Past the limit only what is overdue goes; the index lists oldest first, so the first that is not ends the sweep.
            var overdueOnly = tried >= Math.Max(1, perSweep);
            var (claimed, stop) = await ClaimAsync(due[i], invocation.RequestId, overdueOnly, deadline, cancellationToken).ConfigureAwait(false);
            if (stop)
            {
                left = due.Count - i;
                break;
            }

            if (claimed is null)
            {
                continue;
            }

            tried++;

            try
            {
                var delivery = await sink.DeliverAsync(DigestRenderer.Render(claimed, options), invocation, cancellationToken).ConfigureAwait(false);
                responses.Add(delivery.Response);
            }
#pragma warning disable CA1031 // Every failure leaves the digest due; the sweep goes on with the others and then fails.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add(ex.Message);
                await UpdateAsync(claimed, s => s with { LeaseEnd = null, LeaseId = null }, deadline, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await UpdateAsync(claimed, s => FoldDecider.AfterDigest(s, claimed), deadline, cancellationToken).ConfigureAwait(false);
        }

        if (failures.Count > 0)
        {
            throw new SweepFailedException($"{failures.Count} of {due.Count} due digests not sent, they stay due: {failures[0]}");
        }

        var note = left > 0 ? $"{left} due digests left for the next sweep (at most {Math.Max(1, perSweep)} a sweep)" : null;
        return new Delivery(InvocationResultKind.Swept, Response(responses, left), Note: note, StateStore: $"digests:{responses.Count}");
    }

    /// <summary>The group claimed for this sweep, or null (not due, or another sweep's); stop: past the limit and not overdue.</summary>
    private async Task<(GroupState? Claimed, bool Stop)> ClaimAsync(
        string key, string leaseId, bool overdueOnly, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var state = await store.ReadGroupAsync(key, deadline, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxConflicts; attempt++)
        {
            var now = clock.GetUtcNow();
            if (state is null || FoldDecider.Claim(state, now, Lease, leaseId) is not { } claim)
            {
                return (null, false);
            }

            if (overdueOnly && !(state.DueAt <= now - Overdue))
            {
                return (null, true);
            }

            var write = await store.WriteGroupAsync(claim, state.Version, deadline, cancellationToken).ConfigureAwait(false);
            if (write.Written)
            {
                return (write.Current, false);
            }

            state = write.Current;
        }

        return (null, false);
    }

    /// <summary>
    /// Changes the group only while this sweep still holds its lease. It starts from the claimed state (its version is
    /// known) without reading; events folded meanwhile refuse the write, which returns the group as it now is.
    /// </summary>
    private async Task UpdateAsync(GroupState claimed, Func<GroupState, GroupState> change, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        GroupState? state = claimed;
        for (var attempt = 0; attempt < MaxConflicts; attempt++)
        {
            if (state is null || state.LeaseId != claimed.LeaseId)
            {
                return;
            }

            var write = await store.WriteGroupAsync(change(state), state.Version, deadline, cancellationToken).ConfigureAwait(false);
            if (write.Written)
            {
                return;
            }

            state = write.Current;
        }
    }

    private static byte[] Response(List<byte[]> responses, int left)
    {
        var text = new StringBuilder("{\"digests\":[");
        for (var i = 0; i < responses.Count; i++)
        {
            text.Append(i > 0 ? "," : string.Empty).Append(Encoding.UTF8.GetString(responses[i]));
        }

        text.Append(']');
        if (left > 0)
        {
            text.Append(",\"left\":").Append(left.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Encoding.UTF8.GetBytes(text.Append('}').ToString());
    }
}
