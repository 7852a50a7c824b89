using CloudTrailNotifier.Describing.UserAgents;

namespace CloudTrailNotifier.Tests.Describing.UserAgents;

/// <summary>
/// User agents of AWS services that name themselves, AI coding agents, GitHub Actions, boto2 and Bun, in the
/// shapes they take in CloudTrail, and look-alikes that must not be taken for them.
/// </summary>
public sealed class UserAgentRecognitionTests
{
    [Theory]
    [InlineData("AWSConfig", "AWS Config")]
    [InlineData("SecurityHub", "AWS Security Hub")]
    [InlineData("[AWSCloudTrail, aws-internal/3 aws-sdk-java/1.11.1030 Linux/5.4.116-64.217.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.302-b08 java/1.8.0_302]", "AWS CloudTrail")]
    [InlineData("[AWSConfig, aws-internal/3 aws-sdk-java/1.12.124]", "AWS Config")]
    [InlineData("guardduty", "Amazon GuardDuty")]
    [InlineData("cloudtrail.amazonaws.com", "cloudtrail.amazonaws.com")]
    [InlineData("config.amazonaws.com", "config.amazonaws.com")]
    [InlineData("securityhub.amazonaws.com", "securityhub.amazonaws.com")]
    public void AWS_services_that_name_themselves_are_AWS_services(string userAgent, string name)
    {
        Assert.Equal(new ClientDescription(ClientKind.AwsService, name, null, null), UserAgentClassifier.Classify(userAgent));
    }

    [Theory]
    [InlineData("AWSConfigurator/1.0")]
    [InlineData("MySecurityHub")]
    [InlineData("[AWSCloudTrailer, aws-sdk-java/1.11.1030]")]
    [InlineData("cloudtrail")]
    public void Names_that_only_resemble_an_AWS_service_are_not_one(string userAgent)
    {
        Assert.NotEqual(ClientKind.AwsService, UserAgentClassifier.Classify(userAgent).Kind);
    }

    [Theory]
    [InlineData(
        "aws-cli/2.27.0 md/awscrt#0.25.4 ua/2.1 os/macos#24.5.0 md/arch#arm64 lang/python#3.13.3 md/pyimpl#CPython exec-env/AmazonQ-For-CLI-Version-1.12.0 cfg/retry-mode#standard md/installer#exe md/prompt#off md/command#s3.ls",
        "Amazon Q Developer CLI", "1.12.0", "AWS CLI 2.27.0, aws s3 ls, macOS")]
    [InlineData(
        "aws-cli/1.45.11 Python/3.11.7 Linux/6.1.72 exec-env/AmazonQ-For-CLI Version/1.10.0 botocore/1.43.11",
        "Amazon Q Developer CLI", "1.10.0", "AWS CLI 1.45.11, Linux")]
    [InlineData(
        "aws-sdk-rust/1.3.9 ua/2.1 api/ssooidc/1.88.0 os/windows lang/rust/1.87.0 m/E app/AmazonQ-For-CLI",
        "Amazon Q Developer CLI", null, "AWS SDK for Rust 1.3.9, Windows")]
    [InlineData("claude-cli/2.1.126 (external, cli)", "Claude Code", "2.1.126", null)]
    [InlineData("claude-code/2.1.126", "Claude Code", "2.1.126", null)]
    [InlineData("GitHubCopilotChat/0.26.7", "GitHub Copilot", "0.26.7", null)]
    public void AI_coding_agents_are_named_with_what_they_drove(string userAgent, string name, string? version, string? detail)
    {
        Assert.Equal(new ClientDescription(ClientKind.AiAgent, name, version, detail), UserAgentClassifier.Classify(userAgent));
    }

    [Fact]
    public void An_editor_that_embeds_a_browser_is_the_agent_not_the_console()
    {
        var client = UserAgentClassifier.Classify(
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Cursor/0.45.14 Chrome/128.0.6613.186 Electron/32.2.6 Safari/537.36");

        Assert.Equal((ClientKind.AiAgent, "Cursor", "0.45.14"), (client.Kind, client.Name, client.Version));
    }

    [Theory]
    [InlineData("aws-cli/2.27.0 Python/3.13.3 Darwin/24.5.0 exec-env/CloudShell", "AwsCli")]
    [InlineData("aws-cli/2.27.0 Python/3.13.3 app/MyDeployScript", "AwsCli")]
    [InlineData("claude-clinic/1.0", "Unknown")]
    [InlineData("cursor-tool/1.0", "Unknown")]
    [InlineData("Version/1.12.0", "Unknown")]
    [InlineData("Boto3/1.34.0 Python/3.11.6 Linux/6.5 Botocore/1.34.0", "AwsSdk")]
    public void Look_alikes_of_agents_are_not_agents(string userAgent, string kind)
    {
        Assert.Equal(kind, UserAgentClassifier.Classify(userAgent).Kind.ToString());
    }

    [Theory]
    [InlineData("aws-sdk-js/3.758.0 ua/2.1 os/linux#6.8.0 lang/js md/nodejs#20.18.1 api/sts#3.758.0 m/E,e configure-aws-credentials-for-github-actions")]
    [InlineData("aws-sdk-nodejs/2.1692.0 linux/v20.18.1 configure-aws-credentials-for-github-actions promise")]
    public void The_GitHub_Actions_credentials_action_is_GitHub_Actions(string userAgent)
    {
        var client = UserAgentClassifier.Classify(userAgent);

        Assert.Equal((ClientKind.OtherTool, "GitHub Actions"), (client.Kind, client.Name));
    }

    [Fact]
    public void Boto_2_is_its_own_SDK()
    {
        Assert.Equal(
            new ClientDescription(ClientKind.AwsSdk, "Boto 2 (Python)", "2.49.0", "Python 2.7.18, Linux"),
            UserAgentClassifier.Classify("Boto/2.49.0 Python/2.7.18 Linux/5.4.0-1045-aws"));
    }

    [Fact]
    public void The_JavaScript_SDK_on_Bun_names_Bun_as_its_runtime()
    {
        Assert.Equal(
            new ClientDescription(ClientKind.AwsSdk, "AWS SDK for JavaScript", "3.821.0", "Bun 1.2.15, Linux"),
            UserAgentClassifier.Classify("aws-sdk-js/3.821.0 ua/2.1 os/linux#6.8.0 lang/js md/bun#1.2.15 api/s3#3.821.0 m/E"));
    }

    [Fact]
    public void Buns_own_S3_client_is_Bun()
    {
        Assert.Equal(new ClientDescription(ClientKind.OtherTool, "Bun", "1.2.15", null), UserAgentClassifier.Classify("Bun/1.2.15"));
    }
}
