using System.Diagnostics;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>Runs a program to completion with a clean AWS environment and captures what it printed.</summary>
internal static class ProcessRunner
{
    /// <summary>AWS settings a developer's shell may carry; children start without them unless a test sets them.</summary>
    private static readonly string[] InheritedAwsVariables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_SNS", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_SQS", "AWS_LAMBDA_RUNTIME_API", "TOPIC_ARN", "DRY_RUN",
    ];

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string? workingDirectory = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var name in InheritedAwsVariables)
        {
            start.Environment.Remove(name);
        }

        // Never wait for the EC2 instance metadata service on a developer machine.
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in time");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr, stopwatch.Elapsed);
    }

    /// <summary>Runs the command-line tool under test (the framework-dependent build of ctn next to the tests).</summary>
    public static Task<ProcessResult> RunNotifierAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
        => RunBuiltAsync("ctn.dll", arguments, environment);

    /// <summary>Runs the Lambda function's executable under test (the framework-dependent build of bootstrap).</summary>
    public static Task<ProcessResult> RunFunctionAsync(IReadOnlyDictionary<string, string> environment)
        => RunBuiltAsync("bootstrap.dll", [], environment);

    private static Task<ProcessResult> RunBuiltAsync(string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return RunAsync(dotnet, [Path.Combine(AppContext.BaseDirectory, assembly), .. arguments], environment);
    }
}

internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public IReadOnlyList<string> OutputLines => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> ErrorLines => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
