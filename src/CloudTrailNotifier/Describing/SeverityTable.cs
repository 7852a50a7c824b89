using System.Collections.Frozen;
using C = CloudTrailNotifier.Describing.RuleConditions;
using X = CloudTrailNotifier.Describing.ExposureConditions;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// The severity rules, in one table. Every row that matches an event is a candidate; the highest severity
/// wins, and among rows of that severity the first one gives the sentence that says why. An event no row
/// matches is <see cref="Severity.Info"/>. README's severity table mirrors this one.
/// </summary>
internal static class SeverityTable
{
    private static readonly string[] Any = [];
    private static readonly string[] AttachPolicy = ["AttachUserPolicy", "AttachRolePolicy", "AttachGroupPolicy"];
    private static readonly string[] PutInlinePolicy = ["PutUserPolicy", "PutRolePolicy", "PutGroupPolicy"];
    private static readonly string[] DbSnapshotAttribute = ["ModifyDBSnapshotAttribute", "ModifyDBClusterSnapshotAttribute"];
    private static readonly string[] SecretValueReads = ["GetSecretValue", "BatchGetSecretValue"];
    private static readonly string[] ParameterReads = ["GetParameter", "GetParameters", "GetParametersByPath", "GetParameterHistory"];

    public static IReadOnlyList<SeverityRule> Rules { get; } =
    [
        // Service          Calls                                            Condition                   Severity           Why it matters
        new("secretsmanager", Any,                                           C.TouchesDecoy,             Severity.Critical, RiskKind.DecoyTouched),

        // Logging and detection switched off
        new("cloudtrail",    ["StopLogging"],                                C.Succeeded,                Severity.Critical, RiskKind.LoggingStopped),
        new("cloudtrail",    ["DeleteTrail"],                                C.Succeeded,                Severity.Critical, RiskKind.TrailDeleted),
        new("cloudtrail",    ["PutEventSelectors", "PutInsightSelectors"],   C.Succeeded,                Severity.High,     RiskKind.TrailSelectorsChanged),
        new("cloudtrail",    ["UpdateTrail"],                                C.Succeeded,                Severity.High,     RiskKind.TrailChanged),
        new("guardduty",     ["DeleteDetector"],                             C.Succeeded,                Severity.Critical, RiskKind.DetectorDeleted),
        new("ec2",           ["DeleteFlowLogs"],                             C.Succeeded,                Severity.High,     RiskKind.FlowLogsDeleted),
        new("config",        ["StopConfigurationRecorder", "DeleteConfigurationRecorder", "DeleteDeliveryChannel"],
                                                                             C.Succeeded,                Severity.High,     RiskKind.RecorderStopped),
        new("route53resolver", ["DeleteResolverQueryLogConfig", "DisassociateResolverQueryLogConfig"],
                                                                             C.Succeeded,                Severity.High,     RiskKind.QueryLoggingDeleted),
        new("organizations", ["LeaveOrganization"],                          C.Succeeded,                Severity.Critical, RiskKind.LeftOrganization),

        // The same, tried and refused: someone wanted the account unwatched (CloudTrail's own is tampering, below).
        new("organizations", ["LeaveOrganization"],                          C.Denied,                   Severity.High,     RiskKind.ControlOffRefused),
        new("guardduty",     ["DeleteDetector"],                             C.Denied,                   Severity.High,     RiskKind.ControlOffRefused),
        new("ec2",           ["DeleteFlowLogs"],                             C.Denied,                   Severity.High,     RiskKind.ControlOffRefused),
        new("config",        ["StopConfigurationRecorder", "DeleteConfigurationRecorder"],
                                                                             C.Denied,                   Severity.High,     RiskKind.ControlOffRefused),
        new("route53resolver", ["DeleteResolverQueryLogConfig", "DisassociateResolverQueryLogConfig"],
                                                                             C.Denied,                   Severity.High,     RiskKind.ControlOffRefused),

        // Code that runs as root at the next boot
        new("ec2",           ["ModifyInstanceAttribute"],                    C.ChangesUserData,          Severity.High,     RiskKind.UserDataChanged),

        // Permissions granted
        new("iam",           AttachPolicy,                                   C.AttachesAdminPolicy,      Severity.Critical, RiskKind.AdminPolicyAttached),
        new("iam",           AttachPolicy,                                   C.Succeeded,                Severity.Notice,   RiskKind.PolicyAttached),
        new("iam",           PutInlinePolicy,                                C.InlinePolicyAllowsAll,    Severity.Critical, RiskKind.InlinePolicyAllowsAll),
        new("iam",           PutInlinePolicy,                                C.Succeeded,                Severity.High,     RiskKind.InlinePolicyPut),
        new("iam",           ["UpdateAssumeRolePolicy"],                     C.PolicyOpensToEveryone,    Severity.Critical, RiskKind.TrustPolicyOpenToAll),
        new("iam",           ["UpdateAssumeRolePolicy"],                     C.Succeeded,                Severity.High,     RiskKind.TrustPolicyChanged),
        new("iam",           ["CreateRole"],                                 C.TrustsOutside,            Severity.High,     RiskKind.RoleTrustsOutside),
        new("iam",           ["CreateAccessKey"],                            C.ForAnotherUser,           Severity.High,     RiskKind.AccessKeyForOtherUser),
        new("iam",           ["CreateAccessKey"],                            C.Succeeded,                Severity.Notice,   RiskKind.AccessKeyCreated),
        new("iam",           ["CreateLoginProfile", "UpdateLoginProfile"],   C.ForAnotherUser,           Severity.High,     RiskKind.LoginProfileForOtherUser),

        // Data opened to other accounts or to everyone
        new("ec2",           ["ModifySnapshotAttribute"],                    C.SharesWithEveryone,       Severity.Critical, RiskKind.SnapshotPublic),
        new("ec2",           ["ModifySnapshotAttribute"],                    C.SharesOutside,            Severity.High,     RiskKind.SnapshotShared),
        new("ec2",           ["ModifyImageAttribute"],                       C.SharesWithEveryone,       Severity.Critical, RiskKind.ImagePublic),
        new("ec2",           ["ModifyImageAttribute"],                       C.SharesOutside,            Severity.High,     RiskKind.ImageShared),
        new("rds",           DbSnapshotAttribute,                            C.SharesWithEveryone,       Severity.Critical, RiskKind.DbSnapshotPublic),
        new("rds",           DbSnapshotAttribute,                            C.SharesOutside,            Severity.High,     RiskKind.DbSnapshotShared),
        new("s3",            ["PutBucketPolicy"],                            C.PolicyOpensToEveryone,    Severity.Critical, RiskKind.BucketPolicyPublic),
        new("s3",            ["PutBucketAcl", "CreateBucket"],               C.GrantsToPublicGroup,      Severity.Critical, RiskKind.BucketAclPublic),
        new("s3",            ["PutObjectAcl", "PutObject"],                  C.GrantsToPublicGroup,      Severity.Critical, RiskKind.ObjectAclPublic),
        new("s3",            ["DeleteBucketPublicAccessBlock", "DeletePublicAccessBlock"],
                                                                             C.Succeeded,                Severity.High,     RiskKind.PublicAccessBlockRemoved),
        new("s3",            ["PutPublicAccessBlock", "PutBucketPublicAccessBlock"],
                                                                             X.TurnsPublicAccessBlockOff, Severity.High,    RiskKind.PublicAccessBlockOff),
        new("s3",            ["PutAccountPublicAccessBlock"],                X.TurnsPublicAccessBlockOff, Severity.High,    RiskKind.AccountPublicAccessBlockOff),
        new("secretsmanager", ["PutResourcePolicy"],                         C.PolicyOpensToEveryone,    Severity.Critical, RiskKind.ResourcePolicyPublic),
        new("lambda",        Any,                                            X.LambdaPermissionForEveryone, Severity.Critical, RiskKind.ResourcePolicyPublic),
        new("lambda",        Any,                                            X.FunctionUrlWithoutAuth,   Severity.Critical, RiskKind.FunctionUrlPublic),
        new("kms",           ["PutKeyPolicy", "CreateKey"],                  X.ResourcePolicyOpensToEveryone, Severity.Critical, RiskKind.ResourcePolicyPublic),
        new("sqs",           ["SetQueueAttributes", "CreateQueue"],          X.ResourcePolicyOpensToEveryone, Severity.Critical, RiskKind.ResourcePolicyPublic),
        new("sns",           ["SetTopicAttributes", "CreateTopic"],          X.ResourcePolicyOpensToEveryone, Severity.Critical, RiskKind.ResourcePolicyPublic),
        new("ecr",           ["SetRepositoryPolicy"],                        X.ResourcePolicyOpensToEveryone, Severity.Critical, RiskKind.ResourcePolicyPublic),
        new("elasticfilesystem", ["PutFileSystemPolicy"],                    X.ResourcePolicyOpensToEveryone, Severity.Critical, RiskKind.ResourcePolicyPublic),
        new("ec2",           ["AuthorizeSecurityGroupIngress"],              C.OpensToTheInternet,       Severity.High,     RiskKind.IngressFromAnywhere),
        new("ec2",           ["AuthorizeSecurityGroupIngress"],              X.RangesAdmitTheInternet,   Severity.High,     RiskKind.IngressFromAnywhere),
        new("kms",           ["ScheduleKeyDeletion", "DisableKey"],          C.Succeeded,                Severity.High,     RiskKind.KeyDeletion),

        // Who called, and what they read
        new("*",             Any,                                            C.ByRootWithoutMfa,         Severity.Critical, RiskKind.RootUsed),
        new("*",             Any,                                            C.ByRoot,                   Severity.High,     RiskKind.RootUsed),
        new("*",             Any,                                            C.ByAnonymous,              Severity.Notice,   RiskKind.AnonymousAccess),
        new("signin",        ["ConsoleLogin"],                               C.SignInWithoutMfa,         Severity.Notice,   RiskKind.SignInWithoutMfa),
        new("signin",        Any,                                            C.NotSucceeded,             Severity.Notice,   null),
        new("secretsmanager", Any,                                           C.SecretReadDenied,         Severity.High,     RiskKind.SecretReadDenied),
        new("secretsmanager", SecretValueReads,                              C.Succeeded,                Severity.Notice,   RiskKind.SecretValueRead),
        new("ssm",           ParameterReads,                                 C.ReadsDecrypted,           Severity.Notice,   RiskKind.ParameterValueRead),
        new("ssm",           ["StartSession"],                               C.Succeeded,                Severity.Notice,   RiskKind.SessionStarted),
        new("ssm",           ["SendCommand"],                                C.Succeeded,                Severity.Notice,   RiskKind.CommandSent),

        // CloudTrail Insights: a call running far outside its usual rate (the start; its end is routine).
        new("*",             Any,                                            C.InsightStarted,           Severity.Notice,   RiskKind.UnusualActivity),

        // Everything else: refusals and changes are worth a look; reads are routine.
        new("*",             Any,                                            C.Denied,                   Severity.Notice,   null),
        new("*",             Any,                                            C.SucceededWrite,           Severity.Notice,   null),
    ];

    /// <summary>
    /// The rows that can match each service, in table order: its own and the <c>*</c> rows. A row of another service
    /// never matches, so leaving it out changes no answer, and most events are tested against a handful of rows, not all.
    /// </summary>
    private static readonly FrozenDictionary<string, SeverityRule[]> RulesByService = Rules
        .Where(rule => rule.Service != "*")
        .Select(rule => rule.Service)
        .Distinct(StringComparer.Ordinal)
        .ToFrozenDictionary(service => service, service => Rules.Where(rule => rule.Service == service || rule.Service == "*").ToArray(), StringComparer.Ordinal);

    private static readonly SeverityRule[] RulesForAnyService = Rules.Where(rule => rule.Service == "*").ToArray();

    /// <summary>The winning row for an event: the highest severity, first in table order; null when none matches.</summary>
    public static SeverityRule? Evaluate(RuleInput input)
    {
        var rules = input.Service is { } service && RulesByService.TryGetValue(service, out var own) ? own : RulesForAnyService;
        SeverityRule? best = null;
        foreach (var rule in rules)
        {
            if ((best is null || rule.Severity > best.Severity) && rule.Matches(input))
            {
                best = rule;
            }
        }

        return best;
    }
}
