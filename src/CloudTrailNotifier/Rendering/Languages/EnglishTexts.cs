using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Describing.UserAgents;
using CloudTrailNotifier.Describing.Tampering;

namespace CloudTrailNotifier.Rendering.Languages;

internal sealed class EnglishTexts : Texts
{
    public static EnglishTexts Instance { get; } = new();

    private EnglishTexts()
    {
    }

    public override AssessmentTexts Assessment => EnglishAssessmentTexts.Instance;

    public override bool AsciiSubject => true;

    public override string SubjectTag(Signals signal) => signal switch
    {
        Signals.NotFromAws => "NOT FROM AWS",
        Signals.Tampering => "TAMPERING",
        Signals.AccessDenied => "DENIED",
        Signals.Error => "FAILED",
        Signals.Root => "ROOT",
        Signals.NoMfa => "NO MFA",
        Signals.UnknownAccount => "UNKNOWN ACCOUNT",
        Signals.CrossAccount => "CROSS-ACCOUNT",
        Signals.ConsoleSession => "CONSOLE",
        Signals.AwsService => "AWS SERVICE",
        _ => signal.ToString(),
    };

    // One string from its parts (a part that is null adds nothing), not one string per clause.
    public override string Subject(string action, string? resource, string actor, string? account) =>
        string.Concat(action, resource is null ? null : " on ", resource, " by ", actor, account is null ? null : " (", account, account is null ? null : ")");

    public override string UnknownEvent => "(unnamed event)";
    public override string UnknownCaller => "unknown caller";

    public override string Headline(Outcome outcome, string action, string? service, string? resource, string actor, string? errorCode)
    {
        // "service action on resource", the parts that are there, inside the sentence: one string in all.
        var space = service is null ? null : " ";
        var on = resource is null ? null : " on ";
        return outcome switch
        {
            Outcome.Denied => string.Concat("ACCESS DENIED: ", actor, " tried ", service, space, action, on, resource, " and was refused (", errorCode, ")."),
            Outcome.Failed => string.Concat("FAILED: ", actor, " called ", service, space, action, on, resource, " and it failed (", errorCode, ")."),
            _ => string.Concat(actor, " called ", service, space, action, on, resource, ". It succeeded."),
        };
    }

    public override string SignInHeadline(Outcome outcome, string action, string actor, string? errorCode) => outcome switch
    {
        Outcome.Succeeded when action == "ConsoleLogin" => $"{actor} signed in to the AWS Management Console.",
        Outcome.Succeeded => $"{actor}: console sign-in step {action} succeeded.",
        _ => $"FAILED SIGN-IN: {actor} could not complete {action} ({errorCode}).",
    };

    public override string Who => "Who";
    public override string Action => "Action";
    public override string Result => "Result";
    public override string ErrorMessage => "Error message";
    public override string Resource => "Resource";
    public override string Resources => "Resources";
    public override string Account => "Account";
    public override string From => "From";
    public override string Client => "Client";
    public override string ClientByUserAgent => "Client (by its user agent)";
    public override string When => "When";

    public override string Succeeded => "Succeeded";
    public override string Denied(string code) => $"DENIED ({code})";
    public override string Failed(string code) => $"FAILED ({code})";
    public override string ReadOnlyCall => "read-only";
    public override string WriteCall => "write (changes something)";
    public override string ReadOnlyUnknown => "read-only or write not recorded";
    public override string Yes => "yes";
    public override string No => "no";
    public override string Unknown => "not recorded";

    public override string ActionOn(string eventName, string? service, string readOnly) =>
        string.Concat(eventName, service is null ? null : " on ", service, ", ", readOnly);

    public override string AccountInRegion(string account, string? region) =>
        region is null ? account : $"{account}, region {region}";

    public override string MoreResources(int count) => $"and {count} more in the request parameters";

    public override string ResourceLabel(ResourceKind kind, string source) => kind switch
    {
        ResourceKind.Secret => "secret",
        ResourceKind.Parameter => "parameter",
        ResourceKind.Bucket => "bucket",
        ResourceKind.Object => "object",
        ResourceKind.Role => "IAM role",
        ResourceKind.User => "IAM user",
        ResourceKind.Group => "IAM group",
        ResourceKind.Policy => "IAM policy",
        ResourceKind.Key => "KMS key",
        ResourceKind.Instance => "instance",
        ResourceKind.Function => "function",
        ResourceKind.Table => "table",
        ResourceKind.Snapshot => "snapshot",
        ResourceKind.Image => "image",
        ResourceKind.Volume => "volume",
        ResourceKind.Vpc => "VPC",
        ResourceKind.Subnet => "subnet",
        ResourceKind.SecurityGroup => "security group",
        ResourceKind.NetworkInterface => "network interface",
        ResourceKind.FlowLog => "flow log",
        ResourceKind.DbInstance => "DB instance",
        ResourceKind.DbSnapshot => "DB snapshot",
        ResourceKind.DbCluster => "DB cluster",
        ResourceKind.Trail => "trail",
        ResourceKind.Detector => "GuardDuty detector",
        _ => source,
    };

    public override string Actor(Actor actor, ActorStrings s) => actor.Kind switch
    {
        ActorKind.Root => $"the root user of account {s.Account ?? "(not recorded)"}"
            + (s.Alias is null ? string.Empty : $", alias {s.Alias}"),
        // CloudTrail hides the user name of a console sign-in with a name that is no IAM user (it may be a mistyped password).
        ActorKind.IAMUser when actor.Name == HiddenByCloudTrail =>
            $"a user name CloudTrail hid ({HiddenByCloudTrail}: no IAM user has it, and it may be a mistyped password)",
        ActorKind.IAMUser => $"IAM user {s.Name}",
        ActorKind.AssumedRole or ActorKind.Role when s.PermissionSet is not null =>
            $"{s.Name}, IAM Identity Center user with permission set {s.PermissionSet}",
        ActorKind.AssumedRole when s.Session is not null => $"session {s.Session} of IAM role {s.Role}",
        ActorKind.AssumedRole or ActorKind.Role => $"IAM role {s.Role ?? s.Name}",
        ActorKind.IdentityCenterUser => $"IAM Identity Center user {s.Name}",
        ActorKind.FederatedUser => $"federated user {s.Name}",
        ActorKind.SAMLUser => $"SAML user {s.Name}" + (s.Provider is null ? string.Empty : $" from {s.Provider}"),
        ActorKind.WebIdentityUser => $"web identity user {s.Name}" + (s.Provider is null ? string.Empty : $" from {s.Provider}"),
        ActorKind.Anonymous => "anonymous public access (no credentials, not an AWS account)",
        ActorKind.AWSAccount => $"AWS account {s.Name}",
        ActorKind.AWSService => $"AWS service {s.Name}",
        ActorKind.Directory => $"directory user {s.Name}",
        ActorKind.Unknown => s.Name is null ? "an identity CloudTrail could not classify" : $"{s.Name} (an identity CloudTrail could not classify)",
        ActorKind.Missing => s.Name is null ? "no caller identity in the event" : $"{s.Name} (no caller identity in the event)",
        _ => $"identity of type {s.Type}: {s.Name}",
    } + (actor.Kind is ActorKind.Root or ActorKind.AWSAccount or ActorKind.Anonymous || s.Account is null ? string.Empty : $", account {s.Account}");

    public override string Source(SourceDescription source, string address) => source.Kind switch
    {
        SourceKind.IPv4 => $"{address} (IPv4, {(source.IsPrivate ? "private" : "public")} address)",
        SourceKind.IPv6 => $"{address} (IPv6, {(source.IsPrivate ? "private" : "public")} address)",
        SourceKind.AwsService => $"{address} (an AWS service)",
        SourceKind.AwsInternal => $"{address} (AWS internal)",
        SourceKind.Missing => "not recorded",
        _ => $"{address} (not an IP address)",
    };

    public override string ClientKindLabel(ClientKind kind) => kind switch
    {
        ClientKind.ConsoleBrowser => "web browser, AWS Management Console",
        ClientKind.AwsCli => "command line",
        ClientKind.AwsSdk => "AWS SDK",
        ClientKind.Terraform => "infrastructure as code",
        ClientKind.CloudFormation => "infrastructure as code",
        ClientKind.AwsService => "AWS service",
        ClientKind.AwsInternal => "AWS internal",
        ClientKind.OtherTool => "tool",
        ClientKind.AiAgent => "AI coding agent",
        ClientKind.WebBrowser => "web browser",
        _ => "unrecognised client",
    };

    public override string NoUserAgent => "no user agent recorded";
    public override string TimeNotReadable(string raw) => $"{raw} (not a time this notifier can read)";
    public override string NoTime => "not recorded";

    public override string SignalsTitle => "Signals";

    public override string Signal(Signals signal, SignalContext c) => signal switch
    {
        Signals.NotFromAws => (c.EnvelopeSource is null ? "Not from AWS: the event names no source" : $"Not from AWS: the event's source is {c.EnvelopeSource}")
            + ", and only sources starting with aws. are AWS's own. Anyone allowed events:PutEvents on the bus could have sent it and written every value in it; check the call in CloudTrail before acting on it.",
        Signals.Tampering => Tampering(c),
        Signals.AccessDenied => $"Access denied: the caller lacked permission ({c.ErrorCode}).",
        Signals.Error => $"The call failed with {c.ErrorCode}.",
        Signals.Root => "Root user: the account's root credentials were used.",
        Signals.NoMfa => "No MFA: the caller did not sign in with multi-factor authentication.",
        Signals.UnknownAccount => $"Unknown account: account {c.RecipientAccount} is not in the organization's list of accounts (ACCOUNT_NAMES).",
        Signals.CrossAccount => c.RecipientAccount is null
            ? $"Cross-account: another account, {c.CallerAccount}, made the call."
            : $"Cross-account: account {c.CallerAccount} acted in account {c.RecipientAccount}.",
        Signals.ConsoleSession => c.ConsoleByUserAgentOnly
            ? "Console session, by its user agent only: the user agent names the AWS Management Console, which any caller can claim; nothing else CloudTrail recorded shows a console session."
            : "Console session: made from the AWS Management Console.",
        Signals.AwsService => c.Service is null
            ? "AWS service: the call was made by an AWS service, not directly by a person or program."
            : $"AWS service: the call was made by {c.Service}, not directly by a person or program.",
        _ => signal.ToString(),
    };

    public override string LinksTitle => "Links";
    public override string CloudTrailEventLink => "CloudTrail event";
    public override string IdentityTitle => "Identity";
    public override string RequestTitle => "Request";
    public override string RequestParametersTitle => "Request parameters";
    public override string AdditionalEventDataTitle => "Additional event data";
    public override string ResponseElementsTitle => "Response elements";
    public override string IdentifiersTitle => "Identifiers";

    public override string IdentityType => "Type";
    public override string Arn => "ARN";
    public override string PrincipalId => "Principal ID";
    public override string AccessKey => "Access key";
    public override string Mfa => "MFA";
    public override string SessionIssuer => "Session issuer";
    public override string SessionStarted => "Session started";
    public override string SourceIdentity => "Source identity";
    public override string InvokedBy => "Invoked by";
    public override string IdentityCenterUser => "Identity Center user";
    public override string IdentityStore => "Identity store";
    public override string IdentityProvider => "Identity provider";
    public override string CredentialId => "Credential ID";
    public override string InScopeOf => "In scope of";
    public override string DelegateAccount => "Delegate account";

    public override string Service => "Service";
    public override string EventType => "Event type";
    public override string UserAgent => "User agent";
    public override string Tls => "TLS";
    public override string VpcEndpoint => "VPC endpoint";

    public override string EventId => "Event ID";
    public override string RequestId => "Request ID";
    public override string EventBridgeId => "EventBridge ID";
    public override string EventVersion => "Event version";
    public override string DetailType => "Detail type";

    public override string CharactersOmitted(int count) => $"… ({count:N0} more characters not shown)";
    public override string SectionTruncated(int totalBytes) => $"… (cut short: {totalBytes:N0} bytes of JSON in all; open the CloudTrail event for the rest)";
    public override string Redacted(int characters) => $"[redacted: {characters:N0} characters]";
    public override string HiddenByCloudTrail => "[hidden by CloudTrail]";
    public override string NestedTooDeep => "… (nested deeper; not shown)";
    public override string JsonText => "(JSON text)";
    public override string UrlEncodedJsonText => "(URL-encoded JSON text)";

    public override string Footer(string? timeZone) =>
        "Sent by CloudTrailNotifier. Times are "
        + (timeZone is null ? "UTC" : $"UTC and {timeZone}")
        + ". Values come from the event as recorded; invisible and control characters are shown escaped (\\n, \\u202E), web addresses and domain names defanged (https[:]//, example[.]com).";

    public override string FallbackSubject => "[UNREADABLE] An event arrived that could not be interpreted";
    public override string FallbackHeadline => "CloudTrailNotifier received an event it could not interpret. It is shown below as received, so nothing is lost.";
    public override string FallbackReason => "Reason";
    public override string FallbackSize(int bytes) => $"{bytes:N0} bytes";
    public override string FallbackRawTitle => "Event as received";
    public override string FallbackRawOmitted(int bytes) => $"… ({bytes:N0} more bytes not shown)";

    private static string Tampering(SignalContext c)
    {
        var name = c.TamperName ?? "(not recorded)";
        var what = c.TamperTarget switch
        {
            TamperTargetKind.Trail => $"this call stops or weakens CloudTrail logging (trail {name}); calls the trail no longer logs never reach this notifier.",
            TamperTargetKind.Rule => $"this call changes EventBridge rule {name} of this notifier; notifications may stop or go elsewhere.",
            TamperTargetKind.Function => $"this call changes function {name} of this notifier; notifications may stop or be altered.",
            TamperTargetKind.Topic => $"this call changes SNS topic {name} of this notifier: who may publish to it or receive from it.",
            TamperTargetKind.Subscription => $"this call changes a subscription of SNS topic {name} of this notifier; its recipient may stop receiving notifications.",
            TamperTargetKind.Alarm => $"this call changes alarm {name} of this notifier; failures of the notifier may go unnoticed.",
            TamperTargetKind.Key => $"this call changes KMS key {name}, which encrypts this notifier's topics; while the key is disabled, deleted or refuses the notifier, no notification can be published.",
            TamperTargetKind.Role => $"this call changes the permissions of IAM role {name}, the role this notifier's function runs as; a Deny or a removed permission stops notifications.",
            TamperTargetKind.Table => $"this call changes DynamoDB table {name}, where this notifier keeps folded events until their digest; deleted or changed, those events may never be sent.",
            _ => $"this call changes dead-letter queue {name} of this notifier; events kept there may be lost.",
        };
        return c.ThroughCloudFormation
            ? $"Tampering: {what} It was made through CloudFormation, as during a deployment of the stack (sam deploy)."
            : $"Tampering: {what} Check that it was intended.";
    }
}
