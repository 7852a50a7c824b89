using System.Diagnostics;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>
/// Runs the deployment tools installed on the machine (cfn-lint, python3) as child processes from the
/// repository root, with a deadline, and kills them if they overrun.
/// </summary>
internal static class ToolRunner
{
    public static async Task<ToolResult> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout)
    {
        // The SAM transform needs a region; bytecode caches would litter the checkout.
        var environment = new Dictionary<string, string>
        {
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["PYTHONDONTWRITEBYTECODE"] = "1",
            ["PYTHONIOENCODING"] = "utf-8",
        };
        var result = await ProcessRunner.RunAsync(FindTool(tool), arguments, environment, DeploymentPaths.RepositoryRoot, timeout);
        return new ToolResult(result.ExitCode, result.StandardOutput, result.StandardError);
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
