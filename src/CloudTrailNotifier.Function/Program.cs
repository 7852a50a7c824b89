using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Lambda;

// bootstrap, the Lambda function: serves invocations through the Lambda Runtime API until Lambda stops it.

if (Environment.GetEnvironmentVariable(LambdaHost.RuntimeApiVariable) is not { Length: > 0 } runtimeApi)
{
    await Console.Error.WriteLineAsync(
        $"error: {LambdaHost.RuntimeApiVariable} is not set: bootstrap runs inside AWS Lambda (or sam local); for the command line use ctn")
        .ConfigureAwait(false);
    return 2;
}

// The composition root is the one place that touches the SDK's process-wide registry (see AwsRuntimeDependencies).
AwsRuntimeDependencies.Register(Amazon.RuntimeDependencies.GlobalRuntimeDependencyRegistry.Instance);

return await LambdaHost.RunAsync(
    runtimeApi,
    Environment.GetEnvironmentVariable,
    Environment.SetEnvironmentVariable,
    Console.Out,
    AwsEdges.FromProcess(),
    CancellationToken.None).ConfigureAwait(false);
