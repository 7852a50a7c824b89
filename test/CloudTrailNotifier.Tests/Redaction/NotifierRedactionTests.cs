using System.Text;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>Redaction end to end: every section, the summary and subject, the fallback, in both languages.</summary>
public sealed class NotifierRedactionTests
{
    private static readonly Notifier English = new(RenderOptions.Default);
    private static readonly Notifier Japanese = new(RenderOptions.Default with { Language = NotificationLanguage.Japanese });

    private const string Record = """
        {"eventVersion":"1.11","eventSource":"ssm.amazonaws.com","eventName":"PutParameter","awsRegion":"eu-west-1","recipientAccountId":"111111111111",
         "eventTime":"2025-03-14T11:00:27Z","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111111111111:user/bob","accountId":"111111111111","userName":"bob","accessKeyId":"AKIAEXAMPLE"},
         "requestParameters":{"name":"/prod/db/password","type":"SecureString","value":"SECURE-VALUE-1","overwrite":true},
         "additionalEventData":{"other":{"name":"/prod/flag","type":"String","value":"plain-setting"}},
         "responseElements":{"version":2,"tier":"Standard"},
         "serviceEventDetails":{"password":"SERVICE-DETAIL-SECRET"},
         "errorMessage":"rejected password=ERROR-MESSAGE-SECRET for user bob"}
        """;

    [Fact]
    public void A_secure_string_value_is_redacted_and_a_plain_string_parameter_value_is_kept()
    {
        var message = English.Notify(Encoding.UTF8.GetBytes(Record)).Message;

        Assert.DoesNotContain("SECURE-VALUE-1", message, StringComparison.Ordinal);
        Assert.Contains("value: [redacted: 14 characters]", message, StringComparison.Ordinal);
        Assert.Contains("value: plain-setting", message, StringComparison.Ordinal);
        Assert.Contains("name: /prod/db/password", message, StringComparison.Ordinal);
        Assert.Contains("overwrite: true", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_in_the_error_message_is_redacted_in_the_summary()
    {
        var notification = English.Notify(Encoding.UTF8.GetBytes(Record));

        Assert.DoesNotContain("ERROR-MESSAGE-SECRET", PublishRequestJson.Write(notification), StringComparison.Ordinal);
        Assert.Contains("password=[redacted: 20 characters] for user bob", notification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Japanese_says_redacted_in_japanese()
    {
        var message = Japanese.Notify(Encoding.UTF8.GetBytes(Record)).Message;

        Assert.Contains("value: [秘匿: 14 文字]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECURE-VALUE-1", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cloudtrail_hidden_values_read_as_hidden_by_cloudtrail_even_as_the_caller()
    {
        var record = Record.Replace("\"userName\":\"bob\"", "\"userName\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"", StringComparison.Ordinal)
            .Replace("\"value\":\"SECURE-VALUE-1\"", "\"value\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"", StringComparison.Ordinal);

        var notification = English.Notify(Encoding.UTF8.GetBytes(record));

        Assert.Contains("value: [hidden by CloudTrail]", notification.Message, StringComparison.Ordinal);
        Assert.Contains("[CloudTrail により非表示]", Japanese.Notify(Encoding.UTF8.GetBytes(record)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_in_a_resource_name_is_redacted_in_the_subject_and_headline()
    {
        const string Token = "IQoJb3JpZ2luX2VjEXAMPLEtokenInAResourceName0123456789";
        var notification = English.Notify(TestEvents.SeedWith(d => d["requestParameters"]!["secretId"] = Token));

        Assert.DoesNotContain("IQoJb3JpZ2lu", notification.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("IQoJb3JpZ2lu", notification.Message, StringComparison.Ordinal);
        Assert.Contains($"[redacted: {Token.Length} characters]", notification.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_json_in_the_fallback_shows_no_secret()
    {
        var damaged = Encoding.UTF8.GetBytes("{\"detail\":{\"eventName\":\"CreateUser\",\"requestParameters\":{\"password\":\"DAMAGED-SECRET-1\",\"privateKey\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQ");

        foreach (var notifier in new[] { English, Japanese })
        {
            var notification = notifier.Notify(damaged);

            Assert.Contains(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
            Assert.DoesNotContain("DAMAGED-SECRET-1", notification.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("MIIEvQ", notification.Message, StringComparison.Ordinal);
            Assert.Contains("CreateUser", notification.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_inside_a_string_in_the_fallback_shows_no_secret()
    {
        // An uninterpretable event (no record fields) whose string carries JSON with escaped quotes.
        var json = """{"note":"{\"user\":\"bob\",\"password\":\"ESCAPED-SECRET-2\",\"nested\":\"{\\\"token\\\":\\\"ESCAPED-SECRET-3\\\"}\"}"}""";

        var notification = English.Notify(Encoding.UTF8.GetBytes(json));

        Assert.Contains(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
        Assert.DoesNotContain("ESCAPED-SECRET", notification.Message, StringComparison.Ordinal);
        Assert.Contains("bob", notification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_json_with_a_string_holding_escaped_json_shows_no_secret()
    {
        var damaged = """{"detail":{"eventName":"X","requestParameters":{"policy":"{\"password\":\"ESCAPED-SECRET-4\",\"a\":""";

        var message = English.Notify(Encoding.UTF8.GetBytes(damaged)).Message;

        Assert.DoesNotContain("ESCAPED-SECRET-4", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reason_for_an_unreadable_event_quotes_none_of_its_text()
    {
        var notification = English.Notify(Encoding.UTF8.GetBytes("{\"password\": SECRETWORD-UNQUOTED}"));

        var reason = notification.Message.Split('\n').Single(l => l.TrimStart().StartsWith("Reason", StringComparison.Ordinal));
        Assert.DoesNotContain("SECRETWORD", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETWORD", notification.Message, StringComparison.Ordinal);
    }
}
