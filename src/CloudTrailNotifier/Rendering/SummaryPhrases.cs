using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Rendering.Languages;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// The summary's sentences for one event (headline, who, what, result, resource, account, from where, with what,
/// when, signals, why it matters, sharing), in one language, shared by every format. Each format says how a value
/// from the event is made safe: <paramref name="escape"/> gets a non-blank untrusted string and a length limit
/// (the email shows it escaped, chat in a code span); the words around it are the program's own.
/// </summary>
/// <remarks>
/// Several sentences name the same values (the call in the headline and the action, the caller's account in the
/// identity and the signals): those are escaped once per event and kept until the next (see <see cref="Piece"/>).
/// So an instance serves one thread at a time.
/// </remarks>
internal sealed class SummaryPhrases(Texts t, Func<string, int, string> escape)
{
    public const int MaxPiece = 256;

    private const int EventNamePiece = 0;
    private const int ActorNamePiece = 1;
    private const int ErrorCodePiece = 2;
    private const int ServiceNamePiece = 3;
    private const int CallerAccountPiece = 4;
    private const int RecipientAccountPiece = 5;
    private const int AccountNamePiece = 6;
    private const int CallerAccountNamePiece = 7;
    private const int ActorTypePiece = 8;
    private const int PieceCount = 9;

    private readonly string?[] _pieces = new string?[PieceCount];

    /// <summary>The facts <see cref="_pieces"/> belong to (immutable: the same object says the same).</summary>
    private EventFacts? _piecesOf;

    /// <summary>One bit per piece already escaped for <see cref="_piecesOf"/>.</summary>
    private int _escaped;

    /// <summary>The last resource <see cref="ResourcePhrase"/> described (immutable), and its phrase: the headline
    /// and the summary's resource line both describe the first resource.</summary>
    private ResourceRef? _phraseOf;

    private string _phrase = string.Empty;

    /// <summary>The email's escaping: visible escapes for what could break or hide a line.</summary>
    public static Func<string, int, string> Email { get; } = (value, max) => EmailText.Clean(value, max);

    public Texts Texts => t;

    /// <summary>The untrusted value made safe; null when blank.</summary>
    public string? Safe(string? value, int maxChars = MaxPiece) =>
        string.IsNullOrWhiteSpace(value) ? null : escape(value, maxChars);

    /// <summary>The event's name made safe (null when blank), escaped once per event.</summary>
    public string? EventName(EventFacts facts) => Piece(facts, EventNamePiece, facts.EventName);

    /// <summary>The caller's account ID made safe (null when blank), escaped once per event.</summary>
    public string? CallerAccount(EventFacts facts) => Piece(facts, CallerAccountPiece, facts.Actor.AccountId);

    /// <summary>The caller's account's name made safe (null when blank), escaped once per event.</summary>
    public string? CallerAccountName(EventFacts facts) => Piece(facts, CallerAccountNamePiece, facts.CallerAccountName);

    /// <summary>The caller's identity type as recorded, made safe (null when blank), escaped once per event.</summary>
    public string? ActorType(EventFacts facts) => Piece(facts, ActorTypePiece, facts.Actor.TypeText);

    public string Headline(EventFacts facts)
    {
        var action = EventName(facts) ?? t.UnknownEvent;
        var actorName = Piece(facts, ActorNamePiece, facts.Actor.Name) ?? t.UnknownCaller;
        var errorCode = Piece(facts, ErrorCodePiece, facts.ErrorCode);
        var resourcePhrase = facts.Resources.Count == 0
            ? null
            : ResourcePhrase(facts.Resources[0]) + (facts.Resources.Count > 1 ? $" (+{facts.Resources.Count - 1})" : string.Empty);

        if (facts.Insight is { } insight)
        {
            return t.Assessment.InsightHeadline(action, Piece(facts, ServiceNamePiece, facts.ServiceName), insight);
        }

        return facts.IsSignIn
            ? t.SignInHeadline(facts.Outcome, action, actorName, errorCode)
            : facts.Event.EventType == "AwsServiceEvent"
                ? t.Assessment.ServiceEventHeadline(action, Piece(facts, ServiceNamePiece, facts.ServiceName), resourcePhrase)
                : t.Headline(facts.Outcome, action, Piece(facts, ServiceNamePiece, facts.ServiceName), resourcePhrase, actorName, errorCode);
    }

    public string Who(EventFacts facts)
    {
        var actor = facts.Actor;
        var strings = new ActorStrings(
            Piece(facts, ActorNamePiece, actor.Name) ?? t.UnknownCaller,
            Safe(actor.AccountAlias),
            Safe(actor.RoleName),
            Safe(actor.SessionName),
            Safe(actor.PermissionSet),
            Safe(actor.IdentityProvider),
            CallerAccount(facts),
            ActorType(facts));
        return t.Actor(actor, strings) + (Safe(facts.Via) is { } via ? t.Assessment.Via(via) : string.Empty);
    }

    public string Action(EventFacts facts)
    {
        var evt = facts.Event;
        var readOnly = IssuesCredentials(evt) ? t.Assessment.IssuesCredentials : evt.ReadOnly switch
        {
            true => t.ReadOnlyCall,
            false => t.WriteCall,
            null => t.ReadOnlyUnknown,
        };
        return t.ActionOn(EventName(facts) ?? t.UnknownEvent, Piece(facts, ServiceNamePiece, facts.ServiceName), readOnly);
    }

    public string Result(EventFacts facts) => facts.Outcome switch
    {
        Outcome.Denied => t.Denied(Piece(facts, ErrorCodePiece, facts.ErrorCode) ?? t.Unknown),
        Outcome.Failed => t.Failed(Piece(facts, ErrorCodePiece, facts.ErrorCode) ?? t.Unknown),
        _ => t.Succeeded,
    };

    /// <summary>"secret prod/db": the kind, then the short name.</summary>
    public string ResourcePhrase(ResourceRef resource)
    {
        if (!ReferenceEquals(resource, _phraseOf))
        {
            _phrase = $"{t.ResourceLabel(resource.Kind, Raw(resource.Source, 64))} {Raw(resource.Name, MaxPiece)}";
            _phraseOf = resource;
        }

        return _phrase;
    }

    /// <summary>The kind of resource as the links name it.</summary>
    public string ResourceLabel(ResourceRef resource) => t.ResourceLabel(resource.Kind, Raw(resource.Source, 64));

    /// <summary>"secret prod/db (arn:...)": the identifier folded in when it says more than the name.</summary>
    public string ResourceWithIdentifier(ResourceRef resource, int maxIdentifier) =>
        resource.Identifier == resource.Name
            ? ResourcePhrase(resource)
            : $"{ResourcePhrase(resource)} ({Raw(resource.Identifier, maxIdentifier)})";

    /// <summary>"111111111111 (prod), region us-east-1"; null when the event names no account.</summary>
    public string? Account(EventFacts facts) =>
        Piece(facts, RecipientAccountPiece, facts.Event.RecipientAccount) is { } account
            ? t.AccountInRegion(t.NamedAccount(account, Piece(facts, AccountNamePiece, facts.AccountName)), Safe(facts.Event.Region))
            : null;

    public string From(EventFacts facts) => t.Source(facts.Source, Safe(facts.Source.Address) ?? string.Empty);

    public string Client(EventFacts facts) => ClientPhrase.Describe(facts.Client, facts.Event.UserAgent, this);

    /// <summary>"Client" when the record confirms the client or there is no user agent; otherwise the user agent's claim.</summary>
    public string ClientLabel(EventFacts facts) =>
        facts.ClientRecorded || string.IsNullOrWhiteSpace(facts.Event.UserAgent) ? t.Client : t.ClientByUserAgent;

    public string When(EventFacts facts, TimeZoneInfo zone) =>
        facts.Time is { } time
            ? WhenPhrase.Describe(time, zone)
            : Safe(facts.Event.TimeText) is { } raw ? t.TimeNotReadable(raw) : t.NoTime;

    /// <summary>One sentence per signal, in <see cref="SignalOrder"/>.</summary>
    public IEnumerable<string> Signals(EventFacts facts)
    {
        var service = facts.Actor.InvokedBy ?? (facts.Actor.Kind == ActorKind.AWSService ? facts.Actor.Name : null)
            ?? (facts.Source.Kind == SourceKind.AwsService ? facts.Source.Address : null);
        var context = new SignalContext(
            Piece(facts, ErrorCodePiece, facts.ErrorCode),
            CallerAccount(facts) is { } caller ? t.NamedAccount(caller, CallerAccountName(facts)) : null,
            Piece(facts, RecipientAccountPiece, facts.Event.RecipientAccount) is { } recipient
                ? t.NamedAccount(recipient, Piece(facts, AccountNamePiece, facts.AccountName))
                : null,
            Safe(service))
        {
            TamperTarget = facts.Tamper?.Target ?? default,
            TamperName = Safe(facts.Tamper?.Name),
            ThroughCloudFormation = service == ServiceNames.CloudFormationPrincipal,
            ConsoleByUserAgentOnly = facts.ConsoleByUserAgentOnly,
            EnvelopeSource = Safe(facts.Event.EnvelopeSource),
        };

        foreach (var signal in SignalOrder.In(facts.Signals))
        {
            yield return t.Signal(signal, context);
        }
    }

    /// <summary>Why it matters, one sentence; null when no rule names a reason.</summary>
    public string? Risk(EventFacts facts)
    {
        var assessment = facts.Assessment;
        return assessment.Risk is { } risk
            ? t.Assessment.Risk(risk.Kind, new RiskStrings(
                Safe(risk.Target) ?? "-",
                Safe(risk.Principal) ?? "-",
                assessment.PrincipalKind,
                Safe(risk.OutsideAccount),
                Safe(risk.Region) ?? "-"))
            : null;
    }

    /// <summary>What a sharing call adds and removes, each account marked when it is outside this one; null when none.</summary>
    public string? Sharing(EventFacts facts)
    {
        var sharing = facts.Assessment.Sharing;
        if (sharing.IsEmpty)
        {
            return null;
        }

        var recipient = facts.Event.RecipientAccount;
        string Describe(IReadOnlyList<string> accounts) => string.Join(", ", accounts.Select(account =>
            account == SharingChange.Everyone ? t.Assessment.Everyone
            : AccountIds.IsOutside(account, recipient) ? t.Assessment.OutsideMark(Raw(account, 64))
            : Raw(account, 64)));

        return t.Assessment.SharingValue(
            sharing.Added.Count == 0 ? null : Describe(sharing.Added),
            sharing.Removed.Count == 0 ? null : Describe(sharing.Removed));
    }

    /// <summary>The value made safe even when blank (an empty one stays empty), as the email has always shown it.</summary>
    private string Raw(string value, int maxChars) => value.Length == 0 ? string.Empty : escape(value, maxChars);

    /// <summary>
    /// A piece of <paramref name="facts"/> made safe as <see cref="Safe"/> makes it: escaped at its first use for
    /// these facts, then the same string again. A new event starts over.
    /// </summary>
    private string? Piece(EventFacts facts, int piece, string? value)
    {
        if (!ReferenceEquals(facts, _piecesOf))
        {
            _piecesOf = facts;
            _escaped = 0;
        }

        var bit = 1 << piece;
        if ((_escaped & bit) == 0)
        {
            _pieces[piece] = Safe(value);
            _escaped |= bit;
        }

        return _pieces[piece];
    }

    /// <summary>STS calls CloudTrail marks read-only that hand out credentials, which is not "reading".</summary>
    private static bool IssuesCredentials(CloudTrailEvent evt) =>
        evt.EventSource == "sts.amazonaws.com" && evt.EventName is { } name
        && (name.StartsWith("AssumeRole", StringComparison.Ordinal) || name is "GetSessionToken" or "GetFederationToken" or "AssumeRoot");
}
