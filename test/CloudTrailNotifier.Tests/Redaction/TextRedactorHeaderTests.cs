using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>HTTP credentials in free text: a whole header value after its scheme word, and tokens known by shape.</summary>
public sealed class TextRedactorHeaderTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    private static string Redact(string text) => TextRedactor.Redact(text, Markers);

    [Theory]
    [InlineData("Request header Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2VjcmV0c2lnbmF0dXJl is invalid", "Request header Authorization: [redacted: 80]")]
    [InlineData("Authorization: Basic dXNlcjpIdW50ZXIyLWJhc2lj\nnext line", "Authorization: [redacted: 30]\nnext line")]
    [InlineData("Authorization: Token tok_Hunter2 extra", "Authorization: [redacted: 23]")]
    [InlineData("authorization=Bearer Hunter2-eq", "authorization=[redacted: 17]")]
    [InlineData("Authorization:Bearer Hunter2-tight", "Authorization:[redacted: 20]")]
    [InlineData("Proxy-Authorization: Basic SHVudGVyMg==\r\nHost: x", "Proxy-Authorization: [redacted: 18]\r\nHost: x")]
    [InlineData("{\"note\":\"Authorization: Bearer Hunter2-fb-bearer\",\"x\":1}", "{\"note\":\"Authorization: [redacted: 24]\",\"x\":1}")]
    [InlineData("{\\\"note\\\":\\\"Authorization: Bearer Hunter2 x\\\",\\\"n\\\":1}", "{\\\"note\\\":\\\"Authorization: [redacted: 16]\\\",\\\"n\\\":1}")]
    [InlineData("curl -H 'Authorization: Bearer Hunter2 x' https://api.example.com", "curl -H 'Authorization: [redacted: 16]' https://api.example.com")]
    [InlineData("headers: Authorization: Bearer Hunter2 x\\nAccept: json", "headers: Authorization: [redacted: 16]\\nAccept: json")]
    [InlineData("token: Bearer Hunter2 abc", "token: [redacted: 18]")]
    public void An_authorization_header_value_is_hidden_whole_to_the_end_of_its_line_or_quote(string text, string expected) =>
        Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("Authorization: Digest username=\"Mufasa\", realm=\"x@example.com\", nonce=\"dcd98b\", response=\"6629fae49393a0539745\"", "6629fae4")]
    [InlineData("{\\\"h\\\":\\\"Authorization: Digest username=\\\\\\\"Mufasa\\\\\\\", response=\\\\\\\"6629fae49393\\\\\\\"\\\",\\\"x\\\":1}", "6629fae4")]
    [InlineData("Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024", "fe5f80f77d")]
    [InlineData("Cookie: session=Hunter2cookie; theme=dark; csrf=Hunter2csrf", "Hunter2")]
    [InlineData("Set-Cookie: id=Hunter2-set; Path=/; HttpOnly", "Hunter2")]
    public void Quoted_auth_parameters_cookies_and_signatures_are_hidden_with_the_header(string text, string secret)
    {
        var redacted = Redact(text);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains("[redacted: ", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Amz-Security-Token: FQoGZXIvYXdzEXAMPLEHunter2token next", "X-Amz-Security-Token: [redacted: 31] next")]
    [InlineData("https://b.s3.amazonaws.com/k?X-Amz-Security-Token=abcHunter2&X-Amz-Signature=fe5f80f77d5fa3be&x=1", "https://b.s3.amazonaws.com/k?X-Amz-Security-Token=[redacted: 10]&X-Amz-Signature=[redacted: 16]&x=1")]
    [InlineData("x-api-key: Hunter2apikey0123 ok", "x-api-key: [redacted: 17] ok")]
    [InlineData("{\"X-API-Key\":\"Hunter2\"}", "{\"X-API-Key\":\"[redacted: 7]\"}")]
    [InlineData("api_key=Hunter2&page=2", "api_key=[redacted: 7]&page=2")]
    public void Security_tokens_api_keys_and_signatures_are_hidden(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("invalid token Bearer Hunter2abcdef0123456789 given", "invalid token Bearer [redacted: 23] given")]
    [InlineData("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2VjcmV0c2lnbmF0dXJl rejected", "jwt [redacted: 62] rejected")]
    [InlineData("id token eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUifQ.", "id token [redacted: 56]")]
    [InlineData("Bearer abc123XYZ", "Bearer [redacted: 9]")]
    [InlineData("token Bearer abcd", "token Bearer [redacted: 4]")]
    [InlineData("sent bearer Zt7Qp2. Then", "sent bearer [redacted: 6]. Then")]
    [InlineData("x Bearer  a1", "x Bearer  [redacted: 2]")]
    public void A_bearer_token_and_a_json_web_token_are_hidden_without_a_key(string text, string expected) =>
        Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("Bearer authentication is required for this API")]
    [InlineData("Use Bearer tokens; Basic is refused")]
    [InlineData("a Bearer token is required")]
    [InlineData("the scheme is Bearer")]
    [InlineData("the scheme is Bearer. Retry")]
    [InlineData("Bearer, Basic or Digest")]
    [InlineData("Bearer is the scheme")]
    [InlineData("The security token included in the request is invalid.")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36")]
    [InlineData("aws-cli/2.13.0 Python/3.11.4 Linux/5.15 exe/x86_64.amzn.2 prompt/off command/secretsmanager.get-secret-value")]
    [InlineData("Boto3/1.34.2 md/Botocore#1.34.2 ua/2.0 os/linux#5.10 md/arch#x86_64 lang/python#3.12.1 cfg/retry-mode#legacy Botocore/1.34.2")]
    [InlineData("The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'.")]
    [InlineData("Missing Authentication Token")]
    [InlineData("eyJ is how a JSON Web Token starts")]
    public void Prose_user_agents_and_scheme_words_alone_read_unchanged(string text) => Assert.Same(text, Redact(text));
}
