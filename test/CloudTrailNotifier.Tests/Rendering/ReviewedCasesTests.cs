using System.Text;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>Cases where a plausible event could have been misreported.</summary>
public sealed class ReviewedCasesTests
{
    private static readonly Notifier English = new(RenderOptions.Default);

    [Theory]
    [InlineData("arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:prod/db-backup", "prod/db-backup")]
    [InlineData("arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:prod/db-AbC123", "prod/db")]
    [InlineData("arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:prod/db-x9k2mq", "prod/db")]
    [InlineData("prod/db-backup", "prod/db-backup")]
    public void A_partial_secret_arn_is_not_mistaken_for_a_full_one(string secretId, string shown)
    {
        var notification = English.Notify(TestEvents.SeedWith(d => d["requestParameters"]!["secretId"] = secretId));

        Assert.Contains($"GetSecretValue on {shown} by", notification.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_escape_in_a_field_is_shown_and_the_event_is_still_interpreted()
    {
        var seed = File.ReadAllText(TestEvents.SeedPath);
        var bytes = Encoding.UTF8.GetBytes(seed.Replace("\"userAgent\": \"Mozilla", "\"userAgent\": \"x\\ud800y Mozilla", StringComparison.Ordinal)
            .Replace("\"secretId\": \"arn", "\"versionStage\\udc00\": \"a\\ud800b\", \"secretId\": \"arn", StringComparison.Ordinal));

        var notification = English.Notify(bytes);

        NotificationInvariants.AssertValid(notification, NotificationLanguage.English, "lone surrogate");
        Assert.StartsWith("[CONSOLE] GetSecretValue on sample/secret", notification.Subject, StringComparison.Ordinal);
        Assert.Contains("x\\ud800y Mozilla", notification.Message, StringComparison.Ordinal);
        Assert.Contains("versionStage\\udc00: a\\ud800b", notification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_federated_console_sign_in_is_not_flagged_for_missing_mfa_but_an_iam_user_is()
    {
        const string Federated = """
            {"eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","eventType":"AwsConsoleSignIn","recipientAccountId":"111111111111",
             "userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Admin_0123456789abcdef/jane@example.com","accountId":"111111111111"},
             "responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"MFAUsed":"No"}}
            """;
        var iamUser = Federated.Replace(
            "\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Admin_0123456789abcdef/jane@example.com\"",
            "\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111111111111:user/jane\",\"userName\":\"jane\"",
            StringComparison.Ordinal);

        Assert.Equal("[CONSOLE] ConsoleLogin by jane@example[.]com (111111111111)", English.Notify(TestEvents.Envelope(Federated)).Subject);
        Assert.Equal("[NO MFA][CONSOLE] ConsoleLogin by jane (111111111111)", English.Notify(TestEvents.Envelope(iamUser)).Subject);
    }

    [Fact]
    public void A_look_alike_sso_role_outside_the_reserved_path_is_not_called_an_identity_center_user()
    {
        const string Record = """
            {"eventSource":"secretsmanager.amazonaws.com","eventName":"GetSecretValue","recipientAccountId":"111111111111","requestParameters":{"secretId":"prod/db"},
             "userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_Admin_0123456789abcdef/ceo@example.com","accountId":"111111111111",
               "sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::111111111111:role/AWSReservedSSO_Admin_0123456789abcdef","userName":"AWSReservedSSO_Admin_0123456789abcdef"}}}}
            """;

        var message = English.Notify(TestEvents.Envelope(Record)).Message;

        Assert.DoesNotContain("Identity Center user", message, StringComparison.Ordinal);
        Assert.Contains("session ceo@example[.]com of IAM role AWSReservedSSO_Admin_0123456789abcdef", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_in_another_account_gets_no_console_link_into_the_readers_account()
    {
        const string Record = """
            {"eventSource":"sts.amazonaws.com","eventName":"AssumeRole","awsRegion":"us-east-1","recipientAccountId":"111111111111",
             "userIdentity":{"type":"IAMUser","userName":"ci","accountId":"111111111111"},
             "requestParameters":{"roleArn":"arn:aws:iam::222222222222:role/deploy","roleSessionName":"ci"}}
            """;
        var sameAccount = Record.Replace("222222222222", "111111111111", StringComparison.Ordinal);

        Assert.DoesNotContain("iam/home#/roles", English.Notify(TestEvents.Envelope(Record)).Message, StringComparison.Ordinal);
        Assert.Contains("https://console.aws.amazon.com/iam/home#/roles/details/deploy", English.Notify(TestEvents.Envelope(sameAccount)).Message, StringComparison.Ordinal);
    }
}
