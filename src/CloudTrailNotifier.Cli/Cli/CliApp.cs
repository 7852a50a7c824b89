using System.CommandLine;
using CloudTrailNotifier.Aws;

namespace CloudTrailNotifier.Cli;

/// <summary>The command-line tool: parses arguments and runs one command.</summary>
internal static class CliApp
{
    /// <param name="aws">The AWS edges for <c>publish</c>, <c>redrive</c> and S3 input; null creates the process's own when first needed.</param>
    public static int Run(string[] args, CliEnvironment environment, AwsEdges? aws = null)
    {
        // One set of edges per run, made at first use: reading S3 and publishing share the credentials.
        var edges = new Lazy<AwsEdges>(() => aws ?? AwsEdges.FromProcess());
        var root = new RootCommand("CloudTrailNotifier: readable notifications for CloudTrail events.")
        {
            RenderCommand.Create(environment, () => edges.Value),
            PublishCommand.Create(environment, () => edges.Value),
            RedriveCommand.Create(environment, () => edges.Value),
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
