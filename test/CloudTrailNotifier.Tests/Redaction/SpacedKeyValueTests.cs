using System.Text.Json;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Redaction;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// A secret key followed by only a space and its value in free text (<c>apikey Hunter2</c> in an error message or a user
/// agent): the value is hidden when it looks like one (letters with digits or signs, digits alone, random-looking case),
/// and prose that uses the same words (<c>password policy</c>, <c>token expired</c>) stays. End to end in every output,
/// both languages, and the text shown for the same event cut short.
/// </summary>
public sealed class SpacedKeyValueTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    private static readonly Notifier[] Notifiers = EveryOutput.Notifiers();

    public static TheoryData<string, string> Hidden() => new()
    {
        { "auth failed: apikey Hunter2xyz9", "auth failed: apikey [redacted: 11]" },
        { "apikey Hunter2xyz9", "apikey [redacted: 11]" },
        { "password Hunter2", "password [redacted: 7]" },
        { "login with password  P@ssword!", "login with password  [redacted: 8]!" },   // two spaces; the sign at the sentence's end stays
        { "DB_PASSWORD Hunter2 rejected", "DB_PASSWORD [redacted: 7] rejected" },
        { "client_secret AbCdEfGhIjKlMnOp", "client_secret [redacted: 16]" },          // no digit, but not how words are written
        { "token 918273645.", "token [redacted: 9]." },
        { "x-api-key Hunter2xyz9;", "x-api-key [redacted: 11];" },
        { "api key Hunter2xyz9", "api key [redacted: 11]" },                            // a key of two words
        { "Secret Key Hunter2xyz9", "Secret Key [redacted: 11]" },
        { "password ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8", "password ghp_[redacted: 36]" }, // the token's rule: its prefix stays
        { "パスワード Hunter2", "パスワード [redacted: 7]" },
        { "ｐａｓｓｗｏｒｄ Hunter2", "ｐａｓｓｗｏｒｄ [redacted: 7]" },
    };

    [Theory]
    [MemberData(nameof(Hidden))]
    public void The_value_looking_word_after_a_secret_key_and_a_space_is_hidden(string text, string redacted) =>
        Assert.Equal(redacted, TextRedactor.Redact(text, Markers));

    [Theory]
    [InlineData("password policy")]
    [InlineData("The security token expired")]
    [InlineData("token expired at noon")]
    [InlineData("Password does not conform to policy: Password not long enough")]
    [InlineData("The parameter MasterUserPassword is not a valid password because it is shorter than 8 characters.")]
    [InlineData("Secret Key rotation")]
    [InlineData("secret arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/db-AbC123 not found")] // an ARN
    [InlineData("token https://example.com/t1")]                                                    // a URL
    [InlineData("credentials AKIAIOSFODNN7EXAMPLE expired")]                                       // an access key id
    [InlineData("token-file /var/run/token1")]                                                     // a path
    [InlineData("pass 2FA1 step")]                                                                 // short; and pass is a verb
    [InlineData("pin 1234")]
    [InlineData("session i-0abc123def456789")]                                                    // secret only as a scalar
    [InlineData("nextToken AbC123xyz9")]                                                           // a paging token, kept
    [InlineData("psql --password --host db1")]
    [InlineData("docker login --password-stdin 111111111111.dkr.ecr.us-east-1.amazonaws.com")]      // a flag's argument: TextArguments judges it
    public void Prose_and_identifiers_after_a_secret_word_stay(string text) =>
        Assert.Equal(text, TextRedactor.Redact(text, Markers));

    [Fact]
    public void The_first_look_never_clears_a_string_with_a_spaced_secret()
    {
        foreach (var json in new[]
        {
            new JsonObject { ["userAgent"] = "bot/1.0 apikey Hunter2xyz9" }.ToJsonString(),
            new JsonObject { ["errorMessage"] = "password Hunter2" }.ToJsonString(),
        })
        {
            var redactor = new JsonRedactor(Markers);
            using var document = JsonDocument.Parse(json, InputReader.Options);
            Assert.True(redactor.FullWalkChanges(document.RootElement), json);
            Assert.False(redactor.FirstLookClears(document.RootElement), json);
        }
    }

    [Fact]
    public void No_spaced_secret_reaches_any_output_in_either_language_nor_the_text_of_a_damaged_event()
    {
        var bytes = TestEvents.SeedWith(detail =>
        {
            detail["userAgent"] = "deploy-bot/1.0 apikey Hunter2ua9";
            detail["errorCode"] = "AccessDenied";
            detail["errorMessage"] = "login failed for password Hunter2em9; the token expired";
            detail["requestParameters"] = new JsonObject { ["secretId"] = "prod/db", ["note"] = "rotate with api key Hunter2note9 password policy" };
        });
        foreach (var notifier in Notifiers)
        {
            foreach (var notification in new[] { notifier.Notify(bytes), notifier.Notify(bytes[..^1]) })
            {
                foreach (var output in EveryOutput.Of(notification).SelectMany(o => new[] { o, OutputStrings.Decoded(o) }))
                {
                    Assert.DoesNotContain("Hunter2", output, StringComparison.Ordinal);
                }
            }
        }

        var english = Notifiers[0].Notify(bytes);
        Assert.Contains("deploy-bot/1.0 apikey [redacted: 10 characters]", english.Message, StringComparison.Ordinal);
        Assert.Contains("password [redacted: 10 characters]; the token expired", english.Message, StringComparison.Ordinal);
        Assert.Contains("api key [redacted: 12 characters] password policy", english.Message, StringComparison.Ordinal);
        Assert.Contains("apikey [秘匿: 10 文字]", Notifiers[1].Notify(bytes).Message, StringComparison.Ordinal);
    }
}
