using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Cli;

/// <summary>A notification as text on the console: the subject line, a blank line, the body ending in a newline.</summary>
internal static class NotificationText
{
    public static void Write(TextWriter output, Notification notification)
    {
        output.Write("Subject: ");
        output.Write(notification.Subject);
        output.Write("\n\n");
        output.Write(notification.Message);
        if (!notification.Message.EndsWith('\n'))
        {
            output.Write('\n');
        }
    }
}
