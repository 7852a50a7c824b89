using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Cli;

/// <summary>
/// publish with the credentials people use in CI and at a desk, in a child process against a signature-checking
/// moto: web identity, an assume-role profile and SSO profiles. The JIT build could load the STS and SSO clients
/// by reflection; <c>Packaging.AotCredentialsTests</c> runs the same scenarios on the Native AOT executable,
/// where only the registration in Program.cs makes them work.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class PublishRoleCredentialsTests(MotoServer moto) : IAsyncDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("ctn-home-").FullName;

    [Fact]
    public async Task Web_identity_from_the_environment_publishes()
    {
        await using var scenarios = new CredentialScenarios(moto, _home);
        await AssertPublishesAsync("jit-web-identity", await scenarios.WebIdentityAsync("jit-web-identity"));

        Assert.Equal(
            $"AssumeRoleWithWebIdentity arn:aws:iam::{MotoServer.AccountId}:role/jit-web-identity ci-run {CredentialScenarios.WebIdentityToken} signed=False",
            Assert.Single(scenarios.StsRequests));
    }

    [Fact]
    public async Task An_assume_role_profile_publishes_with_its_source_profiles_keys()
    {
        await using var scenarios = new CredentialScenarios(moto, _home);
        await AssertPublishesAsync("jit-assume-role", await scenarios.AssumeRoleProfileAsync("jit-assume-role"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_SSO_profile_with_a_cached_token_publishes(bool legacy)
    {
        await using var scenarios = new CredentialScenarios(moto, _home);
        var name = legacy ? "jit-sso-legacy" : "jit-sso-session";
        await AssertPublishesAsync(name, await scenarios.SsoProfileAsync(name, legacy));

        var request = Assert.Single(scenarios.SsoRequests);
        Assert.Equal($"GET /federation/credentials?account_id={MotoServer.AccountId}&role_name={name} cached-sso-access-token", request);
    }

    [Fact]
    public async Task A_refused_assume_role_is_one_line()
    {
        await using var scenarios = new CredentialScenarios(moto, _home);
        var variables = await scenarios.AssumeRoleProfileAsync("jit-refused");
        File.WriteAllText(Path.Combine(_home, ".aws", "config"),
            $"[profile deploy]\nrole_arn = arn:aws:iam::{MotoServer.AccountId}:role/jit-refused\nsource_profile = base\n");
        File.WriteAllText(Path.Combine(_home, ".aws", "credentials"), $"[base]\naws_access_key_id = {moto.AccessKeyId}\naws_secret_access_key = wrong\n");

        var result = await ProcessRunner.RunNotifierAsync(
            ["publish", RepositoryFiles.SampleEventPath, "--topic-arn", $"arn:aws:sns:{MotoServer.Region}:{MotoServer.AccountId}:any"], variables);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith(
            $"error: CredentialsUnavailable: AWS credentials could not be obtained: profile 'deploy' could not assume role arn:aws:iam::{MotoServer.AccountId}:role/jit-refused: STS answered ",
            line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_process_that_fails_is_one_line_not_a_stack_trace()
    {
        Directory.CreateDirectory(Path.Combine(_home, ".aws"));
        File.WriteAllText(Path.Combine(_home, ".aws", "config"), "[default]\ncredential_process = sh -c 'echo \"SSO session expired\" >&2; exit 255'\n");

        var result = await ProcessRunner.RunNotifierAsync(
            ["publish", RepositoryFiles.SampleEventPath, "--topic-arn", $"arn:aws:sns:{MotoServer.Region}:{MotoServer.AccountId}:any"],
            new Dictionary<string, string> { ["HOME"] = _home, ["AWS_ENDPOINT_URL_SNS"] = moto.Endpoint.ToString() });

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "error: CredentialsUnavailable: AWS credentials could not be obtained: the credential_process of profile 'default' (sh) failed with exit status 255: SSO session expired",
            Assert.Single(result.ErrorLines));
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_home, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task AssertPublishesAsync(string topic, Dictionary<string, string> variables)
    {
        var (topicArn, queueUrl) = await moto.CreateSubscribedTopicAsync(topic);

        var result = await ProcessRunner.RunNotifierAsync(["publish", RepositoryFiles.SampleEventPath, "--topic-arn", topicArn], variables);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(result.StandardOutput.Trim(), Assert.Single(await moto.ReceiveAsync(queueUrl)).GetProperty("MessageId").GetString());
    }
}
