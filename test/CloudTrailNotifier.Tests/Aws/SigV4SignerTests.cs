using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using CloudTrailNotifier.Aws;

namespace CloudTrailNotifier.Tests.Aws;

/// <summary>The SigV4 edge signs the body, its content type and the time it is given, and carries a session token.</summary>
public sealed class SigV4SignerTests
{
    private const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";
    private static readonly DateTimeOffset SignedAt = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static async Task<HttpRequestMessage> Signed(string body, AWSCredentials credentials)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("https://sns.us-east-1.amazonaws.com/"));
        await SigV4Signer.SignAsync(request, Encoding.UTF8.GetBytes(body), ContentType, credentials, "us-east-1", "sns", SignedAt, CancellationToken.None);
        return request;
    }

    private static string Header(HttpRequestMessage request, string name) =>
        Assert.Single(request.Headers.GetValues(name));

    [Fact]
    public async Task The_signature_covers_the_given_time_scope_body_and_content_type()
    {
        const string Body = "Action=Publish&Message=hi";
        var request = await Signed(Body, new BasicAWSCredentials("AKIDEXAMPLE", "secret-example"));

        Assert.Equal("20240102T030405Z", Header(request, "X-Amz-Date"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body))), Header(request, "X-Amz-Content-SHA256"));
        var authorization = Header(request, "Authorization");
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/us-east-1/sns/aws4_request, SignedHeaders=", authorization, StringComparison.Ordinal);
        Assert.Contains("content-type", authorization, StringComparison.Ordinal);
        Assert.Contains("x-amz-date", authorization, StringComparison.Ordinal);
        Assert.Matches("Signature=[0-9a-f]{64}$", authorization);
        Assert.DoesNotContain("secret-example", authorization, StringComparison.Ordinal);
        Assert.False(request.Headers.Contains("X-Amz-Security-Token"));
    }

    [Fact]
    public async Task The_same_input_signs_the_same_and_another_body_signs_differently()
    {
        var credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret-example");

        var first = Header(await Signed("Action=Publish&Message=hi", credentials), "Authorization");
        var again = Header(await Signed("Action=Publish&Message=hi", credentials), "Authorization");
        var other = Header(await Signed("Action=Publish&Message=ho", credentials), "Authorization");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Session_credentials_send_their_token()
    {
        var request = await Signed("Action=Publish", new SessionAWSCredentials("ASIAEXAMPLE", "secret-example", "token-example"));

        Assert.Equal("token-example", Header(request, "X-Amz-Security-Token"));
        Assert.Contains("Credential=ASIAEXAMPLE/", Header(request, "Authorization"), StringComparison.Ordinal);
    }
}
