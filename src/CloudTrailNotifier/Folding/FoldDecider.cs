using System.Security.Cryptography;
using System.Text;

namespace CloudTrailNotifier.Folding;

/// <summary>
/// The folding rules, pure: the group's state (or none), the event, the time and whether the rate guard allows
/// another notification (and if not, why), in; the decision and the next state out. No clock, no store. The rate
/// guard's own rules are here too: the minute's limit and each principal's share of it.
/// </summary>
internal static class FoldDecider
{
    public static FoldDecision Decide(
        GroupState? state, FoldEvent evt, DateTimeOffset now, TimeSpan window, bool rateAllows, RateGuardCause? cause = null)
    {
        if (state is not null && IsRetryOfOpener(state, evt, now) && rateAllows)
        {
            // The event this window was opened for, delivered again because its publish failed: it is still the first.
            return new FoldDecision(FoldDecisionKind.SendNow, state);
        }

        if ((state is null || CanOpen(state, now)) && rateAllows)
        {
            var opened = Opened(evt, now, window);
            return new FoldDecision(FoldDecisionKind.SendNow,
                state is null ? opened : opened with { Version = state.Version, LeaseEnd = state.LeaseEnd, LeaseId = state.LeaseId });
        }

        var current = state ?? Empty(evt, now);
        if (state is null || CanOpen(state, now))
        {
            // The rate guard held a first event back: it opens a window all the same, and waits for its digest.
            current = current with { WindowEnd = now + Capped(window), OpenedBy = null };
        }
        else if (IsRetryOfOpener(current, evt, now))
        {
            // Held back by the rate guard on its retry: it folds, and the window no longer counts as sent for it.
            current = current with { OpenedBy = null };
        }

        return new FoldDecision(FoldDecisionKind.Fold, Fold(current, evt, now, rateAllows ? null : cause ?? Unexplained));
    }

    /// <summary>
    /// The most first events one principal may have sent in a minute: a third of the limit, at least one. A flood from
    /// one principal then folds its own first events and leaves two thirds of the minute to everyone else.
    /// </summary>
    public static int PrincipalShare(int limit) => Math.Max(1, limit / 3);

    /// <summary>
    /// The rate guard lets one more first event of the principal out: the minute's limit (for SNS's email limit) and the
    /// principal's share both have room. The state store's counter update carries exactly this as its condition.
    /// </summary>
    public static bool RateAllows(RateMinute minute, string principalKey, int limit) =>
        minute.Sent < limit && minute.Of(principalKey) < PrincipalShare(limit);

    /// <summary>Why <see cref="RateAllows"/> refused, for the digest: the principal's own share, else the principals that filled the minute.</summary>
    public static RateGuardCause CauseOf(RateMinute minute, string principalKey, int limit) =>
        minute.Of(principalKey) >= PrincipalShare(limit)
            ? new RateGuardCause(OwnShare: true, Principals: 0)
            : new RateGuardCause(OwnShare: false, Principals: minute.ByPrincipal.Count(p => p.Value > 0));

    /// <summary>
    /// A principal (<see cref="FoldEvent.RatePrincipal"/>: the role or user, not its session) as the rate guard counts it: 16 hex
    /// digits of its SHA-256, short whatever the ARN's length, so a minute's counters stay small.
    /// </summary>
    public static string PrincipalKey(string principal) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(principal)).AsSpan(0, 8));

    /// <summary>
    /// A first event may be sent at once: the group's window has ended and nothing is waiting for a digest. The state
    /// store's open-window write carries exactly this as its condition (<c>windowEnd &lt;= now AND folded &lt;= 0</c>).
    /// </summary>
    public static bool CanOpen(GroupState state, DateTimeOffset now) => state.WindowEnd <= now && state.Folded <= 0;

    /// <summary>The group after a first event sent at once: a new window, nothing folded (version and lease are the store's).</summary>
    public static GroupState Opened(FoldEvent evt, DateTimeOffset now, TimeSpan window) =>
        Empty(evt, now) with { WindowEnd = now + Capped(window), OpenedBy = evt.EventKey };

    /// <summary>The window is still open and was opened for this very event (a retry after its publish failed).</summary>
    private static bool IsRetryOfOpener(GroupState state, FoldEvent evt, DateTimeOffset now) =>
        state.WindowEnd > now && state.OpenedBy is { } opener && string.Equals(opener, evt.EventKey, StringComparison.Ordinal);

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
            Sessions = null,
            MoreSessions = null,
            EventIds = [],
            RateGuarded = false,
            RateGuardOwn = false,
            RateGuardPrincipals = 0,

            // Events folded while the digest was out stay counted; which of them they were is not kept, so the next
            // digest keeps the group's readOnly and severity as they stand (never lower than the truth).
            ReadOnly = left > 0 ? current.ReadOnly : null,
            Severity = left > 0 ? current.Severity : null,
            LeaseEnd = null,
            LeaseId = null,
        };
    }

    /// <summary>A sweep's claim on a due digest; null when it is not due or another sweep holds it.</summary>
    public static GroupState? Claim(GroupState state, DateTimeOffset now, TimeSpan lease, string leaseId) =>
        state.IsDue(now) ? state with { LeaseEnd = now + lease, LeaseId = leaseId } : null;

    /// <summary>A refusal whose cause was not given: the digest says only that the rate guard acted.</summary>
    private static readonly RateGuardCause Unexplained = new(OwnShare: false, Principals: 0);

    private static GroupState Fold(GroupState state, FoldEvent evt, DateTimeOffset now, RateGuardCause? guard)
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
            Sessions = AddSession(state.Sessions, evt.Session),
            MoreSessions = AddMoreSession(state, evt.Session),
            RateKey = state.RateKey ?? RateKeyOf(evt),
            EventIds = detailed && evt.EventId is { } id ? [.. state.EventIds, id] : state.EventIds,
            RateGuarded = state.RateGuarded || guard is not null,
            RateGuardOwn = state.RateGuardOwn || guard is { OwnShare: true },
            RateGuardPrincipals = guard is { OwnShare: false } full ? Math.Max(state.RateGuardPrincipals, full.Principals) : state.RateGuardPrincipals,
            // A group folded before these were kept counts as unknown and notice (FoldedAttributes.UnrecordedSeverity).
            ReadOnly = FoldedAttributes.ReadOnly(state.Folded > 0 ? state.ReadOnly ?? FoldedAttributes.Unknown : null, evt.ReadOnly),
            Severity = FoldedAttributes.Severity(state.Folded > 0 ? state.Severity ?? FoldedAttributes.UnrecordedSeverity : null, evt.Severity),
        };
    }

    /// <summary>The group's named sessions with this one, while fewer than <see cref="GroupState.SessionLimit"/> are named.</summary>
    private static IReadOnlyList<string>? AddSession(IReadOnlyList<string>? sessions, string? session) =>
        session is null || sessions is { Count: >= GroupState.SessionLimit } ? sessions : AddDistinct(sessions ?? [], session);

    /// <summary>The further sessions with this one's digest, when the named ones are full and it is none of them.</summary>
    private static string? AddMoreSession(GroupState state, string? session)
    {
        if (session is null || state.Sessions is not { Count: >= GroupState.SessionLimit } named || named.Contains(session, StringComparer.Ordinal)
            || state.MoreSessionCount >= GroupState.MoreSessionsLimit)
        {
            return state.MoreSessions;
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(session)).AsSpan(0, GroupState.SessionDigits / 2));
        var more = state.MoreSessions ?? "";
        for (var i = 0; i + GroupState.SessionDigits <= more.Length; i += GroupState.SessionDigits)
        {
            if (more.AsSpan(i, GroupState.SessionDigits).SequenceEqual(digest))
            {
                return more;
            }
        }

        return more + digest;
    }

    private static string RateKeyOf(FoldEvent evt) => PrincipalKey(evt.RatePrincipal ?? evt.Identity.Principal);

    private static IReadOnlyList<string> AddDistinct(IReadOnlyList<string> values, string? value) =>
        value is null || values.Contains(value, StringComparer.Ordinal) ? values : [.. values, value];

    private static TimeSpan Capped(TimeSpan window) => window > GroupState.MaxWindow ? GroupState.MaxWindow : window;

    private static GroupState Empty(FoldEvent evt, DateTimeOffset now) =>
        new(evt.GroupKey, 0, evt.Identity, now, 0, null, null, [], [], [], false, null, null, RateKey: RateKeyOf(evt));
}
