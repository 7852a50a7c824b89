using Amazon.Runtime;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Aws.Credentials;

namespace CloudTrailNotifier.Tests.Aws;

/// <summary>The function's credentials: the execution role's keys from the environment, nothing else.</summary>
public sealed class EnvironmentCredentialsTests
{
    [Fact]
    public void Keys_and_session_token_become_session_credentials()
    {
        var source = AwsCredentialsSource.FromEnvironment(Variables(("AWS_ACCESS_KEY_ID", "ASIAFUNCTION"), ("AWS_SECRET_ACCESS_KEY", "function-secret"),
            ("AWS_SESSION_TOKEN", "function-token")));

        var credentials = source.Get().GetCredentials();

        Assert.Equal("ASIAFUNCTION", credentials.AccessKey);
        Assert.Equal("function-secret", credentials.SecretKey);
        Assert.Equal("function-token", credentials.Token);
    }

    [Fact]
    public void Keys_without_a_token_are_used_as_they_are()
    {
        var source = AwsCredentialsSource.FromEnvironment(Variables(("AWS_ACCESS_KEY_ID", "AKIAFUNCTION"), ("AWS_SECRET_ACCESS_KEY", "function-secret")));

        var credentials = source.Get().GetCredentials();

        Assert.Equal("AKIAFUNCTION", credentials.AccessKey);
        Assert.True(string.IsNullOrEmpty(credentials.Token));
    }

    [Theory]
    [InlineData(null, "function-secret")]
    [InlineData("AKIAFUNCTION", null)]
    [InlineData(" ", "function-secret")]
    public void Missing_keys_are_one_sentence_that_names_the_variables(string? accessKey, string? secretKey)
    {
        var source = AwsCredentialsSource.FromEnvironment(Variables(("AWS_ACCESS_KEY_ID", accessKey), ("AWS_SECRET_ACCESS_KEY", secretKey)));

        var problem = Assert.Throws<CredentialsProblem>(source.Get);

        Assert.Equal("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set (Lambda sets them from the function's execution role)", problem.Message);
        Assert.DoesNotContain("function-secret", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_read_until_credentials_are_needed()
    {
        var reads = 0;
        var source = AwsCredentialsSource.FromEnvironment(name =>
        {
            reads++;
            return name == "AWS_SESSION_TOKEN" ? null : "value";
        });

        Assert.Equal(0, reads);
        Assert.IsType<BasicAWSCredentials>(source.Get());
        Assert.Equal(3, reads);
    }

    private static Func<string, string?> Variables(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
