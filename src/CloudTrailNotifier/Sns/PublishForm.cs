using System.Text;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Sns;

/// <summary>The body of an SNS Query API <c>Publish</c> call (form-encoded, API version 2010-03-31).</summary>
internal static class PublishForm
{
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public static byte[] Encode(Notification notification, TopicArn topic)
    {
        var form = new StringBuilder(notification.Message.Length * 2 + 256);
        Add(form, "Action", "Publish");
        Add(form, "Version", "2010-03-31");
        Add(form, "TopicArn", topic.Value);
        if (notification.Subject.Length > 0)
        {
            Add(form, "Subject", notification.Subject);
        }

        Add(form, "Message", notification.Message);
        if (topic.IsFifo)
        {
            // A FIFO topic refuses a publish without a group; the deduplication id makes a redelivered event
            // (a Lambda retry of the same CloudTrail event within five minutes) one message, not two.
            var id = FifoMessageIds.For(notification);
            Add(form, "MessageGroupId", id);
            Add(form, "MessageDeduplicationId", id);
        }

        for (var i = 0; i < notification.Attributes.Count; i++)
        {
            var attribute = notification.Attributes[i];
            var prefix = $"MessageAttributes.entry.{i + 1}.";
            Add(form, prefix + "Name", attribute.Name);
            Add(form, prefix + "Value.DataType", MessageAttribute.DataType);
            Add(form, prefix + "Value.StringValue", attribute.Value);
        }

        return Encoding.UTF8.GetBytes(form.ToString());
    }

    private static void Add(StringBuilder form, string name, string value)
    {
        if (form.Length > 0)
        {
            form.Append('&');
        }

        // RFC 3986 percent-encoding of the UTF-8 bytes: valid form encoding that every AWS endpoint reads.
        form.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }
}
