using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Tests.Sns;

public sealed class PublishFormTests
{
    [Fact]
    public void The_form_carries_action_version_topic_subject_message_and_numbered_attributes()
    {
        var notification = new Notification("Sübject & more", "a=b&c\n+ 日本",
            [new MessageAttribute("eventName", "GetSecretValue"), new MessageAttribute("outcome", "failure")], null);

        var fields = Decode(PublishForm.Encode(notification, Arn()));

        Assert.Equal(
        [
            ("Action", "Publish"),
            ("Version", "2010-03-31"),
            ("TopicArn", "arn:aws:sns:us-east-1:123456789012:alerts"),
            ("Subject", "Sübject & more"),
            ("Message", "a=b&c\n+ 日本"),
            ("MessageAttributes.entry.1.Name", "eventName"),
            ("MessageAttributes.entry.1.Value.DataType", "String"),
            ("MessageAttributes.entry.1.Value.StringValue", "GetSecretValue"),
            ("MessageAttributes.entry.2.Name", "outcome"),
            ("MessageAttributes.entry.2.Value.DataType", "String"),
            ("MessageAttributes.entry.2.Value.StringValue", "failure"),
        ], fields);
    }

    [Fact]
    public void An_empty_subject_is_left_out_because_SNS_refuses_empty_subjects()
    {
        var fields = Decode(PublishForm.Encode(new Notification(string.Empty, "body", [], null), Arn()));

        Assert.DoesNotContain(fields, f => f.Name == "Subject");
    }

    [Fact]
    public void Only_unreserved_characters_appear_unencoded()
    {
        var body = System.Text.Encoding.ASCII.GetString(PublishForm.Encode(new Notification("s", "!*'();:@&=+$,/?#[] ~\"<>", [], null), Arn()));

        Assert.Matches("^[A-Za-z0-9._~%=&-]*$", body);
    }

    private static TopicArn Arn()
    {
        Assert.True(TopicArn.TryParse("arn:aws:sns:us-east-1:123456789012:alerts", out var arn, out _));
        return arn!;
    }

    private static List<(string Name, string Value)> Decode(byte[] body) =>
        System.Text.Encoding.UTF8.GetString(body).Split('&')
            .Select(pair => pair.Split('='))
            .Select(pair => (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])))
            .ToList();
}
