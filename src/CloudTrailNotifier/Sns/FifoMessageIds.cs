using System.Security.Cryptography;
using System.Text;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Sns;

/// <summary>
/// The MessageGroupId and MessageDeduplicationId of a FIFO publish, both derived from the CloudTrail event id:
/// each event is its own group (CloudTrail gives no order worth keeping, and one shared group would serialise
/// delivery), and the same event published twice within SNS's five-minute window is delivered once.
/// </summary>
internal static class FifoMessageIds
{
    /// <summary>SNS allows 1 to 128 characters for both ids.</summary>
    private const int MaxLength = 128;

    public static string For(Notification notification)
    {
        var eventId = notification.EventId;
        if (eventId is { Length: > 0 and <= MaxLength } && eventId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return eventId;
        }

        // An event id of another shape (it comes from the event, so it is untrusted), or none at all: a digest
        // of it, or of what is published, which is as stable across retries of the same event.
        var source = eventId is { Length: > 0 } ? "event:" + eventId : "message:" + notification.Subject + "\n" + notification.Message;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
    }
}
