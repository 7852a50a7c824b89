using System.Text;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// The text rules end to end: an HTTP credential, a connection string or JSON read as text in an event reaches no
/// part of any output (subject, email body, the JSON publish request, the chat card), in either language, and
/// neither does a secret in a damaged event shown by the fallback; ordinary messages still read.
/// </summary>
public sealed class NotifierTextRuleTests
{
    private static readonly Notifier[] Notifiers =
    [
        new(RenderOptions.Default with { ChatCards = true }),
        new(new RenderOptions(NotificationLanguage.Japanese, TimeZoneInfo.Utc) { ChatCards = true }),
    ];

    public static TheoryData<string, string, string[]> Leaks => new()
    {
        { "errorMessage", "Request header Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2VjcmV0c2lnbmF0dXJl is invalid", ["eyJhbGci", "eyJzdWIi", "c2VjcmV0"] },
        { "errorMessage", "Authorization: Basic dXNlcjpIdW50ZXIyLWJhc2lj", ["dXNlcjpI", "LWJhc2lj"] },
        { "errorMessage", "Authorization: AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20240101/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=fe5f80f77d5fa3beca038a248ff0", ["fe5f80f7", "a248ff0"] },
        { "userAgent", "deploy-bot/1.0 (Authorization: token ghp_Hunter2UaToken) Cookie: session=Hunter2Cookie; theme=dark", ["Hunter2", "UaToken"] },
        { "errorMessage", "rejected x-api-key: Hunter2apikey and X-Amz-Security-Token: Hunter2SecurityTok", ["Hunter2"] },
        { "errorMessage", "bad value Server=db;Uid=sa;Pwd=Hunter2-odbc; and password:Hunter2-colon", ["Hunter2", "odbc", "colon"] },
        { "errorMessage", "could not connect to mongodb+srv://admin:Hunter2-mongo@cluster0.example.net/app", ["Hunter2", "mongo@"] },
        { "errorMessage", "Invalid request body: {\"masterUserPassword\":\n  \"Hunter2-nl\", \"pass\\u0077ord\": \"Hunter2-esc2\", \"pin\": 12345678}", ["Hunter2", "12345678"] },
        { "errorMessage", "bad body [{\"name\":\"DB_PASSWORD\",\"value\":\"Hunter2-kv\"},{\"type\":\"SecureString\",\"value\":\"Hunter2-ss\"}] and password: 87654321", ["Hunter2", "87654321"] },
    };

    [Theory]
    [MemberData(nameof(Leaks))]
    public void A_text_secret_in_an_event_reaches_no_output(string field, string value, string[] secretParts)
    {
        var json = TestEvents.SeedWith(d => d[field] = value);
        foreach (var notifier in Notifiers)
        {
            var notification = notifier.Notify(json);
            var outputs = new[] { notification.Subject, notification.Message, PublishRequestJson.Write(notification), notification.ChatCard! };

            Assert.NotNull(notification.ChatCard);
            Assert.DoesNotContain(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
            foreach (var part in secretParts)
            {
                Assert.All(outputs, output => Assert.DoesNotContain(part, output, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void A_connection_string_in_a_parameter_value_shows_user_and_host_but_no_password()
    {
        var json = TestEvents.SeedWith(d => d["requestParameters"] = JsonNode.Parse("""{"name":"/app/db","type":"String","value":"postgresql://app:Hunter2-url@db.internal:5432/prod"}"""));

        var notification = Notifiers[0].Notify(json);

        Assert.DoesNotContain("Hunter2", PublishRequestJson.Write(notification) + notification.ChatCard, StringComparison.Ordinal);
        Assert.Contains("app:[redacted: 11 characters]@db", notification.Message, StringComparison.Ordinal);
    }

    /// <summary>Damaged JSON (cut off): the fallback shows it as text, redacted by the text rules alone.</summary>
    private const string Damaged = """
        {"version":"0","id":"x","detail-type":"AWS API Call via CloudTrail","source":"aws.ssm","account":"111111111111","region":"us-east-1","detail":{"eventSource":"ssm.amazonaws.com","eventName":"PutParameter","requestParameters":{"name":"/db","type":"SecureString","value":"Hunter2-fb-secure","pin":12345678,"password": 87654321,
        "masterUserPassword":
           "Hunter2-fb-newline",
        "environment":[{"name":"DB_PASSWORD","value":"Hunter2-fb-kv"}],
        "parameters":[{"ParameterKey":"DbPassword","ParameterValue":"Hunter2-fb-cfn"}],
        "pass\u0077ord":"Hunter2-fb-esc",
        "pass\/word":"Hunter2-fb-slash","Secret Key":"Hunter2-fb-space","log":"ok\npass=Hunter2-fb-escn",
        "url":"redis://default:Hunter2-fb-url@cache:6379",
        "note":"Authorization: Bearer Hunter2-fb-bearer and more"
        """;

    [Fact]
    public void The_fallback_for_damaged_json_shows_no_part_of_any_secret_and_still_reads()
    {
        foreach (var notifier in Notifiers)
        {
            var notification = notifier.Notify(Encoding.UTF8.GetBytes(Damaged));
            var outputs = new[] { notification.Subject, notification.Message, PublishRequestJson.Write(notification), notification.ChatCard! };

            Assert.Contains(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
            Assert.All(outputs, output => Assert.DoesNotContain("Hunter2", output, StringComparison.Ordinal));
            Assert.All(outputs, output => Assert.DoesNotContain("87654321", output, StringComparison.Ordinal));
            Assert.Contains("PutParameter", notification.Message, StringComparison.Ordinal);
            Assert.Contains("DB_PASSWORD", notification.Message, StringComparison.Ordinal);
            Assert.All(outputs, output => Assert.DoesNotContain("12345678", output, StringComparison.Ordinal)); // the pin
        }
    }

    [Theory]
    [InlineData("errorMessage", "User: arn:aws:iam::111111111111:user/bob is not authorized to perform: secretsmanager:GetSecretValue on resource: prod/db because no identity-based policy allows the secretsmanager:GetSecretValue action")]
    [InlineData("errorMessage", "Secrets Manager can't find the specified secret.")]
    [InlineData("errorMessage", "The security token included in the request is invalid.")]
    [InlineData("userAgent", "aws-cli/2.13.0 Python/3.11.4 Linux/5.15 exe/x86_64.amzn.2 prompt/off command/secretsmanager.get-secret-value")]
    [InlineData("userAgent", "Boto3/1.34.2 md/Botocore#1.34.2 ua/2.0 os/linux#5.10 Bearer-auth-client lang/python#3.12.1")]
    public void Ordinary_messages_and_user_agents_read_unredacted(string field, string value)
    {
        var notification = Notifiers[0].Notify(TestEvents.SeedWith(d => d[field] = value));

        Assert.DoesNotContain("[redacted", notification.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("[redacted", PublishRequestJson.Write(notification), StringComparison.Ordinal);
        var line = field == "errorMessage" ? value : "User agent: " + value;
        Assert.Contains(line, notification.Message, StringComparison.Ordinal);
    }
}
