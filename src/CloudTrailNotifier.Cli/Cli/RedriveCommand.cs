using System.CommandLine;
using Amazon.Runtime;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Redrive;
using CloudTrailNotifier.Resilience;
using CloudTrailNotifier.Settings;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Cli;

/// <summary>
/// <c>redrive QUEUE_URL [--topic-arn ARN] [--dry-run] [--max-messages N]</c>: publishes the notification of every event
/// waiting in the stack's dead-letter queue, deleting each message once its notification is published.
/// Exit 0 when every message was published, 1 when a publish or a queue call failed, 2 for a usage error or when
/// a message with no event in it was left in the queue.
/// </summary>
internal static class RedriveCommand
{
    public static Command Create(CliEnvironment environment, Func<AwsEdges> aws)
    {
        var common = new CommonOptions();
        var queueUrl = new Argument<string>(QueueAddress.ArgumentName)
        {
            Description = "The dead-letter queue's URL (the stack's DeadLetterQueueUrl output). "
                + $"{QueueAddress.SqsEndpointVariable} or {NotifierSettings.EndpointVariable} overrides the endpoint.",
        };
        var topicArn = new Option<string?>(SettingOverrides.TopicArnFlag)
        {
            Description = $"The SNS topic to publish to (default: ${NotifierSettings.TopicArnVariable}); not needed with --dry-run.",
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Print each notification as render does; publish nothing, delete nothing.",
        };
        var maxMessages = new Option<int?>("--max-messages")
        {
            Description = "Stop after this many messages (default: until the queue is empty).",
        };
        var waitSeconds = new Option<int>("--wait-seconds")
        {
            Description = "How long each receive waits for messages, 1 to 20 (default 5); the queue counts as empty after two empty receives.",
            DefaultValueFactory = _ => 5,
        };

        var command = new Command("redrive", "Publish the notifications of the events in the dead-letter queue, deleting each message once published.");
        command.Arguments.Add(queueUrl);
        command.Options.Add(topicArn);
        command.Options.Add(dryRun);
        command.Options.Add(maxMessages);
        command.Options.Add(waitSeconds);
        command.Options.Add(common.Language);
        command.Options.Add(common.TimeZone);
        command.Options.Add(common.TamperWatchResources);
        command.Options.Add(common.DecoySecrets);
        command.Options.Add(common.AccountNames);
        command.SetAction((parse, cancellationToken) => RunAsync(
            new Request(
                parse.GetValue(queueUrl)!,
                common.Settings(parse, environment, parse.GetValue(topicArn)),
                parse.GetValue(dryRun),
                parse.GetValue(maxMessages),
                parse.GetValue(waitSeconds)),
            environment,
            aws,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Request request, CliEnvironment environment, Func<AwsEdges> createEdges, CancellationToken cancellationToken)
    {
        if (Check(request, environment) is not { } checkedRequest)
        {
            return ExitCodes.BadInput;
        }

        var (options, topic, address) = checkedRequest;
        var aws = createEdges();
        AWSCredentials credentials;
        try
        {
            credentials = aws.Credentials.Get();
        }
        catch (AmazonClientException ex)
        {
            environment.WriteError($"CredentialsUnavailable: {CredentialsError.Describe(ex)}");
            return ExitCodes.Failure;
        }

        using var queue = SqsDeadLetterQueue.Create(address, credentials, TimeSpan.FromSeconds(request.WaitSeconds));
        var publisher = new SnsPublisher(aws.Http, aws.Credentials, aws.Clock, RetryStrategyOptions.Default(aws.Jitter));
        var report = new RedriveConsoleReport(environment);
        var redriver = new Redriver(
            queue,
            new Notifier(options),
            request.DryRun ? null : (notification, token) => publisher.PublishAsync(notification, topic!, cancellationToken: token),
            report,
            new RedriveOptions(request.DryRun, request.MaxMessages));

        var summary = await redriver.RunAsync(cancellationToken).ConfigureAwait(false);
        report.Summary(summary, request.DryRun);
        return summary.Failed > 0 || summary.QueueProblems > 0 ? ExitCodes.Failure
            : summary.Left > 0 ? ExitCodes.BadInput
            : ExitCodes.Success;
    }

    /// <summary>Every usage error, one line each, before anything touches credentials or the network.</summary>
    private static (Rendering.RenderOptions Options, SnsTopic? Topic, QueueAddress Address)? Check(Request request, CliEnvironment environment)
    {
        var options = request.Settings.RenderOptions();
        var topic = request.Settings.Topic();
        var address = QueueAddress.Parse(request.QueueUrl, environment.GetVariable);
        var error = options.Error ?? (request.DryRun ? null : topic.Error) ?? address.Error;
        if (error is null && !request.DryRun && topic.Value is null)
        {
            error = $"{SettingOverrides.TopicArnFlag} is required (or set {NotifierSettings.TopicArnVariable}), unless --dry-run";
        }

        if (error is null && request.MaxMessages is < 1)
        {
            error = "--max-messages: must be at least 1";
        }

        if (error is null && request.WaitSeconds is < 1 or > 20)
        {
            error = "--wait-seconds: must be from 1 to 20";
        }

        if (error is not null)
        {
            environment.WriteError(error);
            return null;
        }

        return (options.Value, topic.Value, address.Value);
    }

    private sealed record Request(string QueueUrl, NotifierSettings Settings, bool DryRun, int? MaxMessages, int WaitSeconds);
}
