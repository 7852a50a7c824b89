using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Cli;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Cli;

/// <summary><c>publish</c> against a scripted SNS: standard error never carries signed material, a 2xx is never sent twice.</summary>
public sealed class PublishSafetyTests : IDisposable
{
    private readonly HttpClient _http = AwsHttp.Create();

    [Fact]
    public async Task An_error_echoing_the_signed_request_prints_one_line_without_the_token()
    {
        await using var sns = new FakeSns(EchoingSns.SignatureDoesNotMatch);

        var (exit, stdout, stderr) = Run(sns, EchoingSns.Credentials);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: SignatureDoesNotMatch: The request signature we calculated does not match", line, StringComparison.Ordinal);
        Assert.All(EchoingSns.Forbidden, fragment => Assert.DoesNotContain(fragment, stderr, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_2xx_with_a_cut_body_prints_a_dash_and_a_warning_and_is_sent_once()
    {
        await using var sns = new FakeSns(FakeSns.CutPublished("unread", 25), FakeSns.Published("second-copy"));

        var (exit, stdout, stderr) = Run(sns, AwsCredentialsSource.Fixed("AKIDTEST", "test-secret"));

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("-\n", stdout);
        Assert.StartsWith("warning: event 1: published, SNS answered HTTP 200 but its answer was cut off; MessageId unknown", stderr, StringComparison.Ordinal);
        Assert.Single(sns.Requests);
    }

    public void Dispose() => _http.Dispose();

    private (int Exit, string Stdout, string Stderr) Run(FakeSns sns, AwsCredentialsSource credentials)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var variables = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_SNS"] = sns.Endpoint.ToString() };
        var environment = new CliEnvironment(new MemoryStream(), stdout, stderr, name => variables.GetValueOrDefault(name));
        var exit = CliApp.Run(["publish", RepositoryFiles.SampleEventPath, "--topic-arn", "arn:aws:sns:us-east-1:123456789012:t"],
            environment, new AwsEdges(_http, credentials, TimeProvider.System, () => 0));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
