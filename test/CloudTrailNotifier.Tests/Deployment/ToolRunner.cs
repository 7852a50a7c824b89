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

    /// <summary>
    /// The first copy of the tool, on PATH or in the pyenv shims directory where this machine installs them,
    /// that can do the job: a python3 without samtranslator and moto (such as the system one) is passed over.
    /// </summary>
    private static string FindTool(string tool)
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? "/root";
        var pyenvRoot = Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(home, ".pyenv");
        string[] probe = tool == "python3" ? ["-c", "import samtranslator, moto"] : ["--version"];
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(pyenvRoot, "shims"))
            .Select(directory => Path.Combine(directory, tool))
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal);
        return candidates.FirstOrDefault(candidate => Works(candidate, probe))
            ?? throw new FileNotFoundException(
                $"no working {tool} on PATH nor in {pyenvRoot}/shims (python3 needs the samtranslator and moto packages)");
    }

    private static bool Works(string executable, string[] probe)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in probe)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo);
        if (process is null)
        {
            return false;
        }

        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            return false;
        }

        return process.ExitCode == 0;
    }
}
