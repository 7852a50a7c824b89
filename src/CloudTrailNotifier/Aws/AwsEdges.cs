namespace CloudTrailNotifier.Aws;

/// <summary>Everything a call to AWS touches outside the program: the network, credentials, the clock and randomness.</summary>
/// <param name="Jitter">Returns a number in [0, 1) for retry backoff.</param>
internal sealed record AwsEdges(HttpClient Http, AwsCredentialsSource Credentials, TimeProvider Clock, Func<double> Jitter)
{
    public static AwsEdges FromProcess() => new(
        AwsHttp.Create(),
        AwsCredentialsSource.DefaultChain(),
        TimeProvider.System,
        Random.Shared.NextDouble);
}
