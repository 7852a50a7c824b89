namespace CloudTrailNotifier.Folding;

/// <summary>
/// The folding rules, pure: the group's state (or none), the event, the time and whether the rate guard allows
/// another notification, in; the decision and the next state out. No clock, no store.
/// </summary>
internal static class FoldDecider
{
    public static FoldDecision Decide(GroupState? state, FoldEvent evt, DateTimeOffset now, TimeSpan window, bool rateAllows)
    {
        window = window > GroupState.MaxWindow ? GroupState.MaxWindow : window;
        var windowOpen = state is not null && state.WindowEnd > now;
        var digestPending = state is { Folded: > 0 };
        if (!windowOpen && !digestPending && rateAllows)
        {
            var opened = (state ?? Empty(evt, now)) with
            {
                Identity = evt.Identity,
                WindowEnd = now + window,
                Folded = 0,
                FirstFolded = null,
                LastFolded = null,
                Addresses = [],
                UserAgents = [],
                EventIds = [],
                RateGuarded = false,
            };
            return new FoldDecision(FoldDecisionKind.SendNow, opened);
        }

        var current = state ?? Empty(evt, now);
        if (!windowOpen && !digestPending)
        {
            // The rate guard held a first event back: it opens a window all the same, and waits for its digest.
            current = current with { WindowEnd = now + window };
        }

        return new FoldDecision(FoldDecisionKind.Fold, Fold(current, evt, now, rateGuarded: !rateAllows));
    }

    /// <summary>The state after a sweep sent a digest of <paramref name="sent"/>: what folded since stays for the next one.</summary>
    public static GroupState AfterDigest(GroupState current, GroupState sent)
    {
        var left = Math.Max(0, current.Folded - sent.Folded);
        return current with
        {
            Folded = left,
            FirstFolded = left > 0 ? current.LastFolded : null,
            LastFolded = left > 0 ? current.LastFolded : null,
            Addresses = [],
            UserAgents = [],
            EventIds = [],
            RateGuarded = false,
            LeaseEnd = null,
            LeaseId = null,
        };
    }

    /// <summary>A sweep's claim on a due digest; null when it is not due or another sweep holds it.</summary>
    public static GroupState? Claim(GroupState state, DateTimeOffset now, TimeSpan lease, string leaseId) =>
        state.IsDue(now) ? state with { LeaseEnd = now + lease, LeaseId = leaseId } : null;

    private static GroupState Fold(GroupState state, FoldEvent evt, DateTimeOffset now, bool rateGuarded)
    {
        var at = evt.Time ?? now;
        var detailed = state.Folded < GroupState.DetailLimit;
        return state with
        {
            Folded = state.Folded + 1,
            FirstFolded = state.FirstFolded is { } first && first <= at ? first : at,
            LastFolded = state.LastFolded is { } last && last >= at ? last : at,
            Addresses = detailed ? AddDistinct(state.Addresses, evt.SourceAddress) : state.Addresses,
            UserAgents = detailed ? AddDistinct(state.UserAgents, evt.UserAgent) : state.UserAgents,
            EventIds = detailed && evt.EventId is { } id ? [.. state.EventIds, id] : state.EventIds,
            RateGuarded = state.RateGuarded || rateGuarded,
        };
    }

    private static IReadOnlyList<string> AddDistinct(IReadOnlyList<string> values, string? value) =>
        value is null || values.Contains(value, StringComparer.Ordinal) ? values : [.. values, value];

    private static GroupState Empty(FoldEvent evt, DateTimeOffset now) =>
        new(evt.GroupKey, 0, evt.Identity, now, 0, null, null, [], [], [], false, null, null);
}
