using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Resilience;
using CloudTrailNotifier.Settings;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Lambda;

/// <summary>The Lambda face of the executable: reads the configuration once, then serves invocations.</summary>
internal static class LambdaHost
{
    public const string RuntimeApiVariable = NotifierSettings.RuntimeApiVariable;

    /// <summary>Exit codes: Lambda restarts the environment after a non-zero exit.</summary>
    public const int ExitSuccess = 0;
    public const int ExitFailure = 1;

    /// <summary>Serves invocations until cancelled; a configuration error is reported to <c>/runtime/init/error</c>.</summary>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(
        string runtimeApi,
        Func<string, string?> getVariable,
        Action<string, string?> setVariable,
        TextWriter logOutput,
        AwsEdges aws,
        CancellationToken cancellationToken)
    {
        using var api = new RuntimeApiClient(runtimeApi);
        var log = new InvocationLog(logOutput, aws.Clock);
        try
        {
            var configuration = FunctionConfiguration.Load(getVariable, out var configurationError);
            if (configuration is null)
            {
                var error = FunctionError.Configuration(configurationError ?? "invalid configuration");
                log.Runtime("FATAL", "configuration error", error);
                await api.PostInitErrorAsync(error, cancellationToken).ConfigureAwait(false);
                return ExitFailure;
            }

            if (configuration.StartNotice is { } notice)
            {
                log.Runtime("WARN", notice);
            }

            var publisher = new SnsPublisher(aws.Http, aws.Credentials, aws.Clock, RetryStrategyOptions.Default(aws.Jitter));
            State.IStateStore? store = null;
            if (configuration.Folding is { } table)
            {
                var retry = RetryStrategyOptions.StateStore(aws.Jitter);
                var client = State.DynamoDbClients.Create(aws.Http, aws.Credentials, table.Endpoint, table.Region, retry.AttemptTimeout);
                store = new State.DynamoStateStore(new State.DynamoDbCalls(client, new RetryStrategy(retry, aws.Clock), aws.Clock), table.Table);
            }

            INotificationSink sink = configuration is { DryRun: false, Topic: { } topic }
                ? new SnsSink(publisher, topic)
                : new DryRunSink(configuration.Topic?.Arn, configuration.ChatTopic?.Arn);
            if (configuration is { DryRun: false, Topic: not null, ChatTopic: { } chatTopic })
            {
                sink = new ChatTopicSink(sink, publisher, chatTopic, store, aws.Clock);
            }

            if (configuration.Folding is { } folding)
            {
                sink = new Folding.NoiseControlSink(sink, store!, folding, configuration.RenderOptions, aws.Clock);
            }

            // With noise control, the notifier also reads folding's facts from the event it redacted (never the raw one).
            var notifier = new Notifier(configuration.RenderOptions, configuration.Folding is null ? null : Folding.FoldEventReader.Read);
            var handler = new InvocationHandler(notifier.Notify, sink);
            await new RuntimeLoop(api, handler, log, aws.Clock, setVariable).RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitSuccess;
        }
        catch (Exception ex) when (ex is RuntimeApiException or HttpRequestException)
        {
            log.Runtime("FATAL", "the Lambda Runtime API failed", new FunctionError("Runtime.ApiError", ex.Message));
            return ExitFailure;
        }
    }
}
