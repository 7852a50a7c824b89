using System.Globalization;
using System.Text;
using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.State;

namespace CloudTrailNotifier.Folding;

/// <summary>
/// Sends every digest that is due, once: a sweep claims a group with a versioned write (a lease in its own name)
/// before publishing, so an overlapping sweep skips it; after the publish it subtracts what it sent, writing again as
/// long as calls folding meanwhile refuse it and the invocation's deadline allows (out of time, the digest goes again
/// when the lease ends: a duplicate rather than a lost digest, and the sweep's note says so). A digest
/// that could not be sent keeps its folded events and is due again at the next sweep. A sweep tries at most
/// <paramref name="perSweep"/> digests (the rate guard's limit a minute, as sweeps run every minute), shared out by rate
/// principal (<see cref="FairOrder"/>: each principal's oldest due first, then each one's next): one principal's flood of
/// groups takes its turn beside everyone else's digests instead of ahead of them. The rest stay due, untouched, for the
/// next sweeps, and say when their calls happened whenever they go. The limit is also a budget a minute that overlapping
/// sweeps share (<see cref="IStateStore.TakeSweepSlotAsync"/>, counted before each digest goes): two sweeps at once
/// together send at most the limit; a store that cannot count fails open. A digest due for a day or more is sent
/// whatever the limit, and is not counted.
/// </summary>
internal sealed class DigestSweeper(INotificationSink sink, IStateStore store, RenderOptions options, TimeProvider clock, int perSweep)
{
    /// <summary>Longer than a publish with its retries; a sweep that died mid-way frees its digests after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>A digest due this long goes out whatever the sweep's limit: nothing waits more than a day past its due time for it.</summary>
    public static readonly TimeSpan Overdue = TimeSpan.FromDays(1);

    /// <summary>Kept before the invocation's deadline to report a digest that could not be recorded, as the state store keeps for its calls.</summary>
    public static readonly TimeSpan Reserve = TimeSpan.FromSeconds(2);

    private const int MaxConflicts = 5;

    public async Task<Delivery> SweepAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var deadline = invocation.Deadline;
        var due = await store.DueGroupsAsync(clock.GetUtcNow(), deadline, cancellationToken).ConfigureAwait(false);
        var limit = Math.Max(1, perSweep);
        var responses = new List<byte[]>();
        var failures = new List<string>();
        var waiting = new List<int>();
        string? unrecorded = null, uncounted = null;
        int tried = 0, left = 0, unbudgeted = 0;
        var spent = false;
        foreach (var i in FairOrder(due))
        {
            if (tried >= limit || spent || unrecorded is not null)
            {
                waiting.Add(i);
                continue;
            }

            if (await ClaimAsync(due[i].Key, invocation.RequestId, overdueOnly: false, deadline, cancellationToken).ConfigureAwait(false) is not { Claimed: { } claimed })
            {
                continue;
            }

            var (go, problem) = await BudgetAsync(claimed, limit, deadline, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                unbudgeted++;
                uncounted ??= problem;
            }

            if (!go)
            {
                // The minute's budget is spent by this sweep and any overlapping one: give the claim back, the digest
                // waits for the next minute (unless overdue, below).
                spent = true;
                waiting.Add(i);
                await UpdateAsync(claimed, s => s with { LeaseEnd = null, LeaseId = null }, deadline, cancellationToken).ConfigureAwait(false);
                continue;
            }

            tried++;
            unrecorded = await SendAsync(claimed, invocation, responses, failures, cancellationToken).ConfigureAwait(false);
        }

        // Past the limit only what is overdue goes, whoever's it is, outside the budget; after a sent digest that could
        // not be recorded (out of time), nothing more is tried.
        waiting.Sort();
        foreach (var i in waiting)
        {
            var (claimed, stop) = unrecorded is null && due[i].DueAt <= clock.GetUtcNow() - Overdue
                ? await ClaimAsync(due[i].Key, invocation.RequestId, overdueOnly: true, deadline, cancellationToken).ConfigureAwait(false)
                : (null, true);
            if (stop)
            {
                left++;
            }
            else if (claimed is not null)
            {
                unrecorded = await SendAsync(claimed, invocation, responses, failures, cancellationToken).ConfigureAwait(false);
            }
        }

        var notes = new List<string>(3);
        if (unrecorded is not null)
        {
            notes.Add(unrecorded);
        }

        if (uncounted is not null)
        {
            notes.Add($"sweep budget not counted for {unbudgeted} digests, sent anyway: {uncounted}");
        }

        if (failures.Count > 0)
        {
            throw new SweepFailedException($"{failures.Count} of {due.Count} due digests not sent, they stay due: {failures[0]}"
                + string.Concat(notes.Select(n => "; " + n)));
        }

        if (left > 0)
        {
            notes.Add(spent
                ? $"{left} due digests left for the next sweep (at most {limit} a minute, shared by overlapping sweeps)"
                : $"{left} due digests left for the next sweep (at most {limit} a sweep)");
        }

        var note = notes.Count > 0 ? string.Join("; ", notes) : null;
        return new Delivery(InvocationResultKind.Swept, Response(responses, left), Note: note, StateStore: $"digests:{responses.Count}");
    }

    /// <summary>
    /// Whether a claimed digest may go now: an overdue one always, uncounted; any other only if the minute's budget,
    /// shared with every overlapping sweep, has room for it. A store that cannot count fails open: the digest goes, and
    /// the problem comes back to be logged.
    /// </summary>
    private async Task<(bool Go, string? Problem)> BudgetAsync(GroupState claimed, int limit, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (claimed.DueAt <= now - Overdue)
        {
            return (true, null);
        }

        try
        {
            return (await store.TakeSweepSlotAsync(now, limit, deadline, cancellationToken).ConfigureAwait(false), null);
        }
#pragma warning disable CA1031 // Fail open: a budget that cannot be counted never holds a digest back.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return (true, ex is StateStoreException ? ex.Message : $"counting failed ({ex.GetType().Name})");
        }
    }

    /// <summary>
    /// The order a sweep tries due groups in, as positions in <paramref name="due"/> (oldest first): round by round, the
    /// oldest not yet taken of each rate principal, principals in the order of their oldest due digest. Groups stored
    /// without a rate principal count as one principal. Fair only among what <paramref name="due"/> holds: the store reads
    /// whole pages of the due index until it has 1,000 or more, so a backlog of one principal's groups larger than that,
    /// due ahead of everyone else's, keeps the others out of the list until it has shrunk to within it.
    /// </summary>
    internal static IEnumerable<int> FairOrder(IReadOnlyList<DueGroup> due)
    {
        var queues = new List<Queue<int>>();
        var byShare = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (var i = 0; i < due.Count; i++)
        {
            var share = due[i].Share ?? "";
            if (!byShare.TryGetValue(share, out var queue))
            {
                queue = new Queue<int>();
                byShare[share] = queue;
                queues.Add(queue);
            }

            queue.Enqueue(i);
        }

        for (var taken = 0; taken < due.Count;)
        {
            foreach (var queue in queues)
            {
                if (queue.TryDequeue(out var i))
                {
                    taken++;
                    yield return i;
                }
            }
        }
    }

    /// <summary>
    /// Publishes a claimed digest; a failure is noted and leaves it due (its lease released), the sweep goes on. Null, or
    /// the one line to log when the digest went out but could not be recorded as sent: it stays leased, and goes again
    /// when the lease ends (a duplicate, never a lost digest).
    /// </summary>
    private async Task<string?> SendAsync(GroupState claimed, Invocation invocation, List<byte[]> responses, List<string> failures, CancellationToken cancellationToken)
    {
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

            // Not released in time, the lease simply ends and the digest is due again then.
            await UpdateAsync(claimed, s => s with { LeaseEnd = null, LeaseId = null }, invocation.Deadline, cancellationToken).ConfigureAwait(false);
            return null;
        }

        return await UpdateAsync(claimed, s => FoldDecider.AfterDigest(s, claimed), invocation.Deadline, cancellationToken).ConfigureAwait(false) is { } problem
            ? $"digest of group {claimed.GroupKey} sent but not recorded ({problem}): it goes again when its lease ends, at {claimed.LeaseEnd?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}"
            : null;
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
    /// known) without reading; events folded meanwhile refuse the write, which returns the group as it now is, and it
    /// writes again on that, for as long as a flood of folds goes on: until the invocation's deadline (less
    /// <see cref="Reserve"/>, to report it), or without one the end of the lease, or the invocation is cancelled. Null when
    /// done (written, or the lease is no longer this sweep's); else why not.
    /// </summary>
    private async Task<string?> UpdateAsync(GroupState claimed, Func<GroupState, GroupState> change, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var until = deadline is { } end ? end - Reserve : claimed.LeaseEnd;
        GroupState? state = claimed;
        for (var refused = 0; ; refused++)
        {
            if (state is null || state.LeaseId != claimed.LeaseId)
            {
                return null;
            }

            if (refused > 0 && (cancellationToken.IsCancellationRequested || clock.GetUtcNow() >= until))
            {
                return $"{refused} writes in a row refused by calls folding meanwhile, {(cancellationToken.IsCancellationRequested ? "cancelled" : "out of time")}";
            }

            GroupWrite write;
            try
            {
                write = await store.WriteGroupAsync(change(state), state.Version, deadline, cancellationToken).ConfigureAwait(false);
            }
            catch (StateStoreException ex)
            {
                return ex.Message;
            }

            if (write.Written)
            {
                return null;
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
            text.Append(",\"left\":").Append(left.ToString(CultureInfo.InvariantCulture));
        }

        return Encoding.UTF8.GetBytes(text.Append('}').ToString());
    }
}
