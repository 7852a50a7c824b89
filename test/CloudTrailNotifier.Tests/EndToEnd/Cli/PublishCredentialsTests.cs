using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Cli;

/// <summary>
/// The publish command in a child process, so AWSSDK.Core's default credential chain reads a real
/// environment and real profile files (moto checks every signature).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class PublishCredentialsTests(MotoServer moto) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("ctn-home-").FullName;

    [Fact]
    public async Task Environment_credentials_come_before_the_default_profile()
    {
        var (topicArn, queueUrl) = await moto.CreateSubscribedTopicAsync("chain-env-first");
        WriteProfile("default", moto.AccessKeyId, "wrong-secret-in-profile");
        var variables = Base();
        variables["AWS_ACCESS_KEY_ID"] = moto.AccessKeyId;
        variables["AWS_SECRET_ACCESS_KEY"] = moto.SecretAccessKey;

        var result = await ProcessRunner.RunNotifierAsync(["publish", RepositoryFiles.SampleEventPath, "--topic-arn", topicArn], variables);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(result.StandardOutput.Trim(), Assert.Single(await moto.ReceiveAsync(queueUrl)).GetProperty("MessageId").GetString());
    }

    [Fact]
    public async Task A_named_profile_is_used_when_the_environment_has_no_keys()
    {
        var (topicArn, queueUrl) = await moto.CreateSubscribedTopicAsync("chain-profile");
        WriteProfile("moto", moto.AccessKeyId, moto.SecretAccessKey);
        var variables = Base();
        variables["AWS_PROFILE"] = "moto";

        var result = await ProcessRunner.RunNotifierAsync(["publish", RepositoryFiles.SampleEventPath, "--topic-arn", topicArn], variables);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(await moto.ReceiveAsync(queueUrl));
    }

    [Fact]
    public async Task Without_any_credentials_publish_prints_one_line_and_exits_1()
    {
        var topicArn = $"arn:aws:sns:{MotoServer.Region}:{MotoServer.AccountId}:chain-none";

        var result = await ProcessRunner.RunNotifierAsync(["publish", RepositoryFiles.SampleEventPath, "--topic-arn", topicArn], Base());

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardOutput);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: CredentialsUnavailable: ", line, StringComparison.Ordinal);
        Assert.Contains("AWS_ACCESS_KEY_ID", line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private Dictionary<string, string> Base() => new()
    {
        ["HOME"] = _home,
        ["AWS_ENDPOINT_URL_SNS"] = moto.Endpoint.ToString(),
    };

    private void WriteProfile(string name, string accessKey, string secretKey)
    {
        var aws = Directory.CreateDirectory(Path.Combine(_home, ".aws")).FullName;
        File.AppendAllText(Path.Combine(aws, "credentials"), $"[{name}]\naws_access_key_id = {accessKey}\naws_secret_access_key = {secretKey}\n");
    }
}
