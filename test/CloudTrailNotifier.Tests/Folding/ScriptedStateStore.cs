using System.Collections.Concurrent;
using System.Globalization;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.State;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>
/// A state table in memory with the store's conditions (claims, open-window, versioned writes, rate counter with its per-principal share), that throws
/// what the test scripts at a named call (<c>Claim</c>, <c>Open</c>, <c>Write</c>, <c>Rate</c>, <c>Done</c>, <c>Release</c>,
/// <c>Sweep</c>: the sweeps' budget a minute).
/// </summary>
internal sealed class ScriptedStateStore(Func<string, Exception?>? fault = null) : IStateStore
{
    private readonly ConcurrentDictionary<string, string> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GroupState> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _sentBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sweptBy = new(StringComparer.Ordinal);
    private long _sent;

    public ConcurrentQueue<string> Calls { get; } = new();

    public IReadOnlyDictionary<string, string> Events => _events;

    public IReadOnlyDictionary<string, GroupState> Groups => _groups;

    public Task<ClaimResult> ClaimEventAsync(string eventKey, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        Call("Claim");
        return Task.FromResult(_events.TryAdd(eventKey, "claimed") ? ClaimResult.Claimed
            : _events[eventKey] == "claimed" ? ClaimResult.InProgress : ClaimResult.Done);
    }

    public Task MarkEventDoneAsync(string eventKey, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        Call("Done");
        _events[eventKey] = "done";
        return Task.CompletedTask;
    }

    public Task ReleaseEventAsync(string eventKey, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        Call("Release");
        _events.TryRemove(eventKey, out _);
        return Task.CompletedTask;
    }

    public Task<GroupState?> ReadGroupAsync(string groupKey, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        Call("Read");
        return Task.FromResult(_groups.TryGetValue(groupKey, out var group) ? group : null);
    }

    public Task<GroupWrite> OpenGroupAsync(GroupState opened, DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        Call("Open");
        if (_groups.TryGetValue(opened.GroupKey, out var current) && !FoldDecider.CanOpen(current, now))
        {
            return Task.FromResult(new GroupWrite(false, current));
        }

        var written = opened with { Version = (current?.Version ?? 0) + 1 };
        _groups[opened.GroupKey] = written;
        return Task.FromResult(new GroupWrite(true, written));
    }

    public Task<GroupWrite> WriteGroupAsync(GroupState state, long expectedVersion, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        Call("Write");
        var current = _groups.TryGetValue(state.GroupKey, out var found) ? found : null;
        if ((current?.Version ?? 0) != expectedVersion)
        {
            return Task.FromResult(new GroupWrite(false, current));
        }

        var written = state with { Version = expectedVersion + 1 };
        _groups[state.GroupKey] = written;
        return Task.FromResult(new GroupWrite(true, written));
    }

    /// <summary>One minute for the whole test, counted under the pure rule the store's condition carries.</summary>
    public Task<RateTake> TakeRateSlotAsync(DateTimeOffset now, string principalKey, int limit, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        Call("Rate");
        lock (_sentBy)
        {
            var minute = new RateMinute(_sent, new Dictionary<string, long>(_sentBy, StringComparer.Ordinal));
            if (!FoldDecider.RateAllows(minute, principalKey, limit))
            {
                return Task.FromResult(new RateTake(false, minute));
            }

            _sent++;
            _sentBy[principalKey] = minute.Of(principalKey) + 1;
            return Task.FromResult(new RateTake(true, null));
        }
    }

    /// <summary>The digests counted in each minute (<c>yyyyMMddHHmm</c>) of the sweeps' shared budget.</summary>
    public IReadOnlyDictionary<string, int> Swept
    {
        get
        {
            lock (_sweptBy)
            {
                return new Dictionary<string, int>(_sweptBy, StringComparer.Ordinal);
            }
        }
    }

    public Task<bool> TakeSweepSlotAsync(DateTimeOffset now, int limit, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        Call("Sweep");
        var minute = now.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        lock (_sweptBy)
        {
            var sent = _sweptBy.GetValueOrDefault(minute);
            if (sent >= limit)
            {
                return Task.FromResult(false);
            }

            _sweptBy[minute] = sent + 1;
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<DueGroup>> DueGroupsAsync(DateTimeOffset now, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        Call("Due");
        // Oldest due first, as the due index (sorted by dueAt) answers.
        return Task.FromResult<IReadOnlyList<DueGroup>>(_groups.Values.Where(g => g.IsDue(now)).OrderBy(g => g.DueAt).ThenBy(g => g.GroupKey, StringComparer.Ordinal)
            .Select(g => new DueGroup(g.GroupKey, g.DueAt!.Value, g.RateKey)).ToList());
    }

    private void Call(string name)
    {
        Calls.Enqueue(name);
        if (fault?.Invoke(name) is { } error)
        {
            throw error;
        }
    }
}
