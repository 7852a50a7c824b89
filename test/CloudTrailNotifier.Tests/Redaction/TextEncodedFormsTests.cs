using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>Security review 22 (L4 and L3): secrets the text rules read in encoded forms and in URLs.</summary>
public sealed class TextEncodedFormsTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    [Theory]
    [InlineData("<Config><Password>Hunter2-xml</Password></Config>", "<Config><Password>[redacted: 11]</Password></Config>")]
    [InlineData("<ipsec><pre_shared_key>Hunter2-psk</pre_shared_key></ipsec>", "<ipsec><pre_shared_key>[redacted: 11]</pre_shared_key></ipsec>")]
    [InlineData("<a:Password>Hunter2-ns</a:Password>", "<a:Password>[redacted: 10]</a:Password>")]
    [InlineData("<Password></Password><PasswordLastUsed>2024</PasswordLastUsed>", "<Password></Password><PasswordLastUsed>2024</PasswordLastUsed>")]
    [InlineData("user=bob&password%3DHunter2-pct&x=1", "user=bob&password%3D[redacted: 11]&x=1")]
    [InlineData("https://api.example.com/x?user=bob&pass%77ord=Hunter2-pctkey", "https://api.example.com/x?user=bob&pass%77ord=[redacted: 14]")]
    [InlineData("a=1%26password%3DHunter2-dbl", "a=1%26password%3D[redacted: 11]")]
    [InlineData("ｐａｓｓｗｏｒｄ=Hunter2-fullwidth", "ｐａｓｓｗｏｒｄ=[redacted: 17]")]
    [InlineData("ｐａｓｓｗｏｒｄ＝Ｈｕｎｔｅｒ２ ok", "ｐａｓｓｗｏｒｄ＝[redacted: 7] ok")]
    [InlineData("password\tHunter2-tab", "password\t[redacted: 11]")]
    [InlineData("{\"x\":\"password\\tHunter2-esc\"}", "{\"x\":\"password\\t[redacted: 11]\"}")]
    public void Encoded_keys_and_marks_are_read(string text, string expected)
    {
        Assert.Equal(expected, TextRedactor.Redact(text, Markers));
        Assert.Equal(expected, TextRedactor.RedactEveryPosition(text, Markers));
    }

    [Theory]
    [InlineData("password reset for bob")]
    [InlineData("<PasswordPolicy>strict</PasswordPolicy> auth")]
    [InlineData("100%3Dx secret")]
    [InlineData("the password\ttrue")]
    [InlineData("ｔｏｋｅｎ　ｔｙｐｅ secret")]
    public void Prose_and_identifiers_in_those_forms_are_kept(string text) =>
        Assert.Equal(text, TextRedactor.Redact(text, Markers));

    [Theory]
    [InlineData("webhookUrl: https://hooks.slack.com/services/T000/B000/Hunter2slackwebhook", "webhookUrl: https://hooks.slack.com/[redacted: 38]")]
    [InlineData("see https://discord.com/api/webhooks/123/Hunter2token now", "see https://discord.com/api/webhooks/[redacted: 16] now")]
    [InlineData("dsn https://abc123Hunter2dsn@o1.ingest.sentry.io/1", "dsn https://[redacted: 16]@o1.ingest.sentry.io/1")]
    [InlineData("git https://ghp_Hunter2Hunter2Hunter2Abc@github.com/o/r", "git https://[redacted: 28]@github.com/o/r")]
    [InlineData("db postgres://app:Hunter2-pw@db:5432/x", "db postgres://app:[redacted: 10]@db:5432/x")]
    public void Tokens_in_urls_are_redacted(string text, string expected) =>
        Assert.Equal(expected, TextRedactor.RedactEveryPosition(text, Markers));

    [Theory]
    [InlineData("clone ssh://git@github.com/o/r and https://alice@dev.example.com/x")]
    [InlineData("https://hooks.slack.com/ and https://example.com/services/T000/B000/x")]
    [InlineData("https://user@example.com:8443/path")]
    public void Short_user_names_and_other_urls_are_kept(string text) =>
        Assert.Equal(text, TextRedactor.RedactEveryPosition(text, Markers));
}
