using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Cli.S3;
using CloudTrailNotifier.LogFiles;
using CloudTrailNotifier.Settings;

namespace CloudTrailNotifier.Cli;

/// <summary>Picks the input an argument names: <c>s3://BUCKET/PREFIX</c>, a file, or <c>-</c> for standard input.</summary>
internal static class EventInputs
{
    /// <returns>The input, or null with the one-line <paramref name="error"/> when it cannot be used.</returns>
    /// <param name="aws">Created only when S3 is read, at the first request.</param>
    public static IEventInput? Open(string argument, TimeWindow window, CliEnvironment environment, Func<AwsEdges> aws, out string? error)
    {
        error = null;
        IEventInput input;
        if (S3Uri.Names(argument))
        {
            if (!S3Uri.TryParse(argument, out var uri, out error))
            {
                return null;
            }

            var settings = new NotifierSettings(environment.GetVariable).S3();
            if (!settings.IsValid)
            {
                error = settings.Error;
                return null;
            }

            var (endpoint, region) = settings.Value;
            input = new S3Input(uri!, window, environment, () =>
            {
                var edges = aws();
                return (S3LogStore.Create(uri!.Bucket, edges.Credentials, endpoint, region), edges.Clock);
            });
        }
        else
        {
            input = new InputFiles(argument, environment);
        }

        return window.IsBounded ? new WindowedInput(input, window, environment) : input;
    }
}
