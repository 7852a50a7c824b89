using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Describing.UserAgents;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Rendering.Languages;

/// <summary>
/// Every label and sentence of a notification, in one language. Arguments passed to the sentence methods
/// are already escaped by the caller; implementations only arrange them.
/// </summary>
internal abstract class Texts
{
    public static Texts For(NotificationLanguage language) =>
        language == NotificationLanguage.Japanese ? JapaneseTexts.Instance : EnglishTexts.Instance;

    /// <summary>The words for severity, risk and next steps.</summary>
    public abstract AssessmentTexts Assessment { get; }

    /// <summary>Whether subjects must be plain ASCII (English) or may carry the language's own script.</summary>
    public abstract bool AsciiSubject { get; }

    // Subject
    public abstract string SubjectTag(Signals signal);
    public abstract string Subject(string action, string? resource, string actor, string? account);
    public abstract string UnknownEvent { get; }
    public abstract string UnknownCaller { get; }

    // Headline: the first line of the body.
    public abstract string Headline(Outcome outcome, string action, string? service, string? resource, string actor, string? errorCode);

    /// <summary>The headline for a console sign-in (ConsoleLogin and friends).</summary>
    public abstract string SignInHeadline(Outcome outcome, string action, string actor, string? errorCode);

    // Summary block labels
    public abstract string Who { get; }
    public abstract string Action { get; }
    public abstract string Result { get; }
    public abstract string ErrorMessage { get; }
    public abstract string Resource { get; }
    public abstract string Resources { get; }
    public abstract string Account { get; }
    public abstract string From { get; }
    public abstract string Client { get; }

    /// <summary>The client's label when only the user agent, which the caller chooses, names it.</summary>
    public abstract string ClientByUserAgent { get; }
    public abstract string When { get; }

    // Values
    public abstract string Succeeded { get; }
    public abstract string Denied(string code);
    public abstract string Failed(string code);
    public abstract string ReadOnlyCall { get; }
    public abstract string WriteCall { get; }
    public abstract string ReadOnlyUnknown { get; }
    public abstract string Yes { get; }
    public abstract string No { get; }
    public abstract string Unknown { get; }
    public abstract string ActionOn(string eventName, string? service, string readOnly);
    public abstract string AccountInRegion(string account, string? region);

    /// <summary>An account id with the name ACCOUNT_NAMES gives it, in the summary and details.</summary>
    public virtual string NamedAccount(string account, string? name) => name is null ? account : $"{account} ({name})";

    /// <summary>An account id with its name, inside the subject's parentheses.</summary>
    public virtual string SubjectAccount(string account, string name) => $"{account} {name}";
    public abstract string MoreResources(int count);
    public abstract string ResourceLabel(ResourceKind kind, string source);
    public abstract string Actor(Actor actor, ActorStrings strings);
    public abstract string Source(SourceDescription source, string address);
    public abstract string ClientKindLabel(ClientKind kind);
    public abstract string NoUserAgent { get; }
    public abstract string TimeNotReadable(string raw);
    public abstract string NoTime { get; }

    // Signals
    public abstract string SignalsTitle { get; }
    public abstract string Signal(Signals signal, SignalContext context);

    // Sections
    public abstract string LinksTitle { get; }
    public abstract string CloudTrailEventLink { get; }
    public abstract string IdentityTitle { get; }
    public abstract string RequestTitle { get; }
    public abstract string RequestParametersTitle { get; }
    public abstract string AdditionalEventDataTitle { get; }
    public abstract string ResponseElementsTitle { get; }
    public abstract string IdentifiersTitle { get; }

    // Identity labels
    public abstract string IdentityType { get; }
    public abstract string Arn { get; }
    public abstract string PrincipalId { get; }
    public abstract string AccessKey { get; }
    public abstract string Mfa { get; }
    public abstract string SessionIssuer { get; }
    public abstract string SessionStarted { get; }
    public abstract string SourceIdentity { get; }
    public abstract string InvokedBy { get; }
    public abstract string IdentityCenterUser { get; }
    public abstract string IdentityStore { get; }
    public abstract string IdentityProvider { get; }
    public abstract string CredentialId { get; }
    public abstract string InScopeOf { get; }
    public abstract string DelegateAccount { get; }

    // Request labels
    public abstract string Service { get; }
    public abstract string EventType { get; }
    public abstract string UserAgent { get; }
    public abstract string Tls { get; }
    public abstract string VpcEndpoint { get; }

    // Identifier labels
    public abstract string EventId { get; }
    public abstract string RequestId { get; }
    public abstract string EventBridgeId { get; }
    public abstract string EventVersion { get; }
    public abstract string DetailType { get; }

    // Truncation notes
    public abstract string CharactersOmitted(int count);

    /// <summary>Stands in for a secret of so many characters (see Redaction/RedactionRules).</summary>
    public abstract string Redacted(int characters);

    /// <summary>Stands in for CloudTrail's own HIDDEN_DUE_TO_SECURITY_REASONS.</summary>
    public abstract string HiddenByCloudTrail { get; }
    public abstract string SectionTruncated(int totalBytes);
    public abstract string NestedTooDeep { get; }
    public abstract string JsonText { get; }
    public abstract string UrlEncodedJsonText { get; }

    // Footer
    public abstract string Footer(string? timeZone);

    // Fallback for events that cannot be interpreted
    public abstract string FallbackSubject { get; }
    public abstract string FallbackHeadline { get; }
    public abstract string FallbackReason { get; }
    public abstract string FallbackSize(int bytes);
    public abstract string FallbackRawTitle { get; }
    public abstract string FallbackRawOmitted(int bytes);
}
