using System.CommandLine;
using CloudTrailNotifier.LogFiles;
using CloudTrailNotifier.Settings;

namespace CloudTrailNotifier.Cli;

/// <summary>Options shared by every command that renders notifications; their defaults come from <see cref="NotifierSettings"/>.</summary>
internal sealed class CommonOptions
{
    public Argument<string> File { get; } = new("FILE")
    {
        Description = "An EventBridge event, a CloudTrail record, a CloudTrail log file (also .json.gz) or JSON Lines; - reads standard input; s3://BUCKET/PREFIX reads CloudTrail's log files in S3.",
    };

    public Option<string?> Since { get; } = new(TimeWindow.SinceFlag)
    {
        Description = "Only events at or after this time (ISO 8601 date or date-time, UTC); with s3:// only the days needed are listed.",
    };

    public Option<string?> Until { get; } = new(TimeWindow.UntilFlag)
    {
        Description = "Only events before this time (ISO 8601, UTC; a date alone includes that whole day).",
    };

    public Option<string?> Language { get; } = new(SettingOverrides.LanguageFlag)
    {
        Description = $"Notification language: en or ja (default: ${NotifierSettings.LanguageVariable}, else en).",
    };

    public Option<string?> TimeZone { get; } = new(SettingOverrides.TimeZoneFlag)
    {
        Description = $"IANA time zone shown beside UTC, e.g. Asia/Tokyo (default: ${NotifierSettings.TimeZoneVariable}, else UTC).",
    };

    public Option<string?> TamperWatchResources { get; } = new(SettingOverrides.TamperWatchFlag)
    {
        Description = $"Comma-separated ARNs (and SQS queue URLs) of the notifier stack's own resources (rules, function, topics, alarms, queue, KMS key or alias, IAM role), whose changes are marked as tampering (default: ${NotifierSettings.TamperWatchVariable}).",
    };

    public Option<string?> DecoySecrets { get; } = new(SettingOverrides.DecoySecretsFlag)
    {
        Description = $"Decoy secret names, comma-separated: any call naming one is critical (default: ${NotifierSettings.DecoySecretsVariable}).",
    };

    public Option<string?> AccountNames { get; } = new(SettingOverrides.AccountNamesFlag)
    {
        Description = $"Account names shown beside the ids, e.g. 111111111111=prod,222222222222=staging; an account not listed is a signal (default: ${NotifierSettings.AccountNamesVariable}).",
    };

    public Option<string?> Match { get; } = new(MatchFilter.Flag)
    {
        Description = MatchFilter.Description,
        HelpName = "PATTERN.json",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(File);
        command.Options.Add(Language);
        command.Options.Add(TimeZone);
        command.Options.Add(TamperWatchResources);
        command.Options.Add(DecoySecrets);
        command.Options.Add(AccountNames);
        command.Options.Add(Match);
        command.Options.Add(Since);
        command.Options.Add(Until);
    }

    /// <summary>The input FILE names, with the --since/--until window; null, with the line already written, when unusable.</summary>
    public IEventInput? Input(ParseResult parse, CliEnvironment environment, Func<Aws.AwsEdges> aws)
    {
        if (!TimeWindow.TryParse(parse.GetValue(Since), parse.GetValue(Until), out var window, out var problem)
            || EventInputs.Open(parse.GetValue(File)!, window, environment, aws, out problem) is not { } input)
        {
            environment.WriteError(problem!);
            return null;
        }

        return input;
    }

    /// <summary>The settings with this command's flags in front of the environment.</summary>
    public NotifierSettings Settings(ParseResult parse, CliEnvironment environment, string? topicArn = null, string? chatTopicArn = null) =>
        new(environment.GetVariable, new SettingOverrides(parse.GetValue(Language), parse.GetValue(TimeZone), topicArn, parse.GetValue(TamperWatchResources), parse.GetValue(DecoySecrets), parse.GetValue(AccountNames), chatTopicArn));
}
