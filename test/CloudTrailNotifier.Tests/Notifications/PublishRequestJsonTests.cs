using System.Buffers;
using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Tests.Notifications;

/// <summary>The publish request JSON: its exact shape, optional members, and escaping of untrusted text.</summary>
public sealed class PublishRequestJsonTests
{
    private static readonly Notification Sample = new(
        "[AWS] alice called GetSecretValue",
        "Line one\nLine two",
        [new MessageAttribute("eventName", "GetSecretValue"), new MessageAttribute("severity", "high")],
        "e1");

    [Fact]
    public void Without_topic_or_fifo_id_the_request_is_subject_message_and_attributes_only()
    {
        Assert.Equal(
            """{"Subject":"[AWS] alice called GetSecretValue","Message":"Line one\nLine two","MessageAttributes":{"eventName":{"DataType":"String","StringValue":"GetSecretValue"},"severity":{"DataType":"String","StringValue":"high"}}}""",
            PublishRequestJson.Write(Sample));
    }

    [Fact]
    public void A_topic_comes_first_and_a_fifo_id_is_both_group_and_deduplication_id()
    {
        using var document = JsonDocument.Parse(PublishRequestJson.Write(Sample, "arn:aws:sns:us-east-1:111111111111:t.fifo", "abc"));
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToArray();

        Assert.Equal(["TopicArn", "Subject", "Message", "MessageGroupId", "MessageDeduplicationId", "MessageAttributes"], names);
        Assert.Equal("arn:aws:sns:us-east-1:111111111111:t.fifo", document.RootElement.GetProperty("TopicArn").GetString());
        Assert.Equal("abc", document.RootElement.GetProperty("MessageGroupId").GetString());
        Assert.Equal("abc", document.RootElement.GetProperty("MessageDeduplicationId").GetString());
    }

    [Fact]
    public void Untrusted_text_stays_one_line_and_reads_back_unchanged()
    {
        const string Hostile = "x\"}\r\n{\"Subject\":\"forged\u2028\u0000";
        var notification = new Notification(Hostile, Hostile, [new MessageAttribute("actor", Hostile)], null);

        var json = PublishRequestJson.Write(notification);
        using var document = JsonDocument.Parse(json);

        Assert.DoesNotContain('\n', json);
        Assert.DoesNotContain('\r', json);
        Assert.DoesNotContain('\u2028', json);
        Assert.Equal(Hostile, document.RootElement.GetProperty("Subject").GetString());
        Assert.Equal(Hostile, document.RootElement.GetProperty("Message").GetString());
        Assert.Equal(Hostile, document.RootElement.GetProperty("MessageAttributes").GetProperty("actor").GetProperty("StringValue").GetString());
        Assert.Equal(3, document.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public void The_buffer_form_appends_the_same_bytes_as_the_string_form()
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("before|"u8);
        PublishRequestJson.Write(buffer, Sample, "arn:aws:sns:us-east-1:111111111111:t");

        Assert.Equal("before|" + PublishRequestJson.Write(Sample, "arn:aws:sns:us-east-1:111111111111:t"), Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
