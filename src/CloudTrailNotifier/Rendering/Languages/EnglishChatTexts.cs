namespace CloudTrailNotifier.Rendering.Languages;

/// <summary>The chat card's own words in English.</summary>
internal sealed class EnglishChatTexts : ChatTexts
{
    public static EnglishChatTexts Instance { get; } = new();

    public override string DetailsInEmail => "Identity, request and parameters in full: see the email notification.";

    public override string LinesOmitted(int lines) =>
        $"({lines} more {(lines == 1 ? "line" : "lines")} left out to fit chat; the email has everything.)";

    public override string FallbackHeadline =>
        "CloudTrailNotifier received an event it could not interpret. The email notification carries it as received, so nothing is lost.";

    public override string FallbackExcerpt => "Start of the event";
}
