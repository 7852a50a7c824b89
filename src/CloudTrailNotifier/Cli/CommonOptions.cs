using System.CommandLine;
using CloudTrailNotifier.Rendering;

namespace CloudTrailNotifier.Cli;

/// <summary>Options shared by every command that renders notifications.</summary>
internal sealed class CommonOptions
{
    public const string LanguageVariable = "NOTIFICATION_LANGUAGE";
    public const string TimeZoneVariable = "NOTIFICATION_TIME_ZONE";
    public const string DecoySecretsVariable = "DECOY_SECRETS";

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

    public Option<string?> DecoySecrets { get; } = new("--decoy-secrets")
    {
        Description = $"Decoy secret names, comma-separated: any call naming one is critical (default: ${DecoySecretsVariable}).",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(File);
        command.Options.Add(Language);
        command.Options.Add(TimeZone);
        command.Options.Add(DecoySecrets);
    }

    /// <summary>Resolves the render options from flags, then environment; returns an error line when invalid.</summary>
    public RenderOptions? Resolve(ParseResult parse, CliEnvironment environment, out string? error) => Resolve(
        parse.GetValue(Language) ?? environment.GetVariable(LanguageVariable),
        parse.GetValue(TimeZone) ?? environment.GetVariable(TimeZoneVariable),
        out error) is { } options
            ? options with { DecoySecrets = Describing.DecoySecrets.Parse(parse.GetValue(DecoySecrets) ?? environment.GetVariable(DecoySecretsVariable)) }
            : null;

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
