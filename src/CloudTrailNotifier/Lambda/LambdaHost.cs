using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Cli;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Lambda;

/// <summary>The Lambda face of the executable: reads the configuration once, then serves invocations.</summary>
internal static class LambdaHost
{
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

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
        var api = new RuntimeApiClient(aws.Http, runtimeApi);
        var log = new InvocationLog(logOutput, aws.Clock);
        try
        {
            var configuration = FunctionConfiguration.Load(getVariable, out var configurationError);
            if (configuration is null)
            {
                var error = FunctionError.Configuration(configurationError ?? "invalid configuration");
                log.Runtime("FATAL", "configuration error", error);
                await api.PostInitErrorAsync(error, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            var publisher = configuration.DryRun
                ? null
                : new SnsPublisher(aws.Http, aws.Credentials, aws.Clock, RetryPolicy.Default(aws.Jitter));
            var handler = new InvocationHandler(configuration, new Notifier(configuration.RenderOptions), publisher);
            await new RuntimeLoop(api, handler, log, aws.Clock, setVariable).RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is RuntimeApiException or HttpRequestException)
        {
            log.Runtime("FATAL", "the Lambda Runtime API failed", new FunctionError("Runtime.ApiError", ex.Message));
            return ExitCodes.Failure;
        }
    }
}
