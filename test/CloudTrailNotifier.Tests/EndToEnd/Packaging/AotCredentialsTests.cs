using System.IO.Compression;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Packaging;

/// <summary>
/// The Native AOT executable with web identity, assume-role and SSO credentials. Under AOT the SDK cannot load
/// the STS and SSO clients by reflection, so these pass only because Program.cs registers them; and the package
/// with those clients still fits the 6 MB zip budget.
/// </summary>
[Collection(AotCollection.Name)]
public sealed class AotCredentialsTests(PublishedExecutable published, MotoServer moto) : IAsyncDisposable
{
    /// <summary>The zipped deployment package may hold at most this much (issue 9).</summary>
    private const long ZipBudgetBytes = 6_000_000;

    private readonly string _home = Directory.CreateTempSubdirectory("ctn-aot-home-").FullName;

    [Fact]
    public async Task Web_identity_publishes()
    {
        await using var scenarios = new CredentialScenarios(moto, _home);
        await AssertPublishesAsync("aot-web-identity", await scenarios.WebIdentityAsync("aot-web-identity"));
        Assert.StartsWith("AssumeRoleWithWebIdentity ", Assert.Single(scenarios.StsRequests), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assume_role_profile_publishes()
    {
        await using var scenarios = new CredentialScenarios(moto, _home);
        await AssertPublishesAsync("aot-assume-role", await scenarios.AssumeRoleProfileAsync("aot-assume-role"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_SSO_profile_with_a_cached_token_publishes(bool legacy)
    {
        await using var scenarios = new CredentialScenarios(moto, _home);
        var name = legacy ? "aot-sso-legacy" : "aot-sso-session";
        await AssertPublishesAsync(name, await scenarios.SsoProfileAsync(name, legacy));
        Assert.Single(scenarios.SsoRequests);
    }

    [Fact]
    public async Task A_credential_process_that_hangs_is_stopped_with_one_line()
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());
        Directory.CreateDirectory(Path.Combine(_home, ".aws"));
        File.WriteAllText(Path.Combine(_home, ".aws", "config"), "[profile slow]\ncredential_process = sleep 300\n");
        File.WriteAllText(Path.Combine(_home, ".aws", "credentials"), string.Empty);

        var result = await ProcessRunner.RunAsync(published.ExecutablePath,
            ["publish", RepositoryFiles.SampleEventPath, "--topic-arn", $"arn:aws:sns:{MotoServer.Region}:{MotoServer.AccountId}:any"],
            new Dictionary<string, string> { ["HOME"] = _home, ["AWS_PROFILE"] = "slow", ["AWS_ENDPOINT_URL_SNS"] = moto.Endpoint.ToString() },
            timeout: TimeSpan.FromSeconds(90));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "error: CredentialsUnavailable: AWS credentials could not be obtained: the credential_process of profile 'slow' (sleep) gave no answer within 30 s and was stopped",
            Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void The_zipped_package_stays_within_6_MB()
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());
        var zip = Path.Combine(_home, "function.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(published.BootstrapPath, "bootstrap", CompressionLevel.SmallestSize);
        }

        var size = new FileInfo(zip).Length;
        Assert.True(size <= ZipBudgetBytes, $"the zipped bootstrap is {size:N0} bytes, over the {ZipBudgetBytes:N0} budget");
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_home, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task AssertPublishesAsync(string topic, Dictionary<string, string> variables)
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());
        var (topicArn, queueUrl) = await moto.CreateSubscribedTopicAsync(topic);

        var result = await ProcessRunner.RunAsync(published.ExecutablePath, ["publish", RepositoryFiles.SampleEventPath, "--topic-arn", topicArn], variables);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(result.StandardOutput.Trim(), Assert.Single(await moto.ReceiveAsync(queueUrl)).GetProperty("MessageId").GetString());
    }
}
