using System.Diagnostics;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// The real Native AOT build: <c>dotnet publish src/CloudTrailNotifier -c Release -r linux-x64</c> into a
/// temporary folder (its own artifacts path too, so parallel runs never share an obj folder), deleted afterwards.
/// </summary>
public sealed class PublishedExecutable : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("ctn-aot-").FullName;

    public string ExecutablePath => Path.Combine(_root, "out", "CloudTrailNotifier");

    internal ProcessResult Publish { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet,
        [
            "publish", RepositoryFiles.Path("src", "CloudTrailNotifier"),
            "-c", "Release", "-r", "linux-x64",
            "--artifacts-path", Path.Combine(_root, "artifacts"),
            "-o", Path.Combine(_root, "out"),
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
        Publish = new ProcessResult(process.ExitCode, await stdout, await stderr, stopwatch.Elapsed);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
