using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Redaction;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// Security review 23, T5: a token split by an invisible format character (U+200B, U+00AD, U+2060, U+FEFF) or by an
/// escape of one of its characters (<c>\u0064</c>, <c>%64</c>) is one token to whoever reads it, so it is hidden whole;
/// so is a token after <c>_</c> or a digit, and one used as a JSON member name. End to end in every output, both languages.
/// </summary>
public sealed class SplitTokenTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    private static readonly Notifier[] Notifiers = EveryOutput.Notifiers();

    /// <summary>The two halves of the token every case below splits (ghp_ + 36 characters).</summary>
    private const string Head = "A1b2C3";

    private const string Tail = "d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

    public static TheoryData<string, string> Splits() => new()
    {
        { "ghp_" + Head + "\u200B" + Tail, "ghp_[redacted: 37]" },
        { "ghp_" + Head + "\u00AD" + Tail, "ghp_[redacted: 37]" },
        { "ghp_" + Head + "\u2060" + Tail, "ghp_[redacted: 37]" },
        { "ghp_" + Head + "\uFEFF" + Tail, "ghp_[redacted: 37]" },
        { "ghp_" + Head + "\U000E0020" + Tail, "ghp_[redacted: 38]" },        // a tag character: a surrogate pair of category Cf
        { "ghp_" + Head + "\\u0064" + Tail[1..], "ghp_[redacted: 41]" },      // a literal escape of d
        { "ghp_" + Head + "\\\\u0064" + Tail[1..], "ghp_[redacted: 42]" },    // ... escaped twice, as JSON text in JSON writes it
        { "ghp_" + Head + "%64" + Tail[1..], "ghp_[redacted: 38]" },          // a percent escape of d
        { "ghp_" + Head + "\\u200B" + Tail, "ghp_[redacted: 42]" },           // an escape of a format character
        { "MY_ghp_" + Head + Tail, "MY_ghp_[redacted: 36]" },                 // after _ (an environment variable's name)
        { "1ghp_" + Head + Tail, "1ghp_[redacted: 36]" },                      // after a digit
        { "xoxb-123456789012\u2060-1234567890123-AbCdEfGhIjKl", "xoxb-[redacted: 40]" },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void A_split_token_is_hidden_whole_in_text(string token, string hidden)
    {
        Assert.Equal($"auth {hidden} failed", TextRedactor.Redact($"auth {token} failed", Markers));
        Assert.Equal(hidden, TextRedactor.Redact(token, Markers));
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void The_first_look_never_clears_a_split_token_in_a_value_or_a_name(string token, string hidden)
    {
        _ = hidden;
        foreach (var json in new[]
        {
            new JsonObject { ["note"] = token }.ToJsonString(),
            new JsonObject { ["note"] = "ci " + token + " " + new string('x', 600) }.ToJsonString(),
            new JsonObject { [token] = "x" }.ToJsonString(),
            new JsonObject { ["map"] = new JsonObject { ["ci " + token] = 1 } }.ToJsonString(),
        })
        {
            var redactor = new JsonRedactor(Markers);
            using var document = JsonDocument.Parse(json, InputReader.Options);
            Assert.True(redactor.FullWalkChanges(document.RootElement), json);
            Assert.False(redactor.FirstLookClears(document.RootElement), json);
        }
    }

    [Fact]
    public void No_half_of_a_split_token_reaches_any_output_in_either_language_nor_the_text_of_a_damaged_event()
    {
        var request = new JsonObject { ["secretId"] = "ci/ghp_" + Head + "\u200B" + Tail };
        var k = 0;
        foreach (var row in Splits())
        {
            request["t" + k++] = (string)row[0];
        }

        request["ghp_" + Head + Tail] = "member name";
        request["names"] = new JsonObject { ["ghp_" + Head + "\u00AD" + Tail] = "split member name" };
        var bytes = TestEvents.SeedWith(detail =>
        {
            detail["requestParameters"] = request;
            detail["userAgent"] = "bot/1.0 xoxb-123456789012\u200B-1234567890123-AbCdEfGhIjKl";
        });
        foreach (var notifier in Notifiers)
        {
            foreach (var notification in new[] { notifier.Notify(bytes), notifier.Notify(bytes[..^1]) })
            {
                foreach (var output in EveryOutput.Of(notification).SelectMany(o => new[] { o, OutputStrings.Decoded(o) }))
                {
                    Assert.DoesNotContain(Tail[1..], output, StringComparison.Ordinal);
                    Assert.DoesNotContain(Head, output, StringComparison.Ordinal);
                    Assert.DoesNotContain("AbCdEfGhIjKl", output, StringComparison.Ordinal);
                }
            }
        }

        var english = Notifiers[0].Notify(bytes);
        Assert.Contains("ghp_[redacted: 37 characters]", english.Subject, StringComparison.Ordinal);
        Assert.Contains("MY_ghp_[redacted: 36 characters]", english.Message, StringComparison.Ordinal);
        Assert.Contains("ghp_[redacted: 36 characters]: member name", english.Message, StringComparison.Ordinal);
        Assert.Contains("ghp_[redacted: 37 characters]: split member name", english.Message, StringComparison.Ordinal);
        Assert.Contains("ghp_[秘匿: 37 文字]", Notifiers[1].Notify(bytes).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("myghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8")]         // inside a word of letters: a name
    [InlineData("MY_ghp_short_name 1ghp_ 2xoxb-short")]                   // after _ or a digit, but no token's length
    [InlineData("ghp_abc\u200Bdef ghp_\u200B")]                            // split, but short
    [InlineData("ghp_deployer%2Fprod ghp_x\\u002Fy")]                      // escapes of characters no body holds
    public void What_is_no_token_stays(string text) => Assert.Equal(text, TextRedactor.Redact(text, Markers));

    [Fact]
    public void A_member_name_without_a_token_is_written_as_it_came()
    {
        var redactor = new JsonRedactor(Markers);
        using var document = JsonDocument.Parse("""{"myghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8":"x","password":"hunter2-hunter2"}""");
        var redacted = Encoding.UTF8.GetString(redactor.Redact(document.RootElement)!);
        Assert.Equal("""{"myghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8":"x","password":"[redacted: 15]"}""", redacted);
    }
}
