using System.Text.Json;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.UserAgents;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing;

/// <summary>
/// The rule for the console signal: console session credentials, the console's own user agents, the sign-in
/// service, or a browser whose call AWS proxied. The Client line says "AWS Management Console" exactly then.
/// </summary>
public sealed class ConsoleSignalTests
{
    private const string Chrome = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private static EventFacts Facts(string userAgent, string sourceIp, bool consoleCredentials = false, string source = "ec2.amazonaws.com", string type = "AwsApiCall")
    {
        var console = consoleCredentials ? ""","sessionCredentialFromConsole":"true" """ : string.Empty;
        var bytes = TestEvents.Envelope($$"""{"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::111111111111:user/alice","accountId":"111111111111","accessKeyId":"ASIAEXAMPLE","userName":"alice"},"eventTime":"2024-05-02T10:00:00Z","eventSource":"{{source}}","eventName":"DescribeVpcs","awsRegion":"us-east-1","sourceIPAddress":"{{sourceIp}}","userAgent":"{{userAgent}}","requestParameters":null,"responseElements":null,"readOnly":true,"eventType":"{{type}}","recipientAccountId":"111111111111"{{console}}}""");
        using var document = JsonDocument.Parse(bytes);
        Assert.True(CloudTrailEvent.TryCreate(document.RootElement.Clone(), out var evt, out _));
        return EventFactsBuilder.Build(evt);
    }

    [Theory]
    [InlineData(Chrome, "203.0.113.7", true, "ec2.amazonaws.com", "AwsApiCall")]
    [InlineData(Chrome, "AWS Internal", false, "ec2.amazonaws.com", "AwsApiCall")]
    [InlineData("console.amazonaws.com", "203.0.113.7", false, "ec2.amazonaws.com", "AwsApiCall")]
    [InlineData("[S3Console/0.4, aws-internal/3 aws-sdk-java/1.11.666]", "203.0.113.7", false, "s3.amazonaws.com", "AwsApiCall")]
    [InlineData(Chrome, "203.0.113.7", false, "signin.amazonaws.com", "AwsServiceEvent")]
    [InlineData(Chrome, "203.0.113.7", false, "ec2.amazonaws.com", "AwsConsoleAction")]
    public void Console_evidence_gives_the_signal_and_a_console_client(string userAgent, string sourceIp, bool consoleCredentials, string source, string type)
    {
        var facts = Facts(userAgent, sourceIp, consoleCredentials, source, type);

        Assert.True(facts.Signals.HasFlag(Signals.ConsoleSession));
        Assert.Equal(ClientKind.ConsoleBrowser, facts.Client.Kind);
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("10.0.0.5")]
    public void A_browser_alone_is_a_web_browser_not_the_console(string sourceIp)
    {
        var facts = Facts(Chrome, sourceIp);

        Assert.False(facts.Signals.HasFlag(Signals.ConsoleSession));
        Assert.Equal(ClientKind.WebBrowser, facts.Client.Kind);
        Assert.Equal(("Chrome", "131"), (facts.Client.Name, facts.Client.Version));
    }

    [Fact]
    public void Console_credentials_used_from_the_CLI_are_a_console_session_with_the_CLI_as_client()
    {
        var facts = Facts("aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exec-env/CloudShell command/ec2.describe-vpcs", "203.0.113.7", consoleCredentials: true);

        Assert.True(facts.Signals.HasFlag(Signals.ConsoleSession));
        Assert.Equal(ClientKind.AwsCli, facts.Client.Kind);
    }

    [Fact]
    public void A_proxied_call_by_a_program_is_not_a_console_session()
    {
        var facts = Facts("aws-cli/2.15.30 Python/3.11.8 Linux/6.1", "AWS Internal");

        Assert.False(facts.Signals.HasFlag(Signals.ConsoleSession));
    }

    [Fact]
    public void A_browser_proxied_by_AWS_is_the_person_via_the_console()
    {
        var facts = Facts(Chrome, "AWS Internal");

        Assert.Equal(Via.Console, facts.Via);
        Assert.False(facts.Signals.HasFlag(Signals.AwsService));
    }
}
