namespace CloudTrailNotifier.Aws;

/// <summary>
/// The one HTTP client of the process, for SNS and the other AWS calls. (The function's Runtime API calls go over
/// their own blocking loopback connection, Lambda/RuntimeApiConnection.)
/// </summary>
internal static class AwsHttp
{
    /// <summary>
    /// No client-wide timeout: every SNS attempt carries its own deadline instead.
    /// </summary>
    public static HttpClient Create() => new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        // A thawed Lambda environment may hold connections the other side closed long ago.
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
        MaxResponseContentBufferSize = 8 * 1024 * 1024,
    };
}
