using System.CommandLine;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Resilience;
using CloudTrailNotifier.Settings;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Cli;

/// <summary>
/// <c>publish FILE --topic-arn ARN [--chat-topic-arn ARN]</c>: publishes each event's notification to SNS, one MessageId
/// per line; with a chat topic the card goes there too, and the line carries both ids (email, then chat).
/// </summary>
internal static class PublishCommand
{
    /// <summary>Printed in place of a MessageId when SNS published but its answer could not be read.</summary>
    public const string UnknownMessageId = "-";

    /// <param name="aws">Creates the AWS edges on first use, so parsing errors never touch the network or credentials.</param>
    public static Command Create(CliEnvironment environment, Func<AwsEdges> aws)
    {
        var common = new CommonOptions();
        var topicArn = new Option<string?>(SettingOverrides.TopicArnFlag)
        {
            Description = $"The SNS topic to publish to (default: ${NotifierSettings.TopicArnVariable}). "
                + $"{NotifierSettings.SnsEndpointVariable} or {NotifierSettings.EndpointVariable} overrides the endpoint.",
        };

        var chatTopicArn = new Option<string?>(SettingOverrides.ChatTopicArnFlag)
        {
            Description = $"A second SNS topic, for Amazon Q Developer in chat applications: it gets the chat card (default: ${NotifierSettings.ChatTopicArnVariable}).",
        };

        var command = new Command("publish", "Publish the notification for each event in FILE to SNS and print one MessageId per line.");
        common.AddTo(command);
        command.Options.Add(topicArn);
        command.Options.Add(chatTopicArn);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse,
            common,
            common.Settings(parse, environment, parse.GetValue(topicArn), parse.GetValue(chatTopicArn)),
            parse.GetValue(common.Match),
            environment,
            aws,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse,
        CommonOptions common,
        NotifierSettings settings,
        string? matchPath,
        CliEnvironment environment,
        Func<AwsEdges> createEdges,
        CancellationToken cancellationToken)
    {
        var options = settings.RenderOptions();
        var topic = settings.Topic();
        var chatTopic = settings.ChatTopic();
        if ((options.Error ?? topic.Error ?? chatTopic.Error) is { } error)
        {
            environment.WriteError(error);
            return ExitCodes.BadInput;
        }

        if (topic.Value is null)
        {
            environment.WriteError($"{SettingOverrides.TopicArnFlag} is required (or set {NotifierSettings.TopicArnVariable})");
            return ExitCodes.BadInput;
        }

        MatchFilter? filter = null;
        if (matchPath is not null && (filter = MatchFilter.Load(matchPath, out var matchError)) is null)
        {
            environment.WriteError(matchError!);
            return ExitCodes.BadInput;
        }

        if (common.Input(parse, environment, createEdges) is not { } input)
        {
            return ExitCodes.BadInput;
        }

        SnsPublisher? publisher = null; // created at the first event: an unreadable input touches no credentials
        var renderer = new Notifier(options.Value with { ChatCards = chatTopic.Value is not null });
        var stdout = environment.StandardOutput;
        var number = 0;
        var gen0 = new Gen0Bound();
        foreach (var evt in filter?.Apply(input.Events()) ?? input.Events())
        {
            number++;
            gen0.AfterEvent();
            if (publisher is null)
            {
                var aws = createEdges();
                publisher = new SnsPublisher(aws.Http, aws.Credentials, aws.Clock, RetryStrategyOptions.Default(aws.Jitter));
            }

            PublishReceipt receipt;
            PublishReceipt? chat = null;
            try
            {
                var notification = renderer.Notify(evt);
                receipt = await publisher.PublishAsync(notification, topic.Value, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                if (chatTopic.Value is { } chatValue && notification.ChatCard is { } card)
                {
                    chat = await PublishChatAsync(publisher, Lambda.ChatTopicSink.ForChat(notification, card), chatValue, receipt, environment, cancellationToken)
                        .ConfigureAwait(false);
                    if (chat is null)
                    {
                        return ExitCodes.Failure;
                    }
                }
            }
            catch (SnsPublishException ex)
            {
                stdout.Flush();
                environment.WriteError($"{ex.Code}: {ex.Message}");
                return ExitCodes.Failure;
            }

            stdout.Write(receipt.MessageId ?? UnknownMessageId);
            if (chat is not null)
            {
                stdout.Write(' ');
                stdout.Write(chat.MessageId ?? UnknownMessageId);
            }

            stdout.Write('\n');
            stdout.Flush();
            if (receipt.MessageId is null)
            {
                environment.WriteWarning($"event {number}: published, {receipt.Note}");
            }
        }

        stdout.Flush();
        filter?.WriteSummary(environment);
        return input.HadProblems ? ExitCodes.BadInput : ExitCodes.Success;
    }

    /// <summary>The card's publish; on failure says so (the email's id first, as it was published) and answers null.</summary>
    private static async Task<PublishReceipt?> PublishChatAsync(
        SnsPublisher publisher, Notification card, SnsTopic topic, PublishReceipt email, CliEnvironment environment, CancellationToken cancellationToken)
    {
        try
        {
            return await publisher.PublishAsync(card, topic, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (SnsPublishException ex)
        {
            environment.StandardOutput.Write(email.MessageId ?? UnknownMessageId);
            environment.StandardOutput.Write('\n');
            environment.StandardOutput.Flush();
            environment.WriteError($"chat topic: {ex.Code}: {ex.Message} (the email was published)");
            return null;
        }
    }
}
