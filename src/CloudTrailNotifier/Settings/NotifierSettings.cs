using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Settings;

/// <summary>
/// Every environment variable the program reads, by name, with its parsing and one error style
/// (<c>NAME: what is wrong</c>, see <see cref="SettingResult{T}"/>). Both faces read their settings here: the
/// Lambda function through <see cref="Lambda.FunctionConfiguration"/>, the command line with its flags as
/// <see cref="SettingOverrides"/>. A new variable is one constant and one method in this file.
/// </summary>
/// <param name="lambdaFace">The Lambda face reads these settings: Lambda's rules apply whatever the environment says.</param>
internal sealed class NotifierSettings(Func<string, string?> getVariable, SettingOverrides? overrides = null, bool lambdaFace = false)
{
    public const string TopicArnVariable = "TOPIC_ARN";

    /// <summary>The second topic, for Amazon Q Developer in chat applications: it gets the chat card.</summary>
    public const string ChatTopicArnVariable = "CHAT_TOPIC_ARN";
    public const string DryRunVariable = "DRY_RUN";
    public const string LanguageVariable = "NOTIFICATION_LANGUAGE";
    public const string TimeZoneVariable = "NOTIFICATION_TIME_ZONE";
    public const string SnsEndpointVariable = "AWS_ENDPOINT_URL_SNS";
    public const string EndpointVariable = "AWS_ENDPOINT_URL";
    public const string IgnoreEndpointsVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";
    public const string SamLocalVariable = "AWS_SAM_LOCAL";
    public const string TamperWatchVariable = "TAMPER_WATCH_RESOURCES";
    public const string DecoySecretsVariable = "DECOY_SECRETS";
    public const string AccountNamesVariable = "ACCOUNT_NAMES";
    public const string StateTableVariable = "STATE_TABLE_NAME";
    public const string DigestWindowVariable = "DIGEST_WINDOW_SECONDS";
    public const string RateGuardVariable = "RATE_GUARD_PER_MINUTE";
    public const string DynamoDbEndpointVariable = "AWS_ENDPOINT_URL_DYNAMODB";
    public const string RegionVariable = "AWS_REGION";
    public const string DefaultRegionVariable = "AWS_DEFAULT_REGION";
    public const string S3EndpointVariable = "AWS_ENDPOINT_URL_S3";

    /// <summary>Fifteen minutes: a window long enough to fold a Terraform plan or a scanner's sweep.</summary>
    public const int DefaultDigestWindowSeconds = 900;

    /// <summary>Half a notification a second: a twentieth of the ~10 a second that suspends an email subscription.</summary>
    public const int DefaultRateGuardPerMinute = 30;

    /// <summary>Set by Lambda: the function's own name, always watched for tampering in the Lambda face.</summary>
    public const string FunctionNameVariable = "AWS_LAMBDA_FUNCTION_NAME";

    private readonly SettingOverrides _flags = overrides ?? SettingOverrides.None;

    /// <summary>The Lambda Runtime API's address, when the process runs as a Lambda function (or under sam local).</summary>
    public string? RuntimeApi => NullIfBlank(getVariable(RuntimeApiVariable));

    public bool InLambda => lambdaFace || RuntimeApi is not null;

    /// <summary><c>sam local invoke</c> or <c>sam local start-lambda</c>, which set <c>AWS_SAM_LOCAL=true</c>.</summary>
    public bool SamLocal => IsTrue(getVariable(SamLocalVariable));

    public SettingResult<bool> DryRun()
    {
        var text = getVariable(DryRunVariable);
        return text?.Trim().ToLowerInvariant() switch
        {
            null or "" or "false" or "0" or "no" => SettingResult<bool>.Ok(false),
            "true" or "1" or "yes" => SettingResult<bool>.Ok(true),
            _ => SettingResult<bool>.Fail(DryRunVariable, $"must be true or false, not '{text}'"),
        };
    }

    /// <summary>Language, time zone, the tamper watch, decoy secrets and account names, each from its flag, else its variable, else English, UTC and none.</summary>
    public SettingResult<RenderOptions> RenderOptions()
    {
        var (languageName, languageText) = Source(_flags.Language, SettingOverrides.LanguageFlag, LanguageVariable);
        if (!Rendering.RenderOptions.TryParseLanguage(languageText, out var language))
        {
            return SettingResult<RenderOptions>.Fail(languageName, $"unknown language '{languageText}'; use en or ja");
        }

        var (zoneName, zoneText) = Source(_flags.TimeZone, SettingOverrides.TimeZoneFlag, TimeZoneVariable);
        if (!Rendering.RenderOptions.TryFindTimeZone(zoneText, out var zone))
        {
            return SettingResult<RenderOptions>.Fail(zoneName, $"unknown time zone '{zoneText}'; use an IANA name such as Asia/Tokyo");
        }

        var (watchName, watchText) = Source(_flags.TamperWatchResources, SettingOverrides.TamperWatchFlag, TamperWatchVariable);
        var watch = Describing.Tampering.TamperWatch.Parse(
            watchText, InLambda ? NullIfBlank(getVariable(FunctionNameVariable)) : null, out var watchProblem);
        if (watch is null)
        {
            return SettingResult<RenderOptions>.Fail(watchName, watchProblem!);
        }

        var (namesName, namesText) = Source(_flags.AccountNames, SettingOverrides.AccountNamesFlag, AccountNamesVariable);
        var accountNames = Describing.AccountNames.Parse(namesText, out var namesProblem);
        if (accountNames is null)
        {
            return SettingResult<RenderOptions>.Fail(namesName, namesProblem!);
        }

        var (_, decoyText) = Source(_flags.DecoySecrets, SettingOverrides.DecoySecretsFlag, DecoySecretsVariable);
        return SettingResult<RenderOptions>.Ok(new RenderOptions(language, zone)
        {
            TamperWatch = watch,
            DecoySecrets = Describing.DecoySecrets.Parse(decoyText),
            AccountNames = accountNames,
        });
    }

    /// <summary>The topic text as given (flag, else variable) and where it came from; blank is null.</summary>
    public (string Name, string? Text) TopicArnText()
    {
        var (name, text) = Source(_flags.TopicArn, SettingOverrides.TopicArnFlag, TopicArnVariable);
        return (name, NullIfBlank(text));
    }

    /// <summary>The topic and its endpoint; the value is null when no topic is given (the caller decides if that is an error).</summary>
    public SettingResult<SnsTopic?> Topic()
    {
        var (name, text) = TopicArnText();
        return TopicFrom(name, text);
    }

    /// <summary>The chat topic (flag, else <c>CHAT_TOPIC_ARN</c>) and its endpoint, chosen as for the email topic; null when not given.</summary>
    public SettingResult<SnsTopic?> ChatTopic()
    {
        var (name, text) = Source(_flags.ChatTopicArn, SettingOverrides.ChatTopicArnFlag, ChatTopicArnVariable);
        return TopicFrom(name, NullIfBlank(text));
    }

    private SettingResult<SnsTopic?> TopicFrom(string name, string? text)
    {
        if (text is null)
        {
            return SettingResult<SnsTopic?>.Ok(null);
        }

        if (!TopicArn.TryParse(text, out var arn, out var problem))
        {
            return SettingResult<SnsTopic?>.Fail(name, problem!);
        }

        var endpoint = Endpoint(arn!);
        return endpoint.IsValid
            ? SettingResult<SnsTopic?>.Ok(new SnsTopic(arn!, endpoint.Value))
            : new SettingResult<SnsTopic?>(null, endpoint.Error);
    }

    /// <summary>
    /// <c>AWS_ENDPOINT_URL_SNS</c>, then <c>AWS_ENDPOINT_URL</c> (both ignored when
    /// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>), else SNS in the topic's region. In Lambda, plain http is
    /// refused unless it goes to a loopback address: a changed variable must not send signed requests, with the
    /// execution role's session token, to someone else.
    /// </summary>
    public SettingResult<Uri> Endpoint(TopicArn topic)
    {
        var endpoint = ConfiguredEndpoint([SnsEndpointVariable, EndpointVariable]);
        return endpoint.IsValid
            ? SettingResult<Uri>.Ok(endpoint.Value ?? SnsEndpoint.Default(topic))
            : new SettingResult<Uri>(default!, endpoint.Error);
    }

    /// <summary>Noise control: null (stateless, as without it) when <c>STATE_TABLE_NAME</c> is empty or unset.</summary>
    public SettingResult<Folding.FoldingSettings?> Folding()
    {
        var table = NullIfBlank(getVariable(StateTableVariable));
        if (table is null)
        {
            return SettingResult<Folding.FoldingSettings?>.Ok(null);
        }

        var window = Whole(DigestWindowVariable, DefaultDigestWindowSeconds, 1, 86_400);
        var perMinute = Whole(RateGuardVariable, DefaultRateGuardPerMinute, 1, 10_000);
        if (!window.IsValid || !perMinute.IsValid)
        {
            return new SettingResult<Folding.FoldingSettings?>(null, window.Error ?? perMinute.Error);
        }

        var region = NullIfBlank(getVariable(RegionVariable)) ?? "us-east-1";
        var endpoint = ConfiguredEndpoint([DynamoDbEndpointVariable, EndpointVariable]);
        if (!endpoint.IsValid)
        {
            return new SettingResult<Folding.FoldingSettings?>(null, endpoint.Error);
        }

        return SettingResult<Folding.FoldingSettings?>.Ok(
            new Folding.FoldingSettings(table, TimeSpan.FromSeconds(window.Value), perMinute.Value, endpoint.Value, region));
    }

    /// <summary>
    /// Where <c>ctn render s3://...</c> reads: <c>AWS_ENDPOINT_URL_S3</c>, then <c>AWS_ENDPOINT_URL</c> (null: S3 itself),
    /// and the Region (<c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, else us-east-1). Plain http only to a loopback
    /// address, in every face: the requests carry signatures and the session token.
    /// </summary>
    public SettingResult<(Uri? Endpoint, string Region)> S3()
    {
        var region = NullIfBlank(getVariable(RegionVariable)) ?? NullIfBlank(getVariable(DefaultRegionVariable)) ?? "us-east-1";
        var endpoint = ConfiguredEndpoint([S3EndpointVariable, EndpointVariable], plainHttpOnlyToLoopbackEverywhere: true);
        return endpoint.IsValid
            ? SettingResult<(Uri?, string)>.Ok((endpoint.Value, region))
            : new SettingResult<(Uri?, string)>(default, endpoint.Error);
    }

    private SettingResult<int> Whole(string variable, int fallback, int min, int max)
    {
        var text = NullIfBlank(getVariable(variable));
        if (text is null)
        {
            return SettingResult<int>.Ok(fallback);
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max
            ? SettingResult<int>.Ok(value)
            : SettingResult<int>.Fail(variable, $"must be a whole number from {min} to {max}, not '{text}'");
    }

    /// <summary>
    /// The first configured endpoint among <paramref name="variables"/>, null when none. Plain http goes only to a
    /// loopback address: in Lambda always, and in every face when <paramref name="plainHttpOnlyToLoopbackEverywhere"/>.
    /// </summary>
    private SettingResult<Uri?> ConfiguredEndpoint(string[] variables, bool plainHttpOnlyToLoopbackEverywhere = false)
    {
        if (IsTrue(getVariable(IgnoreEndpointsVariable)))
        {
            return SettingResult<Uri?>.Ok(null);
        }

        foreach (var variable in variables)
        {
            var configured = NullIfBlank(getVariable(variable));
            if (configured is null)
            {
                continue;
            }

            if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return SettingResult<Uri?>.Fail(variable, $"not an http or https URL: '{configured}'");
            }

            if ((InLambda || plainHttpOnlyToLoopbackEverywhere) && uri.Scheme == "http" && !SnsEndpoint.IsLoopback(uri))
            {
                return SettingResult<Uri?>.Fail(variable,
                    $"plain http to '{uri.Host}' would send signed requests, session token included, in the clear; "
                    + (plainHttpOnlyToLoopbackEverywhere ? "use https" : "in Lambda use https") + ", or http only to localhost, 127.0.0.0/8 or ::1");
            }

            return SettingResult<Uri?>.Ok(uri);
        }

        return SettingResult<Uri?>.Ok(null);
    }

    private (string Name, string? Text) Source(string? flag, string flagName, string variable) =>
        flag is not null ? (flagName, flag) : (variable, getVariable(variable));

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
