using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Tests.Sns;

public sealed class SnsErrorTextTests
{
    [Theory]
    [InlineData("Topic does not exist")]
    [InlineData("The security token included in the request is invalid.")]
    [InlineData("User: arn:aws:sts::123456789012:assumed-role/notifier/abc is not authorized to perform: SNS:Publish on resource: arn:aws:sns:us-east-1:123456789012:t")]
    public void Ordinary_messages_are_kept_word_for_word(string message)
    {
        Assert.Equal(message, SnsErrorText.Clean(message));
    }

    [Theory]
    [InlineData("Bad request. Authorization=AWS4-HMAC-SHA256 Credential=AKID/20261201/us-east-1/sns/aws4_request", "Bad request [signing details removed]")]
    [InlineData("Invalid header X-Amz-Security-Token: abc", "Invalid header [signing details removed]")]
    [InlineData("The canonical request was 'POST /'", "The [signing details removed]")]
    [InlineData("StringToSign: AWS4...", "[signing details removed]")]
    public void Everything_from_the_first_sign_of_signed_material_is_dropped(string message, string expected)
    {
        Assert.Equal(expected, SnsErrorText.Clean(message));
    }

    [Fact]
    public void Known_secrets_and_token_like_runs_are_blanked()
    {
        var cleaned = SnsErrorText.Clean("key s3cr3t-Value and blob AbCdEfGh0123456789AbCdEfGh0123456789AbCdEf+/ end", ["s3cr3t-Value"]);

        Assert.Equal("key [redacted] and blob [redacted: 44 characters] end", cleaned);
    }

    [Fact]
    public void A_long_message_is_one_line_of_at_most_256_characters()
    {
        var cleaned = SnsErrorText.Clean(string.Join("\n", Enumerable.Repeat("words and more words", 40)));

        Assert.True(cleaned.Length <= SnsErrorText.MaxChars + 1, $"{cleaned.Length} characters");
        Assert.DoesNotContain('\n', cleaned);
        Assert.EndsWith("…", cleaned, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NotFound", "NotFound")]
    [InlineData("Bad\r\nLambda-Runtime: x", "BadLambda-Runtimex")]
    [InlineData("", "UnknownError")]
    public void Codes_become_header_safe_identifiers(string code, string expected)
    {
        Assert.Equal(expected, SnsErrorText.CleanCode(code));
    }
}
