using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Notifications;

/// <summary>
/// The publish request written by hand gives exactly the bytes Utf8JsonWriter with the relaxed encoder gives for
/// the same members in the same order (how it was written before): every corpus notification in both languages, with
/// and without topic and FIFO id, and notifications made of hostile and random text in every member and name.
/// </summary>
public sealed class PublishRequestJsonOracleTests
{
    private const string Topic = "arn:aws:sns:us-east-1:111111111111:alerts.fifo";

    [Fact]
    public void Every_corpus_request_in_both_languages_is_what_the_json_writer_writes()
    {
        foreach (var options in new[] { RenderOptions.Default, RenderOptions.Default with { Language = NotificationLanguage.Japanese } })
        {
            var notifier = new Notifier(options);
            foreach (var corpusEvent in Corpus.All)
            {
                var notification = notifier.Notify(Encoding.UTF8.GetBytes(corpusEvent.Json));
                Assert.True(Ours(notification, null, null) == Writers(notification, null, null), corpusEvent.Name);
                Assert.True(Ours(notification, Topic, "abc") == Writers(notification, Topic, "abc"), corpusEvent.Name);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("x\"}\r\n{\"Subject\":\"forged\u2028\u0000")]
    [InlineData("lone \uD800 high, lone \uDC00 low, \U0001F600 \u202E\u200B\uFEFF \\ / <script>&")]
    [InlineData("日本語　全角")]
    public void Hostile_text_in_every_member_is_what_the_json_writer_writes(string text)
    {
        var notification = new Notification(text, text, [new MessageAttribute(text, text), new MessageAttribute("n", text)], null);

        Assert.Equal(Writers(notification, text, text), Ours(notification, text, text));
        Assert.Equal(Writers(notification, null, null), Ours(notification, null, null));
        Assert.Equal(Writers(notification with { Attributes = [] }, null, null), Ours(notification with { Attributes = [] }, null, null));
    }

    [Property(MaxTest = 1000)]
    public Property Any_notification_is_what_the_json_writer_writes() =>
        Prop.ForAll(Arb.From(Notifications()), c => Ours(c.Notification, c.Topic, c.FifoId) == Writers(c.Notification, c.Topic, c.FifoId));

    [Fact]
    public void The_worst_case_size_holds_for_text_that_escapes_every_character()
    {
        var text = new string('\u0001', 5000) + new string('\uD800', 5000);
        var notification = new Notification(text, text, [new MessageAttribute(text, text)], null);

        var bytes = Encoding.UTF8.GetByteCount(PublishRequestJson.Write(notification, text, text));

        Assert.True(bytes <= PublishRequestJson.MaxBytes(notification, text, text), $"{bytes}");
        Assert.Equal(Writers(notification, text, text), Ours(notification, text, text));
    }

    private static Gen<(Notification Notification, string? Topic, string? FifoId)> Notifications()
    {
        var text = Texts();
        var maybe = Gen.OneOf(Gen.Constant<string?>(null), text.Select(t => (string?)t));
        var attribute = Gen.Zip(text, text).Select(p => new MessageAttribute(p.Item1, p.Item2));
        var attributes = Gen.Choose(0, 11).SelectMany(n => attribute.ListOf(n));
        return from subject in text
               from message in text
               from list in attributes
               from topic in maybe
               from fifoId in maybe
               select (new Notification(subject, message, list.ToList(), null), topic, fifoId);
    }

    /// <summary>Text mixing what needs escaping with what does not (as in <see cref="RelaxedJsonStringTests"/>).</summary>
    private static Gen<string> Texts()
    {
        var unit = Gen.OneOf(
            Gen.Choose(0x20, 0x7E).Select(i => ((char)i).ToString()),
            Gen.Choose(0, 0x1F).Select(i => ((char)i).ToString()),
            Gen.Elements("\n", "\r\n", "\t", "\"", "\\", "/", "<", "&", "\u007F", "\u00A0", "\u200B", "\u202E", "\u2028", "\uFEFF", "\u3000"),
            Gen.Choose(0x80, 0xFFFF).Select(i => ((char)i).ToString()),
            Gen.Choose(0xD800, 0xDFFF).Select(i => ((char)i).ToString()),
            Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32));
        return Gen.Choose(0, 60).SelectMany(n => unit.ListOf(n)).Select(parts => string.Concat(parts));
    }

    private static string Ours(Notification notification, string? topic, string? fifoId)
    {
        var buffer = new ArrayBufferWriter<byte>();
        PublishRequestJson.Write(buffer, notification, topic, fifoId);
        var text = PublishRequestJson.Write(notification, topic, fifoId);
        Assert.Equal(text, Encoding.UTF8.GetString(buffer.WrittenSpan));
        return Convert.ToHexString(buffer.WrittenSpan);
    }

    /// <summary>The request as Utf8JsonWriter writes it: the way it was written before it was written by hand.</summary>
    private static string Writers(Notification notification, string? topic, string? fifoId)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            if (topic is not null)
            {
                writer.WriteString("TopicArn", topic);
            }

            if (notification.Subject.Length > 0)
            {
                writer.WriteString("Subject", notification.Subject);
            }

            writer.WriteString("Message", notification.Message);
            if (fifoId is not null)
            {
                writer.WriteString("MessageGroupId", fifoId);
                writer.WriteString("MessageDeduplicationId", fifoId);
            }

            if (notification.Attributes.Count > 0)
            {
                writer.WriteStartObject("MessageAttributes");
                foreach (var attribute in notification.Attributes)
                {
                    writer.WriteStartObject(attribute.Name);
                    writer.WriteString("DataType", "String");
                    writer.WriteString("StringValue", attribute.Value);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Convert.ToHexString(buffer.WrittenSpan);
    }
}
