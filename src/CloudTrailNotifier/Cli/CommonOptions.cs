using System.CommandLine;
using CloudTrailNotifier.Describing.Tampering;
using CloudTrailNotifier.Rendering;

namespace CloudTrailNotifier.Cli;

/// <summary>Options shared by every command that renders notifications.</summary>
internal sealed class CommonOptions
{
    public const string LanguageVariable = "NOTIFICATION_LANGUAGE";
    public const string TimeZoneVariable = "NOTIFICATION_TIME_ZONE";
    public const string TamperWatchVariable = "TAMPER_WATCH_RESOURCES";

    public Argument<string> File { get; } = new("FILE")
    {
        Description = "An EventBridge event, a CloudTrail record, a CloudTrail log file (also .json.gz) or JSON Lines; - reads standard input.",
    };

    public Option<string?> Language { get; } = new("--language")
    {
        Description = $"Notification language: en or ja (default: ${LanguageVariable}, else en).",
    };

    public Option<string?> TimeZone { get; } = new("--time-zone")
    {
        Description = $"IANA time zone shown beside UTC, e.g. Asia/Tokyo (default: ${TimeZoneVariable}, else UTC).",
    };

    public Option<string?> TamperWatchResources { get; } = new("--tamper-watch-resources")
    {
        Description = $"Comma-separated ARNs (and SQS queue URLs) of the notifier stack's own resources, whose changes are marked as tampering (default: ${TamperWatchVariable}).",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(File);
        command.Options.Add(Language);
        command.Options.Add(TimeZone);
        command.Options.Add(TamperWatchResources);
    }

    /// <summary>Resolves the render options from flags, then environment; returns an error line when invalid.</summary>
    public RenderOptions? Resolve(ParseResult parse, CliEnvironment environment, out string? error)
    {
        var options = Resolve(
            parse.GetValue(Language) ?? environment.GetVariable(LanguageVariable),
            parse.GetValue(TimeZone) ?? environment.GetVariable(TimeZoneVariable),
            out error);
        if (options is null)
        {
            return null;
        }

        var watch = TamperWatch.Parse(
            parse.GetValue(TamperWatchResources) ?? environment.GetVariable(TamperWatchVariable), null, out error);
        if (watch is null)
        {
            error = $"--tamper-watch-resources: {error}";
            return null;
        }

        return options with { TamperWatch = watch };
    }

    /// <summary>Resolves the render options from a language code and a time zone name (flag or variable, null for the default).</summary>
    public static RenderOptions? Resolve(string? languageText, string? zoneText, out string? error)
    {
        if (!RenderOptions.TryParseLanguage(languageText, out var language))
        {
            error = $"unknown language '{languageText}'; use en or ja";
            return null;
        }

        if (!RenderOptions.TryFindTimeZone(zoneText, out var zone))
        {
            error = $"unknown time zone '{zoneText}'; use an IANA name such as Asia/Tokyo";
            return null;
        }

        error = null;
        return new RenderOptions(language, zone);
    }
}
