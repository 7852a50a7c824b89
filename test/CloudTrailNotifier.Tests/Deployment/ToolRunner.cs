using System.Diagnostics;

namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>
/// Runs the deployment tools installed on the machine (cfn-lint, python3) as child processes from the
/// repository root, with a deadline, and kills them if they overrun.
/// </summary>
internal static class ToolRunner
{
    public static async Task<ToolResult> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(FindTool(tool))
        {
            WorkingDirectory = DeploymentPaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The SAM transform needs a region; bytecode caches would litter the checkout.
        startInfo.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        startInfo.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        startInfo.Environment["PYTHONIOENCODING"] = "utf-8";

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"could not start {tool}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', startInfo.ArgumentList)} ran longer than {timeout}");
        }

        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The tool on PATH, or in the pyenv shims directory where this machine installs them.</summary>
    private static string FindTool(string tool)
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? "/root";
        var pyenvRoot = Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(home, ".pyenv");
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(pyenvRoot, "shims"));
        return directories.Select(directory => Path.Combine(directory, tool)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{tool} is not on PATH nor in {pyenvRoot}/shims");
    }
}
