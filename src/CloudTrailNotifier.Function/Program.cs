using System.Text;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Lambda;
using Microsoft.Win32.SafeHandles;

// bootstrap, the Lambda function: serves invocations through the Lambda Runtime API until Lambda stops it.

if (Environment.GetEnvironmentVariable(LambdaHost.RuntimeApiVariable) is not { Length: > 0 } runtimeApi)
{
    await Console.Error.WriteLineAsync(
        $"error: {LambdaHost.RuntimeApiVariable} is not set: bootstrap runs inside AWS Lambda (or sam local); for the command line use ctn")
        .ConfigureAwait(false);
    return 2;
}

// The log lines go to standard output, which Lambda reads through a pipe: written as UTF-8 straight to file
// descriptor 1, one write per line (InvocationLog flushes each), without Console.Out's terminal and signal set-up,
// which starts a thread of its own on the way to the first invocation's response.
await using var logOutput = new StreamWriter(
    new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0),
    new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    bufferSize: 64 * 1024);

// Credentials come from the environment Lambda sets from the execution role, so the STS and SSO clients the
// command line registers (AwsRuntimeDependencies) are neither registered nor shipped here.
return await LambdaHost.RunAsync(
    runtimeApi,
    Environment.GetEnvironmentVariable,
    Environment.SetEnvironmentVariable,
    logOutput,
    AwsEdges.ForFunction(Environment.GetEnvironmentVariable),
    CancellationToken.None).ConfigureAwait(false);
