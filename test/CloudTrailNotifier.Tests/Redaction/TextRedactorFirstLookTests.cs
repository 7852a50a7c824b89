using CloudTrailNotifier.Redaction;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// <see cref="TextRedactor.Redact"/> returns text at once when no rule's mark is in it (no <c>:</c> or <c>=</c> after a
/// key, no PEM header, no session token start); on any text that must give what trying every position gives.
/// </summary>
public sealed class TextRedactorFirstLookTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    private static readonly string[] Pieces =
    [
        "password", "Secret", "token", "clientSecret", "secretsmanager.amazonaws.com", "arn:aws:secretsmanager:us-east-1:1:secret:x",
        "=", ":", ": ", " ", "\"", "\\\"", "'", "hunter2hunter2", "value", "-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----",
        "IQoJb3JpZ2lu", "AbCdEfGhIjKlMnOpQrStUv0123456789", "{", "}", ",", "\n", "auth", "cookie", "true", "ü",
        "Authorization", "Bearer ", "Basic ", "://", "@", "user:", "Pwd", "x-api-key", "SecureString", "\"type\"", "\"name\"",
        "DB_PASSWORD", "eyJhbGciOiJIUzI1NiJ9", ".", "\\u0077", "\\n", "87654321", "=", ";", "secretsmanager", "(",
    ];

    public static Arbitrary<string> Texts() =>
        Gen.Choose(0, 12).SelectMany(count => Gen.ArrayOf(Gen.Elements(Pieces), count)).Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(Arbitrary = [typeof(TextRedactorFirstLookTests)], MaxTest = 3000)]
    public void The_first_looks_never_change_the_result(string text)
    {
        Assert.Equal(TextRedactor.RedactEveryPosition(text, Markers), TextRedactor.Redact(text, Markers));
    }

    [Theory]
    [InlineData("secretsmanager.amazonaws.com")]
    [InlineData("GetSecretValue on prod/db with a password policy")]
    public void Text_with_trigger_words_but_no_rule_mark_is_returned_as_it_is(string text)
    {
        Assert.Same(text, TextRedactor.Redact(text, Markers));
    }

    [Theory]
    [InlineData("password=hunter2hunter2", "password=[redacted: 14]")]
    [InlineData("\"clientSecret\": \"hunter2hunter2\"", "\"clientSecret\": \"[redacted: 14]\"")]
    public void A_rule_mark_still_leads_to_the_rules(string text, string expected)
    {
        Assert.Equal(expected, TextRedactor.Redact(text, Markers));
    }

    [Theory]
    [InlineData("token=hunter2hunter2", "token=[redacted: 14]")]
    [InlineData("x tok-en: hunter2hunter2 y", "x tok-en: [redacted: 14] y")]
    [InlineData("pass_wd='hunter2hunter2'", "pass_wd='[redacted: 14]'")]
    [InlineData("tok=hunter2hunter2 and tokenType=Bearer", "tok=hunter2hunter2 and tokenType=Bearer")]
    public void Every_position_finds_keys_as_short_as_the_shortest_fragment_and_folded_keys(string text, string expected)
    {
        Assert.Equal(expected, TextRedactor.RedactEveryPosition(text, Markers));
    }
}
