using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// What the last review left: the data key of an encryption settings object (Elastic Transcoder <c>encryption</c>,
/// <c>thumbnailEncryption</c>, <c>hlsContentProtection</c>, <c>playReadyDrm</c>) and a number after a secret flag in an
/// argument array. The first look (whose byte test passes these values: no <c>: = B b J G Q</c> in them) never clears them.
/// </summary>
public sealed class EncryptionKeyAndFlagNumberTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    private readonly JsonRedactor _redactor = new(Markers);

    [Theory]
    [InlineData("""{"input":{"key":"in/a.mp4","encryption":{"mode":"aes-cbc-pkcs7","key":"ZqKeyzzzz","keyMd5":"md5zz"}}}""", """{"input":{"key":"in/a.mp4","encryption":{"mode":"aes-cbc-pkcs7","key":"[redacted: 9]","keyMd5":"md5zz"}}}""")]
    [InlineData("""{"outputs":[{"thumbnailEncryption":{"Key":"ZqKeyzzzz"}}]}""", """{"outputs":[{"thumbnailEncryption":{"Key":"[redacted: 9]"}}]}""")]
    [InlineData("""{"hlsContentProtection":{"method":"aes-128","key":"ZqKeyzzzz"}}""", """{"hlsContentProtection":{"method":"aes-128","key":"[redacted: 9]"}}""")]
    [InlineData("""{"playReadyDrm":{"key":"ZqKeyzzzz","keyId":"kid"}}""", """{"playReadyDrm":{"key":"[redacted: 9]","keyId":"kid"}}""")]
    [InlineData("""{"encryption":[{"key":"ZqKeyzzzz"}]}""", """{"encryption":[{"key":"[redacted: 9]"}]}""")]
    [InlineData("""{"c":["app","--pin",1234,"--port",5432]}""", """{"c":["app","--pin","[redacted: 4]","--port",5432]}""")]
    [InlineData("""{"c":["--password",12345678]}""", """{"c":["--password","[redacted: 8]"]}""")]
    public void The_full_walk_hides_it_and_the_first_look_does_not_clear_it(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.False(_redactor.FirstLookClears(document.RootElement));
        Assert.Equal(expected, Encoding.UTF8.GetString(_redactor.Redact(document.RootElement)!));
    }

    [Theory]
    [InlineData("""{"key":"in/a.mp4","tags":{"key":"visible"}}""")]
    [InlineData("""{"encryptionKey":"arn:aws:kms:us-east-1:1:key/k","encryption":{"mode":"s3"}}""")]
    [InlineData("""{"c":["app","--port",5432,"--pin"]}""")]
    public void The_same_names_elsewhere_stay(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.False(_redactor.FullWalkChanges(document.RootElement));
    }

    [Theory]
    [InlineData("""cut {"encryption": {"mode": "aes-gcm", "key": "ZqKeyzzzz", "keyMd5": "md5zz"}""", """cut {"encryption": {"mode": "aes-gcm", "key": "[redacted: 9]", "keyMd5": "md5zz"}""")]
    [InlineData("""{\"thumbnailEncryption\":{\"key\":\"ZqKeyzzzz\"}}""", """{\"thumbnailEncryption\":{\"key\":\"[redacted: 9]\"}}""")]
    [InlineData("""cut ["--pin", 1234, "--v"]""", """cut ["--pin", [redacted: 4], "--v"]""")]
    [InlineData("""{\"c\":[\"--password\", -12.5e3]}""", """{\"c\":[\"--password\", [redacted: 7]]}""")]
    public void Text_reads_them_too(string text, string expected) => Assert.Equal(expected, TextRedactor.Redact(text, Markers));

    [Theory]
    [InlineData("""cut {"input": {"key": "in/a.mp4"}, "tags": {"key": "x"}}""")]
    [InlineData("""cut ["--port", 5432]""")]
    public void Text_keeps_the_same_names_elsewhere(string text) => Assert.Equal(text, TextRedactor.Redact(text, Markers));
}
