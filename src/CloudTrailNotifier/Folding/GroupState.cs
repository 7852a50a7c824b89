namespace CloudTrailNotifier.Folding;

/// <summary>
/// One group as the state table holds it. <see cref="Version"/> is the optimistic lock: every write is
/// conditional on the version read, so two invocations never both take the same decision.
/// </summary>
/// <param name="WindowEnd">Until when further events of the group are folded.</param>
/// <param name="Folded">Events folded and not yet in a digest.</param>
/// <param name="Addresses">The distinct source addresses of the first <see cref="GroupState.DetailLimit"/> folded events.</param>
/// <param name="LeaseEnd">A sweep that claimed the digest owns it until then.</param>
/// <param name="OpenedBy">The event key of the first event the window opened for, sent at once: Lambda's retry of that
/// event, after its publish failed, is sent again rather than folded into the window it opened itself.</param>
/// <param name="ReadOnly">Whether the folded events were read-only (<see cref="FoldedAttributes.ReadOnly"/>); null with none folded.</param>
/// <param name="Severity">The highest severity of the folded events (<see cref="FoldedAttributes.Severity"/>); null with none folded.</param>
/// <param name="RateGuardOwn">The rate guard held a first event back because its principal had used its share of a minute.</param>
/// <param name="RateGuardPrincipals">The rate guard held a first event back because a minute's limit was reached, by the first
/// events of this many principals (the most seen; 0: never, or not known).</param>
/// <param name="Sessions">The first <see cref="GroupState.SessionLimit"/> distinct sessions (<see cref="FoldEvent.Session"/>) of all
/// folded events, whatever their number: who made the calls when the group is a role's; null or empty with none known.</param>
/// <param name="MoreSessions">The further distinct sessions, each as 8 hexadecimal digits of its SHA-256, one after the other
/// (at most <see cref="GroupState.MoreSessionsLimit"/>): the digest says how many more there were; null with none.</param>
/// <param name="RateKey">The rate principal of the group's calls (<see cref="FoldDecider.PrincipalKey"/>): a sweep shares its limit
/// out by it; null for a group stored before it was kept.</param>
internal sealed record GroupState(
    string GroupKey,
    long Version,
    GroupIdentity Identity,
    DateTimeOffset WindowEnd,
    int Folded,
    DateTimeOffset? FirstFolded,
    DateTimeOffset? LastFolded,
    IReadOnlyList<string> Addresses,
    IReadOnlyList<string> UserAgents,
    IReadOnlyList<string> EventIds,
    bool RateGuarded,
    DateTimeOffset? LeaseEnd,
    string? LeaseId,
    string? OpenedBy = null,
    string? ReadOnly = null,
    string? Severity = null,
    bool RateGuardOwn = false,
    int RateGuardPrincipals = 0,
    IReadOnlyList<string>? Sessions = null,
    string? MoreSessions = null,
    string? RateKey = null)
{
    /// <summary>Addresses, user agents and event ids are kept for the first this many folded events.</summary>
    public const int DetailLimit = 5;

    /// <summary>The digest names this many distinct sessions of the folded calls, and counts the others.</summary>
    public const int SessionLimit = 10;

    /// <summary>The digest counts at most this many further sessions exactly (8 digits each: 1,600 characters at most).</summary>
    public const int MoreSessionsLimit = 200;

    /// <summary>The further sessions counted (<see cref="MoreSessions"/>).</summary>
    public int MoreSessionCount => (MoreSessions?.Length ?? 0) / SessionDigits;

    /// <summary>The length of one further session's digest in <see cref="MoreSessions"/>.</summary>
    public const int SessionDigits = 8;

    /// <summary>The longest window: no digest waits longer than a day after its group's first event.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    /// <summary>When the digest is due: the end of the window (never more than a day after it opened).</summary>
    public DateTimeOffset? DueAt => Folded <= 0 ? null : WindowEnd;

    public bool IsDue(DateTimeOffset now) => DueAt is { } due && due <= now && (LeaseEnd is not { } lease || lease <= now);
}
