using CloudTrailNotifier.Cli;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Lambda;

/// <summary>The function's settings, read once from environment variables when the runtime starts.</summary>
/// <param name="Topic">Where notifications are published; null only in a dry run without TOPIC_ARN.</param>
/// <param name="DryRun">Publish nothing; answer each invocation with the publish request instead.</param>
internal sealed record FunctionConfiguration(SnsTopic? Topic, bool DryRun, RenderOptions RenderOptions)
{
    public const string TopicArnVariable = PublishCommand.TopicArnVariable;
    public const string DryRunVariable = "DRY_RUN";

    /// <summary>Reads and checks every setting; <paramref name="error"/> names the variable at fault.</summary>
    public static FunctionConfiguration? Load(Func<string, string?> getVariable, out string? error)
    {
        var dryRunText = getVariable(DryRunVariable)?.Trim().ToLowerInvariant();
        bool dryRun;
        switch (dryRunText)
        {
            case null or "" or "false" or "0" or "no":
                dryRun = false;
                break;
            case "true" or "1" or "yes":
                dryRun = true;
                break;
            default:
                error = $"{DryRunVariable} must be true or false, not '{getVariable(DryRunVariable)}'";
                return null;
        }

        var renderOptions = CommonOptions.Resolve(
            getVariable(CommonOptions.LanguageVariable), getVariable(CommonOptions.TimeZoneVariable), out error);
        if (renderOptions is null)
        {
            error = $"{CommonOptions.LanguageVariable}/{CommonOptions.TimeZoneVariable}: {error}";
            return null;
        }

        renderOptions = renderOptions with { DecoySecrets = Describing.DecoySecrets.Parse(getVariable(CommonOptions.DecoySecretsVariable)) };

        var topicArn = getVariable(TopicArnVariable);
        SnsTopic? topic = null;
        if (!string.IsNullOrWhiteSpace(topicArn))
        {
            if (!TopicArn.TryParse(topicArn, out var arn, out error))
            {
                error = $"{TopicArnVariable}: {error}";
                return null;
            }

            if (!SnsEndpoint.TryResolve(arn!, getVariable, out var endpoint, out error))
            {
                return null;
            }

            topic = new SnsTopic(arn!, endpoint);
        }
        else if (!dryRun)
        {
            error = $"{TopicArnVariable} is not set; set it to the SNS topic ARN, or set {DryRunVariable}=true";
            return null;
        }

        error = null;
        return new FunctionConfiguration(topic, dryRun, renderOptions);
    }
}
