using System.CommandLine;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Cli;

/// <summary><c>publish FILE --topic-arn ARN</c>: publishes each event's notification to SNS, one MessageId per line.</summary>
internal static class PublishCommand
{
    public const string TopicArnVariable = "TOPIC_ARN";

    /// <param name="aws">Creates the AWS edges on first use, so parsing errors never touch the network or credentials.</param>
    public static Command Create(CliEnvironment environment, Func<AwsEdges> aws)
    {
        var common = new CommonOptions();
        var topicArn = new Option<string?>("--topic-arn")
        {
            Description = $"The SNS topic to publish to (default: ${TopicArnVariable}). AWS_ENDPOINT_URL_SNS or AWS_ENDPOINT_URL overrides the endpoint.",
        };

        var command = new Command("publish", "Publish the notification for each event in FILE to SNS and print one MessageId per line.");
        common.AddTo(command);
        command.Options.Add(topicArn);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(common.File)!,
            parse.GetValue(topicArn) ?? environment.GetVariable(TopicArnVariable),
            common.Resolve(parse, environment, out var error),
            error,
            environment,
            aws,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string path,
        string? topicArn,
        RenderOptions? options,
        string? optionError,
        CliEnvironment environment,
        Func<AwsEdges> createEdges,
        CancellationToken cancellationToken)
    {
        if (options is null)
        {
            environment.WriteError(optionError!);
            return ExitCodes.BadInput;
        }

        if (string.IsNullOrWhiteSpace(topicArn))
        {
            environment.WriteError($"--topic-arn is required (or set {TopicArnVariable})");
            return ExitCodes.BadInput;
        }

        var topic = SnsTopic.Resolve(topicArn, environment.GetVariable, out var topicError);
        if (topic is null)
        {
            environment.WriteError(topicError!);
            return ExitCodes.BadInput;
        }

        if (!InputFiles.TryReadEvents(path, environment, out var events))
        {
            return ExitCodes.BadInput;
        }

        var aws = createEdges();
        var publisher = new SnsPublisher(aws.Http, aws.Credentials, aws.Clock, RetryPolicy.Default(aws.Jitter));
        var renderer = new Notifier(options);
        var stdout = environment.StandardOutput;
        foreach (var item in events)
        {
            string messageId;
            try
            {
                messageId = await publisher.PublishAsync(renderer.Notify(item), topic, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (SnsPublishException ex)
            {
                stdout.Flush();
                environment.WriteError($"{ex.Code}: {ex.Message}");
                return ExitCodes.Failure;
            }

            stdout.Write(messageId);
            stdout.Write('\n');
        }

        stdout.Flush();
        return ExitCodes.Success;
    }
}
