namespace CloudTrailNotifier.Notifications;

/// <summary>The language every label and sentence of a notification is written in.</summary>
internal enum NotificationLanguage
{
    English,
    Japanese,
}
