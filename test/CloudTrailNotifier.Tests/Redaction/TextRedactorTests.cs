using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>Secrets in free text, found by shape and by the key written before them.</summary>
public sealed class TextRedactorTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    private static string Redact(string text) => TextRedactor.Redact(text, Markers);

    [Fact]
    public void A_pem_private_key_is_redacted_with_its_length_and_the_text_around_it_is_kept()
    {
        const string Pem = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----";

        Assert.Equal($"key: [redacted: {Pem.Length}] (rotated)", Redact($"key: {Pem} (rotated)"));
    }

    [Fact]
    public void A_pem_private_key_without_its_end_is_redacted_to_the_end()
    {
        Assert.Equal("x [redacted: 42]", Redact("x -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg"));
    }

    [Fact]
    public void A_public_certificate_is_kept()
    {
        const string Certificate = "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE\n-----END CERTIFICATE-----";

        Assert.Same(Certificate, Redact(Certificate));
    }

    [Theory]
    [InlineData("IQoJb3JpZ2luX2VjEHcaCXVzLWVhc3QtMSJGMEQCIFexample")]
    [InlineData("FwoGZXIvYXdzEBYaDExampleSessionTokenValue0123")]
    [InlineData("AQoDYXdzEJr//////////wEaoAK1wvxJY12r2IrDFT2IvAzTCn3zHoZ7YNtpiQLF0MqZye")]
    public void An_sts_session_token_is_redacted_wherever_it_is(string token)
    {
        Assert.Equal($"token in text: [redacted: {token.Length}].", Redact($"token in text: {token}."));
    }

    [Fact]
    public void A_short_token_prefix_alone_is_not_a_token() => Assert.Equal("IQoJb3JpZ2lu", Redact("IQoJb3JpZ2lu"));

    [Theory]
    [InlineData("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY x", "aws_secret_access_key=[redacted: 40] x")]
    [InlineData("password: hunter2, user: bob", "password: [redacted: 7], user: bob")]
    [InlineData("{\"password\":\"hunter2\",\"user\":\"bob\"}", "{\"password\":\"[redacted: 7]\",\"user\":\"bob\"}")]
    [InlineData("{\\\"password\\\":\\\"hun\\\\\\\"ter2\\\",\\\"user\\\":\\\"bob\\\"}", "{\\\"password\\\":\\\"[redacted: 11]\\\",\\\"user\\\":\\\"bob\\\"}")]
    [InlineData("{\"credentials\":{\"sessionToken\":\"abc\"},\"n\":1}", "{\"credentials\":[redacted: 22],\"n\":1}")]
    [InlineData("https://example.com/cb?token=abc123&state=xyz", "https://example.com/cb?token=[redacted: 6]&state=xyz")]
    public void A_value_after_a_secret_key_is_redacted(string text, string expected) =>
        Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("arn:aws:secretsmanager:eu-west-1:111111111111:secret:prod/db-a1B2c3")]
    [InlineData("{\"secretId\":\"prod/db\",\"tokenType\":\"Bearer\"}")]
    [InlineData("{\"passwordResetRequired\":true,\"password\":false,\"tokenCount\":3}")]
    [InlineData("password: true")]
    [InlineData("GetSessionToken and GetSecretValue were called")]
    public void Identifiers_settings_and_prose_are_kept(string text) => Assert.Same(text, Redact(text));
}
