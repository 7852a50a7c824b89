using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Cli;
using CloudTrailNotifier.Lambda;

// One executable, two faces: the Lambda function (when the Lambda Runtime API is present)
// and the command-line tool.

// The composition root is the one place that touches the SDK's process-wide registry (see AwsRuntimeDependencies).
AwsRuntimeDependencies.Register(Amazon.RuntimeDependencies.GlobalRuntimeDependencyRegistry.Instance);

if (Environment.GetEnvironmentVariable(LambdaHost.RuntimeApiVariable) is { Length: > 0 } runtimeApi)
{
    return await LambdaHost.RunAsync(
        runtimeApi,
        Environment.GetEnvironmentVariable,
        Environment.SetEnvironmentVariable,
        Console.Out,
        AwsEdges.FromProcess(),
        CancellationToken.None).ConfigureAwait(false);
}

return CliApp.Run(args, CliEnvironment.FromProcess());
