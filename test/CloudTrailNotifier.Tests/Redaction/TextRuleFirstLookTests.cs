using System.Text.Json;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// The event's first look (<see cref="JsonRedactor"/>'s whole-event trigger search) sends every string the newer text
/// rules change to the full walk: header values, URLs with a password, bearer tokens and JWTs, text-only key words,
/// SecureString and name/value pairs in a message, numbers and line ends after a key, escaped key names.
/// </summary>
public sealed class TextRuleFirstLookTests
{
    private readonly JsonRedactor _redactor = new(new RedactionMarkers(length => $"[redacted {length}]", "[hidden]"));

    [Theory]
    [InlineData("""{"errorMessage": "Request header Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9 is invalid"}""")]
    [InlineData("""{"errorMessage": "Authorization: Basic dXNlcjpIdW50ZXIy rejected"}""")]
    [InlineData("""{"userAgent": "deploy-bot/1.0 Cookie: session=Hunter2; theme=dark"}""")]
    [InlineData("""{"errorMessage": "invalid Bearer Hunter2abcdef0123456789"}""")]
    [InlineData("""{"errorMessage": "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9 rejected"}""")]
    [InlineData("""{"value": "postgresql://app:Hunter2-url@db.internal:5432/prod"}""")]
    [InlineData("""{"errorMessage": "bad value Server=db;Uid=sa;Pwd=Hunter2-odbc;"}""")]
    [InlineData("""{"errorMessage": "and password:Hunter2-colon"}""")]
    [InlineData("""{"errorMessage": "x-api-key: Hunter2apikey0123"}""")]
    [InlineData("""{"errorMessage": "password: 87654321"}""")]
    [InlineData("""{"errorMessage": "Invalid request body: {\"masterUserPassword\":\n  \"Hunter2-nl\"}"}""")]
    [InlineData("""{"errorMessage": "Invalid request body: {\"pass\\u0077ord\": \"Hunter2-esc2\"}"}""")]
    [InlineData("""{"errorMessage": "bad body {\"type\":\"SecureString\",\"value\":\"Hunter2\"}"}""")]
    [InlineData("""{"errorMessage": "bad body [{\"name\":\"DB_PASSWORD\",\"value\":\"Hunter2\"}]"}""")]
    public void A_string_a_text_rule_changes_is_never_cleared(string json)
    {
        using var document = JsonDocument.Parse(json, InputReader.Options);
        Assert.True(_redactor.FullWalkChanges(document.RootElement), "the full walk should change: " + json);
        Assert.False(_redactor.FirstLookClears(document.RootElement), json);
    }

    [Theory]
    [InlineData("""{"queueUrl": "https://sqs.us-east-1.amazonaws.com/111111111111/q", "templateURL": "https://s3.amazonaws.com/b/t.yaml"}""")]
    [InlineData("""{"errorMessage": "User: arn:aws:iam::111111111111:user/bob is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/db-AbCdEf"}""")]
    [InlineData("""{"userAgent": "Bearer authentication client/1.0", "errorMessage": "Missing Authentication Token"}""")]
    public void An_event_with_urls_arns_and_prose_is_still_cleared(string json)
    {
        using var document = JsonDocument.Parse(json, InputReader.Options);
        Assert.False(_redactor.FullWalkChanges(document.RootElement), json);
        Assert.True(_redactor.FirstLookClears(document.RootElement), json);
    }

    [Fact]
    public void Every_text_only_secret_word_is_a_trigger_word()
    {
        foreach (var word in TextKeys.TriggerWords)
        {
            Assert.True(TextRedactor.MayContainSecret(word.ToUpperInvariant()), word);
        }

        Assert.True(TextRedactor.MayContainSecret("\"Type\":\"SECURESTRING\""));
        Assert.True(TextRedactor.MayContainSecret("redis://h"));
    }
}
