using System.Text;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Describing.Tampering;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>
/// An EventBridge event whose source does not start with aws. was not sent by AWS: anyone allowed events:PutEvents
/// on the bus can send a CloudTrail-shaped one. Its notification says so first, in the subject, the body and the chat
/// card, in both languages; a bare CloudTrail record (no envelope) and AWS's own sources are not marked.
/// </summary>
public sealed class ForeignSourceTests
{
    private static readonly TamperWatch Stack = TamperWatch.Parse(SampleStack.WatchList, SampleStack.Function, out _)!;
    private static readonly Notifier English = new(RenderOptions.Default with { TamperWatch = Stack, ChatCards = true });
    private static readonly Notifier Japanese = new(RenderOptions.Default with
    {
        Language = NotificationLanguage.Japanese, TamperWatch = Stack, ChatCards = true,
    });

    private static JsonObject StopLogging() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.EventsDirectory, "cloudtrail-stop-logging.json")))!.AsObject();

    private static string Card(string? card, string field) => JsonNode.Parse(card!)!["content"]![field]!.GetValue<string>();

    private static byte[] WithSource(string? source)
    {
        var envelope = StopLogging();
        if (source is null)
        {
            envelope.Remove("source");
        }
        else
        {
            envelope["source"] = source;
        }

        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    [Fact]
    public void A_forged_tampering_alert_says_first_that_it_is_not_from_aws_in_subject_body_card_and_attributes()
    {
        var english = English.Notify(WithSource("com.example.orders"));
        var japanese = Japanese.Notify(WithSource("com.example.orders"));

        Assert.StartsWith("[CRITICAL][NOT FROM AWS][TAMPERING] StopLogging", english.Subject, StringComparison.Ordinal);
        Assert.StartsWith("[重大][AWS以外から][改ざん] ", japanese.Subject, StringComparison.Ordinal);
        const string Line = "\n  ! Not from AWS: the event's source is com.example.orders, and only sources starting with aws. are AWS's own. "
            + "Anyone allowed events:PutEvents on the bus could have sent it";
        Assert.Contains(Line, english.Message, StringComparison.Ordinal);
        Assert.Contains("\n  ! AWS 以外から: イベントの送信元 (source) は com.example.orders です。", japanese.Message, StringComparison.Ordinal);
        Assert.Contains("events:PutEvents を許可された誰でも送れ", japanese.Message, StringComparison.Ordinal);
        Assert.True(english.Message.IndexOf("Not from AWS", StringComparison.Ordinal) < english.Message.IndexOf("Tampering:", StringComparison.Ordinal));
        Assert.Contains("Not from AWS: the event's source is `com.example.orders`", Card(english.ChatCard, "description"), StringComparison.Ordinal);
        Assert.Contains("NOT FROM AWS", Card(english.ChatCard, "title"), StringComparison.Ordinal);
        Assert.Contains("AWS 以外から", Card(japanese.ChatCard, "description"), StringComparison.Ordinal);
        Assert.StartsWith("NotFromAws,Tampering", Assert.Single(english.Attributes, a => a.Name == "signals").Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("aws")]
    [InlineData("AWS.cloudtrail")]
    [InlineData("awscloudtrail")]
    [InlineData(" aws.cloudtrail")]
    public void Any_source_that_does_not_start_with_aws_dot_is_marked(string? source)
    {
        var notification = English.Notify(WithSource(source));

        Assert.Contains("[NOT FROM AWS]", notification.Subject, StringComparison.Ordinal);
        Assert.Contains(string.IsNullOrEmpty(source) ? "Not from AWS: the event names no source," : "Not from AWS: the event's source is ", notification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_source_is_escaped_and_defanged_like_every_value()
    {
        var notification = English.Notify(WithSource("evil.com\nSubject: fake https://evil.com"));

        Assert.Contains("evil[.]com\\nSubject: fake https[:]//evil[.]com", notification.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("https://evil", notification.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("https://evil", Card(notification.ChatCard, "description"), StringComparison.Ordinal);
    }

    [Fact]
    public void AWS_sources_and_bare_records_are_not_marked()
    {
        var real = English.Notify(WithSource("aws.cloudtrail"));
        var bare = English.Notify(Encoding.UTF8.GetBytes(StopLogging()["detail"]!.ToJsonString()));

        Assert.StartsWith("[CRITICAL][TAMPERING] StopLogging", real.Subject, StringComparison.Ordinal);
        Assert.StartsWith("[CRITICAL][TAMPERING] StopLogging", bare.Subject, StringComparison.Ordinal);
        foreach (var notification in new[] { real, bare })
        {
            Assert.DoesNotContain("NOT FROM AWS", notification.Subject, StringComparison.Ordinal);
            Assert.DoesNotContain("Not from AWS", notification.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("NotFromAws", Assert.Single(notification.Attributes, a => a.Name == "signals").Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_corpus_envelope_is_from_aws_and_unmarked()
    {
        foreach (var corpusEvent in Corpus.All)
        {
            var notification = English.Notify(Encoding.UTF8.GetBytes(corpusEvent.Json));
            Assert.DoesNotContain("NOT FROM AWS", notification.Subject, StringComparison.Ordinal);
        }
    }
}
