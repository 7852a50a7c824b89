using System.Diagnostics;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using CloudTrailNotifier.Aws.Credentials;

namespace CloudTrailNotifier.Tests.Aws;

/// <summary>The chain's own decisions and the sentences it fails with (profiles in a temporary credentials file).</summary>
public sealed class CredentialChainTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ctn-chain-").FullName;
    private readonly Dictionary<string, string> _variables = [];

    private string CredentialsFile => Path.Combine(_folder, "credentials");

    [Fact]
    public async Task A_credential_process_that_fails_is_one_sentence_with_its_exit_status_and_first_error_line()
    {
        Profile("broken", "credential_process = sh -c 'echo \"token expired\" >&2; echo second line >&2; exit 3'");

        var error = await FailAsync("broken");

        Assert.Equal("the credential_process of profile 'broken' (sh) failed with exit status 3: token expired", error.Message);
    }

    [Fact]
    public async Task A_credential_process_that_prints_garbage_is_named_without_quoting_the_output()
    {
        Profile("garbage", "credential_process = echo not-json-secret-ish");

        var error = await FailAsync("garbage");

        Assert.Equal(
            "the credential_process of profile 'garbage' (echo) succeeded, but it printed something that is not JSON (expected {\"Version\": 1, \"AccessKeyId\": ...})",
            error.Message);
        Assert.DoesNotContain("secret-ish", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_process_without_version_1_is_refused()
    {
        Profile("v2", """credential_process = echo '{"Version":2,"AccessKeyId":"A","SecretAccessKey":"S"}'""");

        var error = await FailAsync("v2");

        Assert.EndsWith("succeeded, but its output has no \"Version\": 1, the only version there is", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_process_that_hangs_is_stopped_at_the_time_limit()
    {
        var marker = Path.Combine(_folder, "still-running");
        Profile("slow", $"credential_process = sh -c 'sleep 30; touch {marker}'");
        var stopwatch = Stopwatch.StartNew();

        var error = await FailAsync("slow", TimeSpan.FromSeconds(1));

        Assert.Equal("the credential_process of profile 'slow' (sh) gave no answer within 1 s and was stopped", error.Message);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task A_credential_process_that_answers_gives_its_keys()
    {
        Profile("good", """credential_process = echo '{"Version":1,"AccessKeyId":"AKIDPROCESS","SecretAccessKey":"s3cret","SessionToken":"tok","Expiration":"2999-01-01T00:00:00Z"}'""");
        _variables["AWS_PROFILE"] = "good";

        var credentials = await Chain().Resolve().GetCredentialsAsync();

        Assert.Equal(("AKIDPROCESS", "s3cret", "tok"), (credentials.AccessKey, credentials.SecretKey, credentials.Token));
    }

    [Fact]
    public void A_profile_named_by_AWS_PROFILE_that_does_not_exist_is_named()
    {
        _variables["AWS_PROFILE"] = "nope";

        var error = Assert.Throws<CredentialsProblem>(() => Chain().Resolve());

        Assert.Equal("AWS_PROFILE names profile 'nope', which is in neither ~/.aws/config nor ~/.aws/credentials", error.Message);
    }

    [Fact]
    public void Source_profiles_in_a_loop_are_named()
    {
        Profile("a", "role_arn = arn:aws:iam::123456789012:role/a\nsource_profile = b");
        Profile("b", "role_arn = arn:aws:iam::123456789012:role/b\nsource_profile = a");
        _variables["AWS_PROFILE"] = "a";

        var error = Assert.Throws<CredentialsProblem>(() => Chain().Resolve());

        Assert.Equal("profiles a -> b -> a name each other as source_profile in a loop", error.Message);
    }

    [Fact]
    public void A_missing_source_profile_is_named()
    {
        Profile("role", "role_arn = arn:aws:iam::123456789012:role/r\nsource_profile = ghost");
        _variables["AWS_PROFILE"] = "role";

        var error = Assert.Throws<CredentialsProblem>(() => Chain().Resolve());

        Assert.Equal("profile 'role' has source_profile 'ghost', which does not exist", error.Message);
    }

    [Fact]
    public void An_assume_role_profile_with_mfa_is_refused_because_no_one_can_type_the_code()
    {
        Profile("keys", "aws_access_key_id = AKID\naws_secret_access_key = secret");
        Profile("mfa", "role_arn = arn:aws:iam::123456789012:role/r\nsource_profile = keys\nmfa_serial = arn:aws:iam::123456789012:mfa/me");
        _variables["AWS_PROFILE"] = "mfa";

        var error = Assert.Throws<CredentialsProblem>(() => Chain().Resolve());

        Assert.StartsWith("profile 'mfa' needs an MFA code (mfa_serial), which this tool cannot ask for", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_keys_come_first_and_go_to_the_SDK()
    {
        Profile("default", "credential_process = false");
        _variables["AWS_ACCESS_KEY_ID"] = "AKIDENV";
        _variables["AWS_SECRET_ACCESS_KEY"] = "secret";
        var sdk = new BasicAWSCredentials("AKIDENV", "secret");

        var resolved = Chain(sdk: sdk).Resolve();

        Assert.Equal("the environment (AWS_ACCESS_KEY_ID)", resolved.Source);
        Assert.Equal("AKIDENV", resolved.GetCredentials().AccessKey);
    }

    [Fact]
    public void An_AWS_error_from_the_SDK_provider_becomes_one_sentence_naming_the_source()
    {
        _variables["AWS_WEB_IDENTITY_TOKEN_FILE"] = "/token";
        _variables["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/ci";
        var refusing = new Refusing(new AmazonServiceException("Not authorized to perform sts:AssumeRoleWithWebIdentity\nmore") { ErrorCode = "AccessDenied" });

        var error = Assert.Throws<CredentialsProblem>(() => Chain(sdk: refusing).Resolve().GetCredentials());

        Assert.Equal(
            "web identity (AWS_WEB_IDENTITY_TOKEN_FILE for role arn:aws:iam::123456789012:role/ci): AWS refused to issue credentials: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity",
            error.Message);
    }

    [Fact]
    public void A_network_failure_inside_the_SDK_provider_is_named_without_the_SDK_wrapper()
    {
        Profile("default", "aws_access_key_id = AKID\naws_secret_access_key = secret");
        _variables["AWS_WEB_IDENTITY_TOKEN_FILE"] = "/token";
        _variables["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/ci";
        var unreachable = new Refusing(new AmazonClientException(
            "Error calling AssumeRole for role arn:aws:iam::123456789012:role/ci", new HttpRequestException("Connection refused (127.0.0.1:9)")));

        var error = Assert.Throws<CredentialsProblem>(() => Chain(sdk: unreachable).Resolve().GetCredentials());

        Assert.Equal(
            "web identity (AWS_WEB_IDENTITY_TOKEN_FILE for role arn:aws:iam::123456789012:role/ci): AWS could not be reached for credentials: Connection refused (127.0.0.1:9)",
            error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<CredentialsProblem> FailAsync(string profile, TimeSpan? timeout = null)
    {
        _variables["AWS_PROFILE"] = profile;
        var credentials = Chain(timeout: timeout).Resolve();
        return await Assert.ThrowsAsync<CredentialsProblem>(credentials.GetCredentialsAsync);
    }

    private void Profile(string name, string body) => File.AppendAllText(CredentialsFile, $"[{name}]\n{body}\n");

    private CredentialChain Chain(AWSCredentials? sdk = null, TimeSpan? timeout = null) => new(
        name => _variables.TryGetValue(name, out var value) ? value : null,
        new SharedCredentialsFile(CredentialsFile),
        () => sdk ?? throw new AmazonClientException("the SDK chain was not expected here"),
        TimeProvider.System,
        timeout ?? TimeSpan.FromSeconds(20));

    private sealed class Refusing(Exception error) : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => throw error;
    }
}
