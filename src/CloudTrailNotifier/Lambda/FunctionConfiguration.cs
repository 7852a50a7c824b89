using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Settings;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Lambda;

/// <summary>The function's settings, read once from <see cref="NotifierSettings"/> when the runtime starts.</summary>
/// <param name="Topic">Where notifications are published; null only in a dry run.</param>
/// <param name="DryRun">Publish nothing; answer each invocation with the publish request instead.</param>
/// <param name="StartNotice">A line to log at start, e.g. why a sam local run became a dry run.</param>
internal sealed record FunctionConfiguration(SnsTopic? Topic, bool DryRun, RenderOptions RenderOptions, string? StartNotice = null)
{
    /// <summary>Noise control (duplicates, folding, digests, rate guard); null: stateless, each event one notification.</summary>
    public Folding.FoldingSettings? Folding { get; init; }

    /// <summary>Where chat cards are published (CHAT_TOPIC_ARN); null: email only.</summary>
    public SnsTopic? ChatTopic { get; init; }

    /// <summary>Reads and checks every setting; <paramref name="error"/> names the variable at fault.</summary>
    public static FunctionConfiguration? Load(Func<string, string?> getVariable, out string? error)
    {
        var settings = new NotifierSettings(getVariable, lambdaFace: true);
        var dryRun = settings.DryRun();
        var renderOptions = settings.RenderOptions();
        var folding = settings.Folding();
        var chatTopic = settings.ChatTopic();
        error = dryRun.Error ?? renderOptions.Error ?? folding.Error ?? chatTopic.Error;
        if (error is not null)
        {
            return null;
        }

        var options = renderOptions.Value with { ChatCards = chatTopic.Value is not null };

        var (topicName, topicText) = settings.TopicArnText();
        if (settings.SamLocal && topicText is not null && !topicText.StartsWith("arn:", StringComparison.Ordinal))
        {
            // sam local invoke without --env-vars resolves !Ref NotificationTopic to the logical id.
            return new FunctionConfiguration(null, DryRun: true, options,
                $"{NotifierSettings.SamLocalVariable}=true and {topicName} is '{topicText}', not an ARN (sam local without --env-vars?): "
                + "dry run, nothing is published") { Folding = folding.Value, ChatTopic = chatTopic.Value };
        }

        var topic = settings.Topic();
        if (!topic.IsValid)
        {
            error = topic.Error;
            return null;
        }

        if (topic.Value is null && !dryRun.Value)
        {
            error = $"{topicName}: not set; set it to the SNS topic ARN, or set {NotifierSettings.DryRunVariable}=true";
            return null;
        }

        return new FunctionConfiguration(topic.Value, dryRun.Value, options) { Folding = folding.Value, ChatTopic = chatTopic.Value };
    }
}
