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

// Credentials come from the environment Lambda sets from the execution role, so the STS and SSO clients the
// command line registers (AwsRuntimeDependencies) are neither registered nor shipped here.
return await LambdaHost.RunAsync(
    runtimeApi,
    Environment.GetEnvironmentVariable,
    Environment.SetEnvironmentVariable,
    Console.Out,
    AwsEdges.ForFunction(Environment.GetEnvironmentVariable),
    CancellationToken.None).ConfigureAwait(false);
