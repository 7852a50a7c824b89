using System.Text;
using CloudTrailNotifier.Cli;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>Runs the command-line tool in memory, with its own standard streams and environment.</summary>
internal static class CliRunner
{
    public static CliResult Run(params string[] args) => Run(args, stdin: [], environment: null);

    public static CliResult Run(string[] args, byte[] stdin, IReadOnlyDictionary<string, string>? environment)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var cli = new CliEnvironment(
            new MemoryStream(stdin),
            stdout,
            stderr,
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null);
        var exitCode = CliApp.Run(args, cli);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static CliResult RunWithInput(string input, params string[] args) =>
        Run(args, Encoding.UTF8.GetBytes(input), environment: null);
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);
