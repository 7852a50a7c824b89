using System.CommandLine;
using CloudTrailNotifier.Aws;

namespace CloudTrailNotifier.Cli;

/// <summary>The command-line tool: parses arguments and runs one command.</summary>
internal static class CliApp
{
    /// <param name="aws">The AWS edges for <c>publish</c> and <c>redrive</c>; null creates the process's own when first needed.</param>
    public static int Run(string[] args, CliEnvironment environment, AwsEdges? aws = null)
    {
        var root = new RootCommand("CloudTrailNotifier: readable notifications for CloudTrail events.")
        {
            RenderCommand.Create(environment),
            PublishCommand.Create(environment, () => aws ?? AwsEdges.FromProcess()),
            RedriveCommand.Create(environment, () => aws ?? AwsEdges.FromProcess()),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line, not a page of usage: scripts read standard error.
            environment.WriteError($"{parse.Errors[0].Message} (see --help)");
            return ExitCodes.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = environment.StandardOutput,
                Error = environment.StandardError,
            });
        }
        finally
        {
            environment.StandardOutput.Flush();
        }
    }
}
