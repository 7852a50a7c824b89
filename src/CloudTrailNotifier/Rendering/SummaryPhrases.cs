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
internal sealed class SummaryPhrases(Texts t, Func<string, int, string> escape)
{
    public const int MaxPiece = 256;

    /// <summary>The email's escaping: visible escapes for what could break or hide a line.</summary>
    public static Func<string, int, string> Email { get; } = (value, max) => EmailText.Clean(value, max);

    public Texts Texts => t;

    /// <summary>The untrusted value made safe; null when blank.</summary>
    public string? Safe(string? value, int maxChars = MaxPiece) =>
        string.IsNullOrWhiteSpace(value) ? null : escape(value, maxChars);

    public string Headline(EventFacts facts)
    {
        var action = Safe(facts.EventName) ?? t.UnknownEvent;
        var actorName = Safe(facts.Actor.Name) ?? t.UnknownCaller;
        var errorCode = Safe(facts.ErrorCode);
        var resourcePhrase = facts.Resources.Count == 0
            ? null
            : ResourcePhrase(facts.Resources[0]) + (facts.Resources.Count > 1 ? $" (+{facts.Resources.Count - 1})" : string.Empty);

        if (facts.Insight is { } insight)
        {
            return t.Assessment.InsightHeadline(action, Safe(facts.ServiceName), insight);
        }

        return facts.IsSignIn
            ? t.SignInHeadline(facts.Outcome, action, actorName, errorCode)
            : facts.Event.EventType == "AwsServiceEvent"
                ? t.Assessment.ServiceEventHeadline(action, Safe(facts.ServiceName), resourcePhrase)
                : t.Headline(facts.Outcome, action, Safe(facts.ServiceName), resourcePhrase, actorName, errorCode);
    }

    public string Who(EventFacts facts)
    {
        var actor = facts.Actor;
        var strings = new ActorStrings(
            Safe(actor.Name) ?? t.UnknownCaller,
            Safe(actor.AccountAlias),
            Safe(actor.RoleName),
            Safe(actor.SessionName),
            Safe(actor.PermissionSet),
            Safe(actor.IdentityProvider),
            Safe(actor.AccountId),
            Safe(actor.TypeText));
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
        return t.ActionOn(Safe(facts.EventName) ?? t.UnknownEvent, Safe(facts.ServiceName), readOnly);
    }

    public string Result(EventFacts facts) => facts.Outcome switch
    {
        Outcome.Denied => t.Denied(Safe(facts.ErrorCode) ?? t.Unknown),
        Outcome.Failed => t.Failed(Safe(facts.ErrorCode) ?? t.Unknown),
        _ => t.Succeeded,
    };

    /// <summary>"secret prod/db": the kind, then the short name.</summary>
    public string ResourcePhrase(ResourceRef resource) =>
        $"{t.ResourceLabel(resource.Kind, Raw(resource.Source, 64))} {Raw(resource.Name, MaxPiece)}";

    /// <summary>The kind of resource as the links name it.</summary>
    public string ResourceLabel(ResourceRef resource) => t.ResourceLabel(resource.Kind, Raw(resource.Source, 64));

    /// <summary>"secret prod/db (arn:...)": the identifier folded in when it says more than the name.</summary>
    public string ResourceWithIdentifier(ResourceRef resource, int maxIdentifier) =>
        resource.Identifier == resource.Name
            ? ResourcePhrase(resource)
            : $"{ResourcePhrase(resource)} ({Raw(resource.Identifier, maxIdentifier)})";

    /// <summary>"111111111111 (prod), region us-east-1"; null when the event names no account.</summary>
    public string? Account(EventFacts facts) =>
        Safe(facts.Event.RecipientAccount) is { } account
            ? t.AccountInRegion(t.NamedAccount(account, Safe(facts.AccountName)), Safe(facts.Event.Region))
            : null;

    public string From(EventFacts facts) => t.Source(facts.Source, Safe(facts.Source.Address) ?? string.Empty);

    public string Client(EventFacts facts) => ClientPhrase.Describe(facts.Client, facts.Event.UserAgent, this);

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
            Safe(facts.ErrorCode),
            Safe(facts.Actor.AccountId) is { } caller ? t.NamedAccount(caller, Safe(facts.CallerAccountName)) : null,
            Safe(facts.Event.RecipientAccount) is { } recipient ? t.NamedAccount(recipient, Safe(facts.AccountName)) : null,
            Safe(service))
        {
            TamperTarget = facts.Tamper?.Target ?? default,
            TamperName = Safe(facts.Tamper?.Name),
            ThroughCloudFormation = service == "cloudformation.amazonaws.com",
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

    /// <summary>STS calls CloudTrail marks read-only that hand out credentials, which is not "reading".</summary>
    private static bool IssuesCredentials(CloudTrailEvent evt) =>
        evt.EventSource == "sts.amazonaws.com" && evt.EventName is { } name
        && (name.StartsWith("AssumeRole", StringComparison.Ordinal) || name is "GetSessionToken" or "GetFederationToken" or "AssumeRoot");
}
