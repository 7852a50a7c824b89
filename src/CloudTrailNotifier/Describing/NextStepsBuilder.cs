using System.Globalization;
using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Events;
using C = CloudTrailNotifier.Describing.RuleConditions;
using Q = CloudTrailNotifier.Describing.ShellQuote;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// The commands that contain or undo a high or critical event, filled in from the event: first what undoes
/// the change, then what stops the caller, then where to look next. Pure; nothing here is ever run.
/// </summary>
internal static class NextStepsBuilder
{
    private const string AllBlocked = "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true";

    public static IReadOnlyList<NextStep> Build(Risk? risk, RuleInput i)
    {
        var steps = new List<NextStep>(4);
        if (risk is not null)
        {
            AddUndo(risk, i, steps);
        }

        AddContainment(i, steps);
        AddReview(i, steps);
        return steps;
    }

    private static void AddUndo(Risk risk, RuleInput i, List<NextStep> steps)
    {
        var region = Region(i);
        var trail = C.Parameter(i, "name") ?? C.Parameter(i, "trailName");
        switch (risk.Kind)
        {
            case RiskKind.LoggingStopped when trail is not null:
                steps.Add(new(NextStepKind.RestartLogging, $"aws cloudtrail start-logging --name {Q.Arg(trail)}{region}"));
                break;
            case RiskKind.TrailDeleted when trail is not null:
                steps.Add(new(NextStepKind.RecreateTrail, $"aws cloudtrail create-trail --name {Q.Arg(risk.Target ?? trail)} --s3-bucket-name LOG_BUCKET --is-multi-region-trail{region}"));
                steps.Add(new(NextStepKind.RestartLogging, $"aws cloudtrail start-logging --name {Q.Arg(risk.Target ?? trail)}{region}"));
                break;
            case RiskKind.TrailSelectorsChanged or RiskKind.TrailChanged when trail is not null:
                steps.Add(new(NextStepKind.ReviewTrail, $"aws cloudtrail get-event-selectors --trail-name {Q.Arg(trail)}{region}"));
                break;
            case RiskKind.DetectorDeleted:
                steps.Add(new(NextStepKind.RecreateDetector, $"aws guardduty create-detector --enable{region}"));
                break;
            case RiskKind.FlowLogsDeleted:
                steps.Add(new(NextStepKind.ReviewFlowLogs, $"aws ec2 describe-flow-logs{region}"));
                break;
            case RiskKind.RecorderStopped when C.Parameter(i, "configurationRecorderName") is { } recorder:
                steps.Add(new(NextStepKind.RestartRecorder, $"aws configservice start-configuration-recorder --configuration-recorder-name {Q.Arg(recorder)}{region}"));
                break;
            case RiskKind.AdminPolicyAttached or RiskKind.PolicyAttached when risk.Principal is not null && risk.Target is not null:
                var attachedTo = PrincipalWord(i);
                steps.Add(new(NextStepKind.DetachPolicy, $"aws iam detach-{attachedTo}-policy --{attachedTo}-name {Q.Arg(risk.Principal)} --policy-arn {Q.Arg(risk.Target)}"));
                break;
            case RiskKind.InlinePolicyAllowsAll or RiskKind.InlinePolicyPut when risk.Principal is not null && risk.Target is not null:
                var putOn = PrincipalWord(i);
                steps.Add(new(NextStepKind.DeleteInlinePolicy, $"aws iam delete-{putOn}-policy --{putOn}-name {Q.Arg(risk.Principal)} --policy-name {Q.Arg(risk.Target)}"));
                break;
            case RiskKind.TrustPolicyOpenToAll or RiskKind.TrustPolicyChanged when risk.Target is not null:
                steps.Add(new(NextStepKind.ReviewTrustPolicy, $"aws iam get-role --role-name {Q.Arg(risk.Target)} --query Role.AssumeRolePolicyDocument"));
                break;
            case RiskKind.AccessKeyForOtherUser when risk.Principal is not null && NewAccessKey(i) is { } key:
                steps.Add(new(NextStepKind.DeactivateNewKey, $"aws iam update-access-key --user-name {Q.Arg(risk.Principal)} --access-key-id {Q.Arg(key)} --status Inactive"));
                break;
            case RiskKind.LoginProfileForOtherUser when risk.Principal is not null:
                steps.Add(new(NextStepKind.DeleteLoginProfile, $"aws iam delete-login-profile --user-name {Q.Arg(risk.Principal)}"));
                break;
            case RiskKind.SnapshotPublic or RiskKind.SnapshotShared when risk.Target is not null:
                steps.Add(new(NextStepKind.UnshareSnapshot, $"aws ec2 modify-snapshot-attribute --snapshot-id {Q.Arg(risk.Target)} --attribute createVolumePermission --operation-type remove {Ec2Principals(i)}{region}"));
                break;
            case RiskKind.ImagePublic or RiskKind.ImageShared when risk.Target is not null:
                steps.Add(new(NextStepKind.UnshareImage, $"aws ec2 modify-image-attribute --image-id {Q.Arg(risk.Target)} --launch-permission {Q.Arg(LaunchPermissionRemove(i))}{region}"));
                break;
            case RiskKind.DbSnapshotPublic or RiskKind.DbSnapshotShared when risk.Target is not null:
                var cluster = C.Parameter(i, "dBClusterSnapshotIdentifier") is not null;
                steps.Add(new(NextStepKind.UnshareDbSnapshot, cluster
                    ? $"aws rds modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier {Q.Arg(risk.Target)} --attribute-name restore --values-to-remove {AddedValues(i)}{region}"
                    : $"aws rds modify-db-snapshot-attribute --db-snapshot-identifier {Q.Arg(risk.Target)} --attribute-name restore --values-to-remove {AddedValues(i)}{region}"));
                break;
            case RiskKind.BucketPolicyPublic or RiskKind.BucketAclPublic or RiskKind.PublicAccessBlockRemoved when risk.Target is not null:
                steps.Add(new(NextStepKind.BlockPublicAccess, $"aws s3api put-public-access-block --bucket {Q.Arg(risk.Target)} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true"));
                break;
            case RiskKind.ObjectAclPublic or RiskKind.PublicAccessBlockOff when C.Parameter(i, "bucketName") is { } bucket:
                steps.Add(new(NextStepKind.BlockPublicAccess, $"aws s3api put-public-access-block --bucket {Q.Arg(bucket)} --public-access-block-configuration {AllBlocked}"));
                break;
            case RiskKind.AccountPublicAccessBlockOff when risk.Target is not null:
                steps.Add(new(NextStepKind.BlockAccountPublicAccess, $"aws s3control put-public-access-block --account-id {Q.Arg(risk.Target)} --public-access-block-configuration {AllBlocked}"));
                break;
            case RiskKind.FunctionUrlPublic when risk.Target is not null:
                var qualifier = C.Parameter(i, "qualifier") is { Length: > 0 } q ? " --qualifier " + Q.Arg(q) : string.Empty;
                steps.Add(new(NextStepKind.RequireUrlAuth, $"aws lambda update-function-url-config --function-name {Q.Arg(risk.Target)}{qualifier} --auth-type AWS_IAM{region}"));
                break;
            case RiskKind.KeyDeletion when risk.Target is not null:
                steps.Add(new(NextStepKind.CancelKeyDeletion, i.EventName == "DisableKey"
                    ? $"aws kms enable-key --key-id {Q.Arg(risk.Target)}{region}"
                    : $"aws kms cancel-key-deletion --key-id {Q.Arg(risk.Target)}{region}"));
                break;
            case RiskKind.IngressFromAnywhere when risk.Target is not null:
                var rules = NewSecurityGroupRules(i);
                steps.Add(new(NextStepKind.RevokeIngress, rules.Count > 0
                    ? $"aws ec2 revoke-security-group-ingress --group-id {Q.Arg(risk.Target)} --security-group-rule-ids {string.Join(' ', rules.Select(Q.Arg))}{region}"
                    : $"aws ec2 describe-security-group-rules --filters Name=group-id,Values={Q.Arg(risk.Target)}{region}"));
                break;
            case RiskKind.ResourcePolicyPublic when i.Service == "secretsmanager" && C.Parameter(i, "secretId") is { } secret:
                steps.Add(new(NextStepKind.RemoveResourcePolicy, $"aws secretsmanager delete-resource-policy --secret-id {Q.Arg(secret)}{region}"));
                break;
            case RiskKind.SecretValueRead when i.Succeeded && C.Parameter(i, "secretId") is { } read:
                steps.Add(new(NextStepKind.RotateSecret, $"aws secretsmanager rotate-secret --secret-id {Q.Arg(read)}{region}"));
                break;
        }
    }

    private static void AddContainment(RuleInput i, List<NextStep> steps)
    {
        var actor = i.Facts.Actor;
        if (actor.Kind == ActorKind.AssumedRole && actor.RoleName is { } role && actor.PermissionSet is null
            && actor.InvokedBy is null && i.Facts.Time is { } time)
        {
            // What the console's "Revoke active sessions" does: deny every session issued before this event.
            var before = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"*\"],\"Resource\":[\"*\"],"
                + $"\"Condition\":{{\"DateLessThan\":{{\"aws:TokenIssueTime\":\"{before}\"}}}}}}]}}";
            steps.Add(new(NextStepKind.RevokeRoleSessions, $"aws iam put-role-policy --role-name {Q.Arg(role)} --policy-name AWSRevokeOlderSessions --policy-document {Q.Arg(policy)}"));
        }
        else if (actor.Kind == ActorKind.IAMUser && actor.Name is { } user
            && actor.AccessKeyId is { } key && key.StartsWith("AKIA", StringComparison.Ordinal))
        {
            steps.Add(new(NextStepKind.DeactivateCallerKey, $"aws iam update-access-key --user-name {Q.Arg(user)} --access-key-id {Q.Arg(key)} --status Inactive"));
        }
    }

    private static void AddReview(RuleInput i, List<NextStep> steps)
    {
        var actor = i.Facts.Actor;
        var attribute = actor.AccessKeyId is { Length: > 0 } key ? $"AttributeKey=AccessKeyId,AttributeValue={key}"
            : actor.Kind == ActorKind.IAMUser && actor.Name is { } user ? $"AttributeKey=Username,AttributeValue={user}"
            : null;
        if (attribute is not null)
        {
            steps.Add(new(NextStepKind.ReviewCaller, $"aws cloudtrail lookup-events --lookup-attributes {Q.Arg(attribute)}{Region(i)}"));
        }
    }

    private static string Region(RuleInput i) =>
        i.Facts.Event.Region is { Length: > 0 } region ? " --region " + Q.Arg(region) : string.Empty;

    private static string PrincipalWord(RuleInput i) => RiskFacts.PrincipalKind(i) switch
    {
        ResourceKind.User => "user",
        ResourceKind.Role => "role",
        _ => "group",
    };

    private static string? NewAccessKey(RuleInput i) =>
        JsonFields.AsObject(i.Facts.Event.ResponseElements) is { } response
        && JsonFields.Object(response, "accessKey") is { } accessKey
            ? JsonFields.String(accessKey, "accessKeyId")
            : null;

    private static List<string> NewSecurityGroupRules(RuleInput i)
    {
        var rules = new List<string>();
        if (JsonFields.AsObject(i.Facts.Event.ResponseElements) is { } response
            && JsonFields.TryGet(response, "securityGroupRuleSet", out var set))
        {
            foreach (var rule in Ec2Lists.Items(set))
            {
                if (JsonFields.String(rule, "securityGroupRuleId") is { } id)
                {
                    rules.Add(id);
                }
            }
        }

        return rules;
    }

    private static string Ec2Principals(RuleInput i)
    {
        var sharing = SharingChanges.Read(i.Parameters);
        var accounts = sharing.Added.Where(a => a != SharingChange.Everyone).Select(Q.Arg).ToList();
        var parts = new List<string>(2);
        if (sharing.AddsEveryone)
        {
            parts.Add("--group-names all");
        }

        if (accounts.Count > 0)
        {
            parts.Add("--user-ids " + string.Join(' ', accounts));
        }

        return string.Join(' ', parts);
    }

    private static string LaunchPermissionRemove(RuleInput i)
    {
        var entries = SharingChanges.Read(i.Parameters).Added
            .Select(a => a == SharingChange.Everyone ? "{Group=all}" : "{UserId=" + a + "}");
        return "Remove=[" + string.Join(',', entries) + "]";
    }

    private static string AddedValues(RuleInput i) =>
        string.Join(' ', SharingChanges.Read(i.Parameters).Added.Select(Q.Arg));
}
