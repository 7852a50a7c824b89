using System.Text;
using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.State;

namespace CloudTrailNotifier.Folding;

/// <summary>
/// Sends every digest that is due, once: a sweep claims a group with a versioned write (a lease in its own name)
/// before publishing, so an overlapping sweep skips it; after the publish it subtracts what it sent. A digest
/// that could not be sent keeps its folded events and is due again at the next sweep.
/// </summary>
internal sealed class DigestSweeper(INotificationSink sink, IStateStore store, RenderOptions options, TimeProvider clock)
{
    /// <summary>Longer than a publish with its retries; a sweep that died mid-way frees its digests after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private const int MaxConflicts = 5;

    public async Task<Delivery> SweepAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var deadline = invocation.Deadline;
        var due = await store.DueGroupsAsync(clock.GetUtcNow(), deadline, cancellationToken).ConfigureAwait(false);
        var responses = new List<byte[]>();
        var failures = new List<string>();
        foreach (var key in due)
        {
            var claimed = await ClaimAsync(key, invocation.RequestId, deadline, cancellationToken).ConfigureAwait(false);
            if (claimed is null)
            {
                continue;
            }

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

        return new Delivery(InvocationResultKind.Swept, Response(responses), StateStore: $"digests:{responses.Count}");
    }

    private async Task<GroupState?> ClaimAsync(string key, string leaseId, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var state = await store.ReadGroupAsync(key, deadline, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxConflicts; attempt++)
        {
            if (state is null || FoldDecider.Claim(state, clock.GetUtcNow(), Lease, leaseId) is not { } claim)
            {
                return null;
            }

            var write = await store.WriteGroupAsync(claim, state.Version, deadline, cancellationToken).ConfigureAwait(false);
            if (write.Written)
            {
                return write.Current;
            }

            state = write.Current;
        }

        return null;
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

    private static byte[] Response(List<byte[]> responses)
    {
        var text = new StringBuilder("{\"digests\":[");
        for (var i = 0; i < responses.Count; i++)
        {
            text.Append(i > 0 ? "," : string.Empty).Append(Encoding.UTF8.GetString(responses[i]));
        }

        return Encoding.UTF8.GetBytes(text.Append("]}").ToString());
    }
}
