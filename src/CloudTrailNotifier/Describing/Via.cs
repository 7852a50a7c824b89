namespace CloudTrailNotifier.Describing;

/// <summary>Values of <see cref="EventFacts.Via"/> that are not a service name.</summary>
internal static class Via
{
    /// <summary>AWS forwarded the person's console action (<c>sourceIPAddress</c> "AWS Internal").</summary>
    public const string Console = "console";
}
