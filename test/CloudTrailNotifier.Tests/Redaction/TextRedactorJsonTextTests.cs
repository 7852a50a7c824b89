using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// JSON read as text (a damaged event in the fallback, JSON inside a message): values after line ends, numbers,
/// SecureString parameters and name/value pairs in either order, and keys written with <c>\u</c> escapes.
/// </summary>
public sealed class TextRedactorJsonTextTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    private static string Redact(string text) => TextRedactor.Redact(text, Markers);

    [Theory]
    [InlineData("{\"masterUserPassword\":\n   \"Hunter2-fb-newline\",", "{\"masterUserPassword\":\n   \"[redacted: 18]\",")]
    [InlineData("{\"password\"\r\n:\r\n\t\"Hunter2\"}", "{\"password\"\r\n:\r\n\t\"[redacted: 7]\"}")]
    [InlineData("Invalid request body: {\"masterUserPassword\":\\n  \"Hunter2-nl\"}", "Invalid request body: {\"masterUserPassword\":\\n  \"[redacted: 10]\"}")]
    [InlineData("{\\\"masterUserPassword\\\":\\\\n\\\\t\\\"Hunter2-nl\\\"}", "{\\\"masterUserPassword\\\":\\\\n\\\\t\\\"[redacted: 10]\\\"}")]
    [InlineData("password:\n  Hunter2", "password:\n  [redacted: 7]")]
    public void A_value_on_the_next_line_is_hidden(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("{\"password\": 87654321,", "{\"password\": [redacted: 8],")]
    [InlineData("{\"pin\":1234,\"password\":-12.5e3}", "{\"pin\":[redacted: 4],\"password\":[redacted: 7]}")]
    [InlineData("password=12345678&user=bob", "password=[redacted: 8]&user=bob")]
    public void A_number_under_a_secret_key_is_hidden(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("{\"name\":\"/db\",\"type\":\"SecureString\",\"value\":\"Hunter2-fb-secure\",\"pin\":1}", "{\"name\":\"/db\",\"type\":\"SecureString\",\"value\":\"[redacted: 17]\",\"pin\":[redacted: 1]}")]
    [InlineData("{\"Value\":\"Hunter2-rev\",\"Type\":\"SecureString\"}", "{\"Value\":\"[redacted: 11]\",\"Type\":\"SecureString\"}")]
    [InlineData("{\"Name\":\"/a\",\"Value\":\"Hunter2\",\"Type\":\"securestring\"", "{\"Name\":\"/a\",\"Value\":\"[redacted: 7]\",\"Type\":\"securestring\"")]
    [InlineData("{\\\"type\\\":\\\"SecureString\\\",\\\"value\\\":\\\"Hunter2\\\"}", "{\\\"type\\\":\\\"SecureString\\\",\\\"value\\\":\\\"[redacted: 7]\\\"}")]
    public void A_secure_string_value_is_hidden_in_either_order(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Fact]
    public void A_long_secure_string_value_or_description_does_not_hide_the_type_from_the_rule()
    {
        var longValue = new string('s', 8000);
        var description = new string('d', 1000);

        Assert.Equal(
            $"{{\"name\":\"/db\",\"value\":\"[redacted: 8000]\",\"type\":\"SecureString\"}}",
            Redact($"{{\"name\":\"/db\",\"value\":\"{longValue}\",\"type\":\"SecureString\"}}"));
        Assert.Equal(
            $"{{\"type\":\"SecureString\",\"description\":\"{description}\",\"value\":\"[redacted: 7]\"",
            Redact($"{{\"type\":\"SecureString\",\"description\":\"{description}\",\"value\":\"Hunter2\""));
    }

    [Theory]
    [InlineData("\"environment\":[{\"name\":\"DB_PASSWORD\",\"value\":\"Hunter2-fb-kv\"},{\"name\":\"LOG_LEVEL\",\"value\":\"debug\"}]", "\"environment\":[{\"name\":\"DB_PASSWORD\",\"value\":\"[redacted: 13]\"},{\"name\":\"LOG_LEVEL\",\"value\":\"debug\"}]")]
    [InlineData("[{\"value\":\"Hunter2\",\"name\":\"API_TOKEN\"}]", "[{\"value\":\"[redacted: 7]\",\"name\":\"API_TOKEN\"}]")]
    [InlineData("{\"Name\":\"API_KEY\",\"Value\":\"Hunter2-api\"}", "{\"Name\":\"API_KEY\",\"Value\":\"[redacted: 11]\"}")]
    [InlineData("[{\"ParameterKey\":\"DbPassword\",\"ParameterValue\":\"Hunter2-cfn\"},{\"ParameterKey\":\"Env\",\"ParameterValue\":\"prod\"}]", "[{\"ParameterKey\":\"DbPassword\",\"ParameterValue\":\"[redacted: 11]\"},{\"ParameterKey\":\"Env\",\"ParameterValue\":\"prod\"}]")]
    [InlineData("{\"parameterKey\": \"MasterUserPassword\", \"parameterValue\": \"Hunter2\", \"usePreviousValue\": false}", "{\"parameterKey\": \"MasterUserPassword\", \"parameterValue\": \"[redacted: 7]\", \"usePreviousValue\": false}")]
    [InlineData("{\\\"name\\\":\\\"DB_PWD\\\",\\\"value\\\":\\\"Hunter2\\\"}", "{\\\"name\\\":\\\"DB_PWD\\\",\\\"value\\\":\\\"[redacted: 7]\\\"}")]
    public void The_value_of_a_name_value_pair_naming_a_secret_is_hidden(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("{\"pass\\u0077ord\":\"Hunter2-fb-esc\"", "{\"pass\\u0077ord\":\"[redacted: 14]\"")]
    [InlineData("{\"\\u0070assword\": \"Hunter2\"}", "{\"\\u0070assword\": \"[redacted: 7]\"}")]
    [InlineData("{\\\"pass\\\\u0077ord\\\": \\\"Hunter2-esc2\\\"}", "{\\\"pass\\\\u0077ord\\\": \\\"[redacted: 12]\\\"}")]
    [InlineData("{\"S\\u0065cretString\":\"Hunter2\"}", "{\"S\\u0065cretString\":\"[redacted: 7]\"}")]
    public void A_key_written_with_unicode_escapes_is_judged_as_json_reads_it(string text, string expected) =>
        Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("{\"pass word\":\"Hunter2\"}", "{\"pass word\":\"[redacted: 7]\"}")]
    [InlineData("{\"Secret Key\": \"Hunter2\", \"n\": 1}", "{\"Secret Key\": \"[redacted: 7]\", \"n\": 1}")]
    [InlineData("{\"pass\\/word\":\"Hunter2\"}", "{\"pass\\/word\":\"[redacted: 7]\"}")]
    [InlineData("{\\\"DB Secret Key\\\":\\\"Hunter2\\\"}", "{\\\"DB Secret Key\\\":\\\"[redacted: 7]\\\"}")]
    [InlineData("{'Api Token': 'Hunter2'}", "{'Api Token': '[redacted: 7]'}")]
    [InlineData("{\"msg\":\"see password=Hunter2 here\"}", "{\"msg\":\"see password=[redacted: 7] here\"}")]
    public void A_quoted_key_with_spaces_or_signs_is_judged_whole_as_json_folds_it(string text, string expected) =>
        Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("line1\\npass=Hunter2", "line1\\npass=[redacted: 7]")]
    [InlineData("{\"m\":\"a\\tpwd=Hunter2\"}", "{\"m\":\"a\\tpwd=[redacted: 7]\"}")]
    [InlineData("C:\\temp\\token=Hunter2", "C:\\temp\\token=[redacted: 7]")]
    [InlineData("x\\neyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2ln", "x\\n[redacted: 46]")]
    [InlineData("x\\nBearer Hunter2abcdef0123456789", "x\\nBearer [redacted: 23]")]
    public void A_key_or_token_right_after_an_escaped_line_end_is_found(string text, string expected) =>
        Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("{\"name\":\"/app/flag\",\"type\":\"String\",\"value\":\"on-prem\",\"note\":\"password rotation\"}")]
    [InlineData("[{\"name\":\"LOG_LEVEL\",\"value\":\"debug\"},{\"name\":\"DB_PASSWORD_ARN\",\"value\":\"arn:aws:secretsmanager:us-east-1:1:secret:db\"}]")]
    [InlineData("Invalid value: abc for the password policy")]
    [InlineData("1 validation error detected: Value 'abc' at 'passwordPolicy.minimumLength' failed to satisfy constraint")]
    [InlineData("{\"secret id\": \"abc\", \"password policy\": \"strict\", \"the message\": \"no password here\"}")]
    [InlineData("C:\\temp\\notes.txt: line\\nnext: value")]
    [InlineData("{\"passwordLength\": 16, \"tokenCount\": 3, \"pass\\u0077ordLastUsed\": \"2024-01-01\"}")]
    public void Settings_identifiers_and_plain_values_read_unchanged(string text) => Assert.Same(text, Redact(text));
}
