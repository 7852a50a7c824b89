namespace CloudTrailNotifier.Tests.Support;

/// <summary>The resources of the stack the tamper-watch sample events belong to (stack cloudtrail-notifier).</summary>
internal static class SampleStack
{
    public const string Topic = "arn:aws:sns:ap-northeast-1:111111111111:cloudtrail-notifier-NotificationTopic-A1B2C3D4E5F6";
    public const string OperationsTopic = "arn:aws:sns:ap-northeast-1:111111111111:cloudtrail-notifier-OperationsTopic-A1B2C3D4E5F6";
    public const string Function = "cloudtrail-notifier-NotifierFunction-A1B2C3D4E5F6";
    public const string QueueUrl = "https://sqs.ap-northeast-1.amazonaws.com/111111111111/cloudtrail-notifier-DeadLetterQueue-A1B2C3D4E5F6";
    public const string Role = "arn:aws:iam::111111111111:role/cloudtrail-notifier-NotifierFunctionRole-A1B2C3D4E5F6";

    /// <summary>The topics' key: the sample stack is deployed with KmsKeyArn.</summary>
    public const string Key = "arn:aws:kms:ap-northeast-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    /// <summary>TAMPER_WATCH_RESOURCES as template.yaml sets it for this stack (the function adds its own name).</summary>
    public const string WatchList =
        "arn:aws:events:ap-northeast-1:111111111111:rule/cloudtrail-notifier-watch,"
        + "arn:aws:events:ap-northeast-1:111111111111:rule/cloudtrail-notifier-tamper,"
        + Topic + "," + OperationsTopic + "," + QueueUrl + ","
        + "arn:aws:cloudwatch:ap-northeast-1:111111111111:alarm:cloudtrail-notifier-alarm-*,"
        + Role + ",arn:aws:events:ap-northeast-1:111111111111:rule/cloudtrail-notifier-access,"
        + Sweep + "," + StateTable + ","
        + Key;

    /// <summary>Noise control's digest sweep rule and state table (template.yaml watches both when NoiseControl is on).</summary>
    public const string Sweep = "arn:aws:events:ap-northeast-1:111111111111:rule/cloudtrail-notifier-sweep";
    public const string StateTable = "arn:aws:dynamodb:ap-northeast-1:111111111111:table/cloudtrail-notifier-StateTable-A1B2C3D4E5F6";

    /// <summary>The same list with the function's ARN, as the command line takes it.</summary>
    public const string WatchListWithFunction =
        WatchList + ",arn:aws:lambda:ap-northeast-1:111111111111:function:" + Function;
}
