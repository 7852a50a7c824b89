using Amazon;
using Amazon.S3;

namespace CloudTrailNotifier.Cli.S3;

/// <summary>The S3 client's configuration, built explicitly (no configuration read by reflection under Native AOT).</summary>
internal static class S3Clients
{
    /// <param name="endpoint">From <c>AWS_ENDPOINT_URL_S3</c> or <c>AWS_ENDPOINT_URL</c>: path-style addressing, as moto and other local S3s need.</param>
    public static AmazonS3Config Config(Uri? endpoint, string region)
    {
        var config = new AmazonS3Config
        {
            RegionEndpoint = RegionEndpoint.GetBySystemName(region),
            Timeout = TimeSpan.FromSeconds(60),
            MaxErrorRetry = 4,
        };

        if (endpoint is not null)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region;
            config.ForcePathStyle = true;
        }

        return config;
    }
}
