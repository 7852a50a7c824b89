using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Rendering.Languages;
using CloudTrailNotifier.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>
/// The details' shortcut for short printable ASCII (shown without going through <see cref="EmailText"/>) writes exactly
/// what the slow path writes: a web scheme's colon without slashes (<c>https:3640133122</c>, <c>ws:evil</c>) is
/// defanged in Request parameters and Response elements as it is in the subject and summary.
/// </summary>
public sealed class DetailsWriterTests
{
    private static readonly Texts English = Texts.For(NotificationLanguage.English);

    /// <summary>What the slow path writes for one member: the key and value through <see cref="EmailText.Append"/>.</summary>
    private static string SlowPath(string key, string value)
    {
        var expected = new StringBuilder("  ");
        EmailText.Append(expected, key, DetailsWriter.MaxKeyChars);
        expected.Append(": ");
        var omitted = EmailText.Append(expected, value, DetailsWriter.MaxValueChars);
        if (omitted > 0)
        {
            expected.Append(' ').Append(English.CharactersOmitted(omitted));
        }

        return expected.Append('\n').ToString();
    }

    /// <summary>The member as the details write it, its JSON escaping only what JSON must (so that most values take the shortcut).</summary>
    private static string Written(string key, string value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString(key, value);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        var builder = new StringBuilder();
        new DetailsWriter(builder, English).Write(document.RootElement, maxLines: 10, maxChars: 10_000);
        return builder.ToString();
    }

    [Property(Arbitrary = [typeof(DetailsValues)], MaxTest = 3000)]
    public void A_key_and_a_value_are_written_as_the_slow_path_writes_them(string key, string value)
    {
        Assert.Equal(SlowPath(key, value), Written(key, value));
    }

    [Theory]
    [InlineData("https:3640133122", "https[:]3640133122")]
    [InlineData("https:evil", "https[:]evil")]
    [InlineData("https:%65vil", "https[:]%65vil")]
    [InlineData("https:/evil", "https[:]/evil")]
    [InlineData("ws:evil", "ws[:]evil")]
    [InlineData("HTTP:x", "HTTP[:]x")]
    [InlineData("https:[::1]", "https[:][::1]")]
    [InlineData("[Approve](https:3640133122)", "[Approve](https[:]3640133122)")]
    [InlineData("x:ftp:evil", "x:ftp[:]evil")]
    [InlineData("https://x", "https[:]//x")]
    [InlineData("arn:aws:iam::111111111111:role/deploy", "arn:aws:iam::111111111111:role/deploy")]
    [InlineData("s3:GetObject", "s3:GetObject")]
    [InlineData("2025-03-14T11:15:52Z", "2025-03-14T11:15:52Z")]
    [InlineData("xhttps:x", "xhttps:x")]
    [InlineData("protocol:https", "protocol:https")]
    [InlineData("https:", "https:")]
    [InlineData("s3://bucket/key", "s3://bucket/key")]
    public void A_value_and_a_key_are_defanged_only_where_a_client_would_link(string value, string shown)
    {
        Assert.Equal($"  k: {shown}\n", Written("k", value));
        Assert.Equal($"  {shown}: v\n", Written(value, "v"));
    }

    [Fact]
    public void The_reviewed_slashless_lures_link_nowhere_in_any_output_of_either_language()
    {
        string[] lures = ["https:3640133122", "https:evil", "https:%65vil", "https:/evil", "ws:evil", "https:[::1]"];
        var members = """
            {"userName":"https:3640133122","https:3640133122":"see","md":"[Approve](https:3640133122)","md2":"[Approve](https:/evil)",
             "c06":"https:evil","c07":"https:%65vil","c09":"https:/evil","c46":"ws:evil","c50":"https:[::1]","arn":"arn:aws:iam::111111111111:user/x"}
            """;
        var bytes = TestEvents.Envelope(
            $$"""
            {"eventSource":"iam.amazonaws.com","eventName":"DeleteUser","awsRegion":"eu-west-1","recipientAccountId":"111111111111",
             "eventID":"dc3d716b-f22f-45fd-a5f0-f21231a06a7c","userIdentity":{"type":"IAMUser","userName":"alice","accountId":"111111111111"},
             "requestParameters":{{members}},"responseElements":{{members}}}
            """);
        string[] shown =
        [
            "  userName: https[:]3640133122\n", "  https[:]3640133122: see\n", "  md: [Approve](https[:]3640133122)\n", "  md2: [Approve](https[:]/evil)\n",
            "  c06: https[:]evil\n", "  c07: https[:]%65vil\n", "  c09: https[:]/evil\n", "  c46: ws[:]evil\n", "  c50: https[:][::1]\n",
            "  arn: arn:aws:iam::111111111111:user/x\n",
        ];

        var notifiers = EveryOutput.Notifiers();
        for (var language = 0; language < notifiers.Length; language++)
        {
            var notification = notifiers[language].Notify(bytes);

            Assert.Contains("https[:]3640133122", notification.Subject, StringComparison.Ordinal);
            foreach (var line in shown)
            {
                // Once in Request parameters, once in Response elements.
                Assert.Equal(2, Count(notification.Message, line));
            }

            foreach (var output in EveryOutput.Of(notification).Select(OutputStrings.Decoded))
            {
                Assert.All(lures, lure => Assert.DoesNotContain(lure, output, StringComparison.Ordinal));
            }
        }
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
