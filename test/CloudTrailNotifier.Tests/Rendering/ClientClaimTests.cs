using System.Text.Json.Nodes;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>
/// The caller writes its own user agent, so a client named only from it reads as the user agent's claim, in the
/// email and the chat card, in both languages; what CloudTrail records (invokedBy, the service as sourceIPAddress,
/// AWS Internal, console session credentials) is stated as fact.
/// </summary>
public sealed class ClientClaimTests
{
    private static readonly Notifier English = new(RenderOptions.Default with { ChatCards = true });
    private static readonly Notifier Japanese = new(new RenderOptions(NotificationLanguage.Japanese, TimeZoneInfo.Utc) { ChatCards = true });

    private static byte[] StopLogging(string userAgent, string sourceIp, string? invokedBy = null, bool consoleCredentials = false)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.EventsDirectory, "cloudtrail-stop-logging.json")))!;
        var detail = node["detail"]!.AsObject();
        detail["userAgent"] = userAgent;
        detail["sourceIPAddress"] = sourceIp;
        if (invokedBy is not null)
        {
            detail["userIdentity"]!["invokedBy"] = invokedBy;
        }

        if (consoleCredentials)
        {
            detail["sessionCredentialFromConsole"] = "true";
        }

        return System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    [Fact]
    public void A_CloudFormation_user_agent_from_an_address_reads_as_the_user_agents_claim_everywhere()
    {
        var evt = StopLogging("cloudformation.amazonaws.com", "203.0.113.45");
        var english = English.Notify(evt);
        var japanese = Japanese.Notify(evt);

        Assert.Contains("\n  Client (by its user agent): AWS CloudFormation (infrastructure as code)\n", english.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  Client: ", english.Message, StringComparison.Ordinal);
        Assert.Contains("\n  クライアント (ユーザーエージェントの申告): AWS CloudFormation (コードによるインフラ管理)\n", japanese.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  クライアント: ", japanese.Message, StringComparison.Ordinal);
        Assert.Contains("*Client (by its user agent):* `AWS CloudFormation`", english.ChatCard!, StringComparison.Ordinal);
        Assert.Contains("*クライアント (ユーザーエージェントの申告):* `AWS CloudFormation`", japanese.ChatCard!, StringComparison.Ordinal);

        // Nothing says CloudFormation made it, nor softens the severity: only invokedBy would.
        Assert.DoesNotContain("through CloudFormation", english.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CloudFormation 経由", japanese.Message, StringComparison.Ordinal);
        Assert.StartsWith("[CRITICAL][TAMPERING]", english.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("CloudFormation", english.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void CloudFormation_recorded_as_the_invoking_service_is_stated_as_fact()
    {
        var english = English.Notify(StopLogging("cloudformation.amazonaws.com", "cloudformation.amazonaws.com", invokedBy: "cloudformation.amazonaws.com"));
        var japanese = Japanese.Notify(StopLogging("cloudformation.amazonaws.com", "cloudformation.amazonaws.com", invokedBy: "cloudformation.amazonaws.com"));

        Assert.Contains("\n  Client: AWS CloudFormation (infrastructure as code)\n", english.Message, StringComparison.Ordinal);
        Assert.Contains("\n  クライアント: AWS CloudFormation (コードによるインフラ管理)\n", japanese.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws-cli/2.27.31 md/command#cloudtrail.stop-logging", "203.0.113.45", null)]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "203.0.113.45", null)]
    [InlineData("lambda.amazonaws.com", "203.0.113.45", null)]
    [InlineData("lambda.amazonaws.com", "203.0.113.45", "cloudformation.amazonaws.com")]
    [InlineData("AWS Internal", "203.0.113.45", null)]
    [InlineData("Terraform/1.9.0 terraform-provider-aws/5.60.0", "203.0.113.45", null)]
    public void A_client_the_record_does_not_confirm_is_the_user_agents_claim(string userAgent, string sourceIp, string? invokedBy)
    {
        var message = English.Notify(StopLogging(userAgent, sourceIp, invokedBy)).Message;

        Assert.Contains("\n  Client (by its user agent): ", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lambda.amazonaws.com", "lambda.amazonaws.com", null)]
    [InlineData("lambda.amazonaws.com", "203.0.113.45", "lambda.amazonaws.com")]
    [InlineData("AWS Internal", "AWS Internal", null)]
    [InlineData("console.amazonaws.com", "203.0.113.45", null, true)]
    public void A_client_the_record_confirms_is_stated_as_fact(string userAgent, string sourceIp, string? invokedBy, bool consoleCredentials = false)
    {
        var message = English.Notify(StopLogging(userAgent, sourceIp, invokedBy, consoleCredentials)).Message;

        Assert.Contains("\n  Client: ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("by its user agent", message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_user_agent_is_said_plainly()
    {
        var node = JsonNode.Parse(StopLogging("x", "203.0.113.45"))!;
        node["detail"]!.AsObject().Remove("userAgent");

        var message = English.Notify(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString())).Message;

        Assert.Contains("\n  Client: no user agent recorded\n", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_console_session_only_the_user_agent_claims_says_so_in_both_languages()
    {
        var english = English.Notify(StopLogging("console.amazonaws.com", "203.0.113.45"));
        var japanese = Japanese.Notify(StopLogging("console.amazonaws.com", "203.0.113.45"));

        Assert.Contains("\n  ! Console session, by its user agent only: the user agent names the AWS Management Console, which any caller can claim;", english.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("made from the AWS Management Console", english.Message, StringComparison.Ordinal);
        Assert.Contains("• Console session, by its user agent only:", english.ChatCard!, StringComparison.Ordinal);
        Assert.Contains("\n  ! コンソールセッション (ユーザーエージェントの申告のみ): ", japanese.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AWS マネジメントコンソールからの操作です", japanese.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_console_session_the_record_shows_is_stated_as_fact()
    {
        var english = English.Notify(StopLogging("console.amazonaws.com", "203.0.113.45", consoleCredentials: true));
        var japanese = Japanese.Notify(StopLogging("console.amazonaws.com", "203.0.113.45", consoleCredentials: true));

        Assert.Contains("\n  ! Console session: made from the AWS Management Console.\n", english.Message, StringComparison.Ordinal);
        Assert.Contains("\n  ! コンソールセッション: AWS マネジメントコンソールからの操作です。\n", japanese.Message, StringComparison.Ordinal);
    }
}
