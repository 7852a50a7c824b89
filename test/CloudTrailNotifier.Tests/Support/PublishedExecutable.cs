using System.Diagnostics;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// The real Native AOT builds, as they ship: <c>dotnet publish src/CloudTrailNotifier.Function -c Release -r linux-x64</c>
/// (the Lambda <c>bootstrap</c>) and the same for <c>src/CloudTrailNotifier.Cli</c> (<c>ctn</c>), into a temporary folder
/// (its own artifacts path too, so parallel runs never share an obj folder), deleted afterwards.
/// </summary>
public sealed class PublishedExecutable : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("ctn-aot-").FullName;

    /// <summary>The command-line tool.</summary>
    public string ExecutablePath => Path.Combine(_root, "cli", "ctn");

    /// <summary>The Lambda function's executable, as the deployment package holds it.</summary>
    public string BootstrapPath => Path.Combine(_root, "function", "bootstrap");

    /// <summary>Both publishes: exit code 0 only when both succeeded; the output of both.</summary>
    internal ProcessResult Publish { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var function = await PublishAsync("CloudTrailNotifier.Function", "function");
        var cli = function.ExitCode == 0 ? await PublishAsync("CloudTrailNotifier.Cli", "cli") : function;
        Publish = ReferenceEquals(cli, function)
            ? function
            : new ProcessResult(cli.ExitCode, function.StandardOutput + cli.StandardOutput, function.StandardError + cli.StandardError, stopwatch.Elapsed);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<ProcessResult> PublishAsync(string project, string output)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet,
        [
            "publish", RepositoryFiles.Path("src", project),
            "-c", "Release", "-r", "linux-x64",
            "--artifacts-path", Path.Combine(_root, "artifacts"),
            "-o", Path.Combine(_root, output),
            "--disable-build-servers", "-nodeReuse:false",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryFiles.Root,
        };

        // `dotnet test` points these at its own MSBuild; a nested build must find its own.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessResult(process.ExitCode, await stdout, await stderr, stopwatch.Elapsed);
    }
}
