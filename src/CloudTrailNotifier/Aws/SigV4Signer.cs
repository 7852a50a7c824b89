using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace CloudTrailNotifier.Aws;

/// <summary>
/// Signs an outgoing request with AWS Signature Version 4 through AWSSDK.Core's standalone signer.
/// The only place this program touches SigV4: moving to a service client later replaces this file.
/// </summary>
internal static class SigV4Signer
{
    /// <summary>
    /// Adds Authorization, X-Amz-Date, X-Amz-Content-SHA256 (and X-Amz-Security-Token) to
    /// <paramref name="request"/>. The body and its Content-Type are signed, so they must be sent exactly as given.
    /// </summary>
    /// <exception cref="AmazonClientException">The credentials could not be obtained or refreshed.</exception>
    public static async Task SignAsync(
        HttpRequestMessage request,
        byte[] body,
        string contentType,
        AWSCredentials credentials,
        string signingRegion,
        string signingService,
        DateTimeOffset signedAt,
        CancellationToken cancellationToken)
    {
        var signingRequest = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request)),
            Content = body,
        };
        signingRequest.Headers["Content-Type"] = contentType;

        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(signingRegion),
            Service = signingService,
            SignPayload = true,
            SignedAt = signedAt.UtcDateTime,
        };

        var result = await AWSSigV4Signer.SignAsync(signingRequest, parameters, cancellationToken).ConfigureAwait(false);
        foreach (var header in result.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }
}
