namespace CloudTrailNotifier.Describing.Tampering;

/// <summary>
/// The calls the tamper watch reports, the same list as the tamper rule in template.yaml. Trail calls are
/// tampering whichever trail they name; the others only when they name one of the stack's own resources.
/// </summary>
internal static class TamperActions
{
    private const string CloudTrail = "cloudtrail.amazonaws.com";
    private const string Events = "events.amazonaws.com";
    private const string Lambda = "lambda.amazonaws.com";
    private const string Sns = "sns.amazonaws.com";
    private const string CloudWatch = "monitoring.amazonaws.com";
    private const string Sqs = "sqs.amazonaws.com";
    private const string Kms = "kms.amazonaws.com";
    private const string Iam = "iam.amazonaws.com";
    private const string DynamoDb = "dynamodb.amazonaws.com";

    public static IReadOnlyList<TamperAction> All { get; } =
    [
        //  source       event name                    prefix  changes                         named by
        new(CloudTrail, "StopLogging", false, TamperTargetKind.Trail, "name"),
        new(CloudTrail, "DeleteTrail", false, TamperTargetKind.Trail, "name"),
        new(CloudTrail, "UpdateTrail", false, TamperTargetKind.Trail, "name"),
        new(CloudTrail, "PutEventSelectors", false, TamperTargetKind.Trail, "trailName"),
        new(CloudTrail, "PutInsightSelectors", false, TamperTargetKind.Trail, "trailName"),
        new(Events, "DisableRule", false, TamperTargetKind.Rule, "name"),
        new(Events, "DeleteRule", false, TamperTargetKind.Rule, "name"),
        new(Events, "PutRule", false, TamperTargetKind.Rule, "name"),
        new(Events, "RemoveTargets", false, TamperTargetKind.Rule, "rule"),
        new(Events, "PutTargets", false, TamperTargetKind.Rule, "rule"),
        new(Lambda, "UpdateFunction", true, TamperTargetKind.Function, "functionName"),
        new(Lambda, "DeleteFunction", true, TamperTargetKind.Function, "functionName"),
        new(Lambda, "PutFunction", true, TamperTargetKind.Function, "functionName"),
        new(Lambda, "RemovePermission", true, TamperTargetKind.Function, "functionName"),
        new(Lambda, "AddPermission", true, TamperTargetKind.Function, "functionName"),
        new(Sns, "SetTopicAttributes", false, TamperTargetKind.Topic, "topicArn"),
        new(Sns, "DeleteTopic", false, TamperTargetKind.Topic, "topicArn"),
        new(Sns, "AddPermission", false, TamperTargetKind.Topic, "topicArn"),
        new(Sns, "RemovePermission", false, TamperTargetKind.Topic, "topicArn"),
        new(Sns, "Subscribe", false, TamperTargetKind.Topic, "topicArn"),
        new(Sns, "SetSubscriptionAttributes", false, TamperTargetKind.Subscription, "subscriptionArn"),
        new(Sns, "Unsubscribe", false, TamperTargetKind.Subscription, "subscriptionArn"),
        new(Sns, "PutDataProtectionPolicy", false, TamperTargetKind.Topic, "resourceArn"),
        new(CloudWatch, "DisableAlarmActions", false, TamperTargetKind.Alarm, "alarmNames"),
        new(CloudWatch, "DeleteAlarms", false, TamperTargetKind.Alarm, "alarmNames"),
        new(CloudWatch, "PutMetricAlarm", false, TamperTargetKind.Alarm, "alarmName"),
        new(CloudWatch, "SetAlarmState", false, TamperTargetKind.Alarm, "alarmName"),
        new(Sqs, "SetQueueAttributes", false, TamperTargetKind.Queue, "queueUrl"),
        new(Sqs, "PurgeQueue", false, TamperTargetKind.Queue, "queueUrl"),
        new(Sqs, "DeleteQueue", false, TamperTargetKind.Queue, "queueUrl"),
        new(Sqs, "AddPermission", false, TamperTargetKind.Queue, "queueUrl"),
        new(Sqs, "RemovePermission", false, TamperTargetKind.Queue, "queueUrl"),

        // The topics' key: chosen by effect. These make it unusable or can take the notifier's use of it away;
        // CreateGrant only adds users, and RetireGrant is a grantee giving up its own grant.
        new(Kms, "DisableKey", false, TamperTargetKind.Key, "keyId"),
        new(Kms, "ScheduleKeyDeletion", false, TamperTargetKind.Key, "keyId"),
        new(Kms, "DeleteImportedKeyMaterial", false, TamperTargetKind.Key, "keyId"),
        new(Kms, "PutKeyPolicy", false, TamperTargetKind.Key, "keyId"),
        new(Kms, "RevokeGrant", false, TamperTargetKind.Key, "keyId"),
        new(Kms, "UpdateAlias", false, TamperTargetKind.Key, "aliasName"),
        new(Kms, "DeleteAlias", false, TamperTargetKind.Key, "aliasName"),

        // The function's role: a Deny, a boundary, a removed permission or a trust policy Lambda cannot assume.
        new(Iam, "PutRolePolicy", false, TamperTargetKind.Role, "roleName"),
        new(Iam, "DeleteRolePolicy", false, TamperTargetKind.Role, "roleName"),
        new(Iam, "AttachRolePolicy", false, TamperTargetKind.Role, "roleName"),
        new(Iam, "DetachRolePolicy", false, TamperTargetKind.Role, "roleName"),
        new(Iam, "PutRolePermissionsBoundary", false, TamperTargetKind.Role, "roleName"),
        new(Iam, "UpdateAssumeRolePolicy", false, TamperTargetKind.Role, "roleName"),
        new(Iam, "DeleteRole", false, TamperTargetKind.Role, "roleName"),

        // The state table of noise control: folded events wait there for their digest.
        new(DynamoDb, "DeleteTable", false, TamperTargetKind.Table, "tableName"),
        new(DynamoDb, "UpdateTable", false, TamperTargetKind.Table, "tableName"),
        new(DynamoDb, "UpdateTimeToLive", false, TamperTargetKind.Table, "tableName"),
    ];

    public static TamperAction? Find(string? eventSource, string? eventName)
    {
        // Most events come from none of these services: one switch turns them away before the rows are read.
        if (eventSource is not (CloudTrail or Events or Lambda or Sns or CloudWatch or Sqs or Kms or Iam or DynamoDb))
        {
            return null;
        }

        foreach (var action in All)
        {
            if (action.Matches(eventSource, eventName))
            {
                return action;
            }
        }

        return null;
    }
}
