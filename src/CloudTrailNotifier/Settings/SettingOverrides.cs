namespace CloudTrailNotifier.Settings;

/// <summary>Command-line flags that take the place of environment variables; null: not given, read the variable.</summary>
internal sealed record SettingOverrides(string? Language = null, string? TimeZone = null, string? TopicArn = null, string? TamperWatchResources = null, string? DecoySecrets = null, string? AccountNames = null, string? ChatTopicArn = null)
{
    public const string LanguageFlag = "--language";
    public const string TimeZoneFlag = "--time-zone";
    public const string TopicArnFlag = "--topic-arn";
    public const string TamperWatchFlag = "--tamper-watch-resources";
    public const string DecoySecretsFlag = "--decoy-secrets";
    public const string AccountNamesFlag = "--account-names";
    public const string ChatTopicArnFlag = "--chat-topic-arn";

    public static SettingOverrides None { get; } = new();
}
