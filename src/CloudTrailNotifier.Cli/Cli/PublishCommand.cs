using System.CommandLine;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Resilience;
using CloudTrailNotifier.Settings;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Cli;

/// <summary><c>publish FILE --topic-arn ARN</c>: publishes each event's notification to SNS, one MessageId per line.</summary>
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

        var command = new Command("publish", "Publish the notification for each event in FILE to SNS and print one MessageId per line.");
        common.AddTo(command);
        command.Options.Add(topicArn);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse,
            common,
            common.Settings(parse, environment, parse.GetValue(topicArn)),
            environment,
            aws,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse,
        CommonOptions common,
        NotifierSettings settings,
        CliEnvironment environment,
        Func<AwsEdges> createEdges,
        CancellationToken cancellationToken)
    {
        var options = settings.RenderOptions();
        var topic = settings.Topic();
        if ((options.Error ?? topic.Error) is { } error)
        {
            environment.WriteError(error);
            return ExitCodes.BadInput;
        }

        if (topic.Value is null)
        {
            environment.WriteError($"{SettingOverrides.TopicArnFlag} is required (or set {NotifierSettings.TopicArnVariable})");
            return ExitCodes.BadInput;
        }

        if (common.Input(parse, environment, createEdges) is not { } input)
        {
            return ExitCodes.BadInput;
        }

        SnsPublisher? publisher = null; // created at the first event: an unreadable input touches no credentials
        var renderer = new Notifier(options.Value);
        var stdout = environment.StandardOutput;
        var number = 0;
        var gen0 = new Gen0Bound();
        foreach (var evt in input.Events())
        {
            number++;
            gen0.AfterEvent();
            if (publisher is null)
            {
                var aws = createEdges();
                publisher = new SnsPublisher(aws.Http, aws.Credentials, aws.Clock, RetryStrategyOptions.Default(aws.Jitter));
            }

            PublishReceipt receipt;
            try
            {
                receipt = await publisher.PublishAsync(renderer.Notify(evt), topic.Value, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (SnsPublishException ex)
            {
                stdout.Flush();
                environment.WriteError($"{ex.Code}: {ex.Message}");
                return ExitCodes.Failure;
            }

            stdout.Write(receipt.MessageId ?? UnknownMessageId);
            stdout.Write('\n');
            stdout.Flush();
            if (receipt.MessageId is null)
            {
                environment.WriteWarning($"event {number}: published, {receipt.Note}");
            }
        }

        stdout.Flush();
        return input.HadProblems ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
