namespace CloudTrailNotifier.Aws;

/// <summary>Everything a call to AWS touches outside the program: the network, credentials, the clock and randomness.</summary>
/// <param name="Jitter">Returns a number in [0, 1) for retry backoff.</param>
internal sealed record AwsEdges(HttpClient Http, AwsCredentialsSource Credentials, TimeProvider Clock, Func<double> Jitter)
{
    /// <summary>The Lambda function's edges: credentials from the environment only (see <see cref="AwsCredentialsSource.FromEnvironment"/>).</summary>
    public static AwsEdges ForFunction(Func<string, string?> getVariable) => new(
        AwsHttp.Create(),
        AwsCredentialsSource.FromEnvironment(getVariable),
        TimeProvider.System,
        Random.Shared.NextDouble);

    /// <summary>The command line's edges: the full credential chain (profiles, SSO, assume-role, web identity).</summary>
    public static AwsEdges FromProcess() => new(
        AwsHttp.Create(),
        AwsCredentialsSource.DefaultChain(),
        TimeProvider.System,
        Random.Shared.NextDouble);
}
