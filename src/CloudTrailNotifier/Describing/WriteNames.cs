namespace CloudTrailNotifier.Describing;

/// <summary>
/// Whether a call is named for a change, for records that do not carry <c>readOnly</c> (records written before
/// CloudTrail added the field, and a few services that leave it out). Only plain API calls are judged; a sign-in, a
/// service event or an Insights event is never taken for a change by its name.
/// </summary>
internal static class WriteNames
{
    /// <summary>Verbs that begin the names of AWS calls that change something (CreateUser, DeleteBucket, PutBucketPolicy).</summary>
    private static readonly string[] Verbs =
    [
        "Create", "Delete", "Put", "Update", "Attach", "Detach", "Add", "Remove", "Modify", "Set", "Start", "Stop",
        "Run", "Terminate", "Authorize", "Revoke", "Enable", "Disable", "Register", "Deregister", "Associate",
        "Disassociate", "Reset", "Restore", "Import", "Change", "Replace", "Reboot", "Invite", "Leave", "Upload",
        "Copy", "Schedule", "Cancel", "Tag", "Untag", "Accept", "Reject", "Share", "Publish", "Rotate", "Purge",
    ];

    public static bool Suggests(RuleInput i) =>
        !i.Facts.IsSignIn && i.Facts.Event.EventType is null or "AwsApiCall" && i.EventName is { } name && Suggests(name);

    public static bool Suggests(string eventName)
    {
        foreach (var verb in Verbs)
        {
            if (eventName.StartsWith(verb, StringComparison.Ordinal)
                && (eventName.Length == verb.Length || char.IsAsciiLetterUpper(eventName[verb.Length])))
            {
                return true;
            }
        }

        return false;
    }
}
