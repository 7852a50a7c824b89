using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.Resources;

namespace CloudTrailNotifier.Rendering.Languages;

internal sealed class EnglishAssessmentTexts : AssessmentTexts
{
    public static EnglishAssessmentTexts Instance { get; } = new();

    private EnglishAssessmentTexts()
    {
    }

    public override string? SubjectTag(Severity severity) => severity switch
    {
        Severity.Critical => "CRITICAL",
        Severity.High => "HIGH",
        _ => null,
    };

    public override string DecoyTag => "DECOY";

    public override string SeverityLabel => "Severity";

    public override string SeverityValue(Severity severity) => severity switch
    {
        Severity.Critical => "CRITICAL, act now",
        Severity.High => "HIGH, check it today",
        Severity.Notice => "notice, worth a look",
        _ => "info, routine",
    };

    public override string RiskLabel => "Why it matters";

    public override string Risk(RiskKind kind, RiskStrings s) => kind switch
    {
        RiskKind.DecoyTouched => $"Decoy secret {s.Target} was touched. Nobody has a reason to use it, so a leaked credential or an intruder is the likely cause.",
        RiskKind.LoggingStopped => $"Logging was stopped on trail {s.Target} in {s.Region}: API calls it recorded are no longer logged.",
        RiskKind.TrailDeleted => $"Trail {s.Target} was deleted in {s.Region}: API calls it recorded are no longer logged.",
        RiskKind.TrailSelectorsChanged => $"The event selectors of trail {s.Target} changed: some calls may no longer be logged.",
        RiskKind.TrailChanged => $"The settings of trail {s.Target} changed: where and what it logs may be different now.",
        RiskKind.FlowLogsDeleted => $"Flow logs {s.Target} were deleted: network traffic there is no longer recorded.",
        RiskKind.DetectorDeleted => $"GuardDuty detector {s.Target} was deleted in {s.Region}: threat detection is off there.",
        RiskKind.RecorderStopped => $"AWS Config recording was stopped or removed in {s.Region}: configuration changes are no longer tracked.",
        RiskKind.LeftOrganization => "The account left its AWS Organization: the organization's guardrails and central logging no longer apply.",
        RiskKind.AdminPolicyAttached => $"A policy granting administrator access ({s.Target}) was attached to {Principal(s)}.",
        RiskKind.PolicyAttached => $"Policy {s.Target} was attached to {Principal(s)}: its permissions changed.",
        RiskKind.InlinePolicyAllowsAll => $"Inline policy {s.Target}, allowing every action on every resource, was put on {Principal(s)}.",
        RiskKind.InlinePolicyPut => $"Inline policy {s.Target} was put on {Principal(s)}: its permissions changed.",
        RiskKind.TrustPolicyOpenToAll => $"The trust policy of role {s.Target} now lets anyone (Principal \"*\") assume it.",
        RiskKind.TrustPolicyChanged => $"The trust policy of role {s.Target} changed: who may assume the role is different now.",
        RiskKind.AccessKeyForOtherUser => $"An access key was created for IAM user {s.Principal} by another identity: whoever holds it can act as that user.",
        RiskKind.AccessKeyCreated => $"A new access key was created for IAM user {s.Principal}.",
        RiskKind.LoginProfileForOtherUser => $"A console password was set for IAM user {s.Principal} by another identity: whoever knows it can sign in as that user.",
        RiskKind.SnapshotPublic => $"Snapshot {s.Target} was made public: any AWS account can copy it.",
        RiskKind.SnapshotShared => $"Snapshot {s.Target} was shared with account {s.OutsideAccount}, which is outside this account: it can now copy the snapshot.",
        RiskKind.ImagePublic => $"Image {s.Target} was made public: any AWS account can launch it.",
        RiskKind.ImageShared => $"Image {s.Target} was shared with account {s.OutsideAccount}, which is outside this account: it can now launch the image.",
        RiskKind.DbSnapshotPublic => $"DB snapshot {s.Target} was made public: any AWS account can restore it.",
        RiskKind.DbSnapshotShared => $"DB snapshot {s.Target} was shared with account {s.OutsideAccount}, which is outside this account: it can now restore the snapshot.",
        RiskKind.BucketPolicyPublic => $"The policy of bucket {s.Target} now grants access to everyone (Principal \"*\" or NotPrincipal, and no condition that limits who).",
        RiskKind.BucketAclPublic => $"The ACL of bucket {s.Target} now grants access to all users or to any AWS account.",
        RiskKind.PublicAccessBlockRemoved => $"The public access block of bucket {s.Target} was removed: policies and ACLs may now make it public.",
        RiskKind.ResourcePolicyPublic => $"The resource policy of {s.Target} now grants access to everyone (Principal \"*\" or NotPrincipal, and no condition that limits who).",
        RiskKind.IngressFromAnywhere => $"Security group {s.Target} now admits traffic from any address on the internet.",
        RiskKind.KeyDeletion => $"KMS key {s.Target} was disabled or scheduled for deletion: data encrypted under it becomes unreadable.",
        RiskKind.RootUsed => "The root user was used: it can do anything in the account and is meant for rare tasks only.",
        RiskKind.AnonymousAccess => $"Someone without any credentials was served {s.Target}: it is open to the public.",
        RiskKind.SignInWithoutMfa => "An IAM user signed in to the console with a password alone, without MFA.",
        RiskKind.SecretReadDenied => $"A read of secret {s.Target} was refused: someone tried to read a secret they may not.",
        RiskKind.SecretValueRead => $"The value of secret {s.Target} was read: whoever holds it can use what it protects.",
        RiskKind.SessionStarted => $"A shell session was started on {s.Target} through Session Manager.",
        RiskKind.CommandSent => $"A command was sent to {s.Target} through Run Command.",
        RiskKind.SecretValuesReadByFilter => "The values of every secret the request's filters matched were read: whoever holds them can use what they protect.",
        RiskKind.ParameterValueRead => $"Parameter {s.Target} was read with decryption: the value of a SecureString parameter is now known to the caller.",
        RiskKind.QueryLoggingDeleted => $"DNS query logging {s.Target} was deleted or detached in {s.Region}: DNS queries from the VPCs it covered are no longer logged.",
        RiskKind.UnusualActivity => $"CloudTrail Insights found {s.Target} far outside its usual rate: automation gone wrong, or someone working through the account.",
        RiskKind.UserDataChanged => $"The user data of instance {s.Target} was replaced: it runs as root when the instance next starts.",
        RiskKind.ControlOffRefused => $"An attempt to switch off a security control ({s.Target}) was refused: someone wanted this account unwatched, and may try again with other credentials.",
        RiskKind.RoleTrustsOutside => $"New role {s.Target} trusts account {s.OutsideAccount}, which is outside this account: that account may assume the role.",
        RiskKind.ObjectAclPublic => $"The ACL of object {s.Target} now grants access to all users or to any AWS account.",
        RiskKind.PublicAccessBlockOff => $"The public access block of bucket {s.Target} was turned off, in whole or in part: policies and ACLs may now make it public.",
        RiskKind.AccountPublicAccessBlockOff => $"The S3 public access block of account {s.Target} was turned off, in whole or in part: every bucket's policies and ACLs may now make it public.",
        RiskKind.FunctionUrlPublic => $"Function {s.Target} now has a URL anyone on the internet can call without signing in (auth type NONE).",
        _ => kind.ToString(),
    } + (s.OutsideAccount is not { } account ? string.Empty
        : kind is RiskKind.TrustPolicyChanged or RiskKind.TrustPolicyOpenToAll ? " " + OutsideAccount(account)
        : IsSecretRead(kind) ? " " + SecretOfOtherAccount(account)
        : string.Empty);

    public override string OutsideAccount(string account) => $"It names account {account}, which is outside this account.";

    public override string SecretOfOtherAccount(string account) => $"The secret belongs to account {account}, which is outside this account.";

    public override string ServiceEventHeadline(string action, string? service, string? resource) =>
        $"AWS service event: {(service is null ? action : $"{service} {action}")}{(resource is null ? string.Empty : $" on {resource}")}, recorded by AWS itself, not an API call.";

    public override string InsightHeadline(string action, string? service, InsightFacts insight)
    {
        var call = service is null ? action : $"{service} {action}";
        var what = insight.ErrorRate ? $"errors from {call}" : $"calls to {call}";
        var rates = insight.Rate is { } rate && insight.Baseline is { } baseline
            ? $" ({rate} a minute, against a usual {baseline})"
            : string.Empty;
        return insight.Ended
            ? $"CloudTrail Insights: the unusual rate of {what} ended{(insight.Minutes is { } m ? $" after {m} minutes" : string.Empty)}{rates}."
            : $"CloudTrail Insights: {what} started running at an unusual rate{rates}.";
    }

    public override string InsightLabel => "Insight";

    public override string InsightValue(InsightFacts insight, string? safeErrorCode) =>
        (insight.ErrorRate ? "API error rate" : "API call rate") + (safeErrorCode is null ? string.Empty : $" ({safeErrorCode})")
        + (insight.Ended ? ", end of the unusual activity" : ", start of the unusual activity");

    public override string InsightAttributionLabel(InsightAttributeKind kind) => kind switch
    {
        InsightAttributeKind.Caller => "Top callers in the unusual activity",
        InsightAttributeKind.Client => "Top clients in the unusual activity",
        _ => "Top error codes in the unusual activity",
    };

    public override string InsightContributor(InsightAttributeKind kind, string safeValue, InsightContributor contributor)
    {
        var value = kind == InsightAttributeKind.ErrorCode && contributor.Value == "null" ? "no error (calls that succeeded)" : safeValue;
        var rate = contributor.Rate is { } r ? $": {r} a minute" : string.Empty;
        var usual = contributor.UsualRate is { } u
            ? $" (usually {u})"
            : kind switch
            {
                InsightAttributeKind.Caller => " (not among the usual top callers)",
                InsightAttributeKind.Client => " (not among the usual top clients)",
                _ => " (not among the usual top error codes)",
            };
        return value + rate + usual;
    }

    public override string Via(string via) => via == Describing.Via.Console ? ", via the console" : $", via {via}";

    public override string IssuesCredentials => "issues temporary credentials (CloudTrail records it as read-only)";

    public override string SharingLabel => "Sharing";

    public override string SharingValue(string? added, string? removed) =>
        string.Join("; ", new[] { added is null ? null : $"adds {added}", removed is null ? null : $"removes {removed}" }.OfType<string>());

    public override string Everyone => "everyone (public)";

    public override string OutsideMark(string account) => $"{account} (outside this account)";

    public override string NextStepsTitle => "What to do";

    public override string NextStepsNote => "Commands for this event, filled in. Check each before you run it; this notifier never runs them.";

    public override string ForgedStepsNote =>
        "This event did not come from AWS, so the commands it would call for are left out: the sender chose every name in them. "
        + "Check first whether CloudTrail recorded the call; no result means CloudTrail has no such event in that region in the last 90 days. "
        + "Compare any record found with this notification's event name, caller and time: a sender can copy the id of a real event, "
        + "so a match of the id alone proves nothing.";

    public override string ForgedLookup => "Look the event's id up in CloudTrail event history:";

    public override string ForgedIdNotCloudTrails => "Its event id is not shaped like CloudTrail's (a UUID): CloudTrail holds no event under it.";

    public override string NextStep(NextStepKind kind) => kind switch
    {
        NextStepKind.RestartLogging => "Turn logging back on:",
        NextStepKind.RecreateTrail => "Create the trail again (put your log bucket in for LOG_BUCKET):",
        NextStepKind.ReviewTrail => "See what the trail logs now:",
        NextStepKind.RecreateDetector => "Turn GuardDuty back on in this region:",
        NextStepKind.ReviewFlowLogs => "See which flow logs remain:",
        NextStepKind.RestartRecorder => "Start the configuration recorder again:",
        NextStepKind.DetachPolicy => "Detach the policy:",
        NextStepKind.DeleteInlinePolicy => "Delete the inline policy:",
        NextStepKind.ReviewTrustPolicy => "Read the trust policy as it is now:",
        NextStepKind.DeactivateNewKey => "Deactivate the new access key:",
        NextStepKind.DeleteLoginProfile => "Remove the console password:",
        NextStepKind.UnshareSnapshot => "Stop sharing the snapshot:",
        NextStepKind.UnshareImage => "Stop sharing the image:",
        NextStepKind.UnshareDbSnapshot => "Stop sharing the DB snapshot:",
        NextStepKind.BlockPublicAccess => "Block public access to the bucket:",
        NextStepKind.RevokeIngress => "Remove the rule that was added:",
        NextStepKind.CancelKeyDeletion => "Keep the key:",
        NextStepKind.RemoveResourcePolicy => "Remove the resource policy:",
        NextStepKind.RotateSecret => "Rotate the secret:",
        NextStepKind.RevokeRoleSessions => "Revoke the role's sessions issued before this event:",
        NextStepKind.DeactivateCallerKey => "Deactivate the caller's access key:",
        NextStepKind.ReviewCaller => "See what else this caller did (last 90 days, this region):",
        NextStepKind.BlockAccountPublicAccess => "Block public access for the whole account:",
        NextStepKind.RequireUrlAuth => "Require signed (IAM) calls to the function URL:",
        _ => kind.ToString(),
    };

    private static string Principal(RiskStrings s) => s.PrincipalKind switch
    {
        ResourceKind.User => $"IAM user {s.Principal}",
        ResourceKind.Role => $"IAM role {s.Principal}",
        _ => $"IAM group {s.Principal}",
    };
}
