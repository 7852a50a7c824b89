using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Rendering.Languages;

/// <summary>
/// The few words only a chat card needs, in one language; every other label and sentence of a card is the email's
/// (<see cref="Texts"/>, <see cref="AssessmentTexts"/>). Arguments are already escaped by the caller.
/// </summary>
internal abstract class ChatTexts
{
    public static ChatTexts For(NotificationLanguage language) =>
        language == NotificationLanguage.Japanese ? JapaneseChatTexts.Instance : EnglishChatTexts.Instance;

    /// <summary>The card's last line: where the rest is.</summary>
    public abstract string DetailsInEmail { get; }

    /// <summary>Said when lines were left out to keep the card within chat's limits.</summary>
    public abstract string LinesOmitted(int lines);

    /// <summary>The first line of the card for an event that could not be interpreted.</summary>
    public abstract string FallbackHeadline { get; }

    /// <summary>The label of the start of such an event's text.</summary>
    public abstract string FallbackExcerpt { get; }

    /// <summary>The card's <c>eventType</c> for an event that could not be interpreted.</summary>
    public virtual string FallbackEventType => "CloudTrailNotifier uninterpretable event";

    /// <summary>The severity as an emoji the chat platform shows in colour.</summary>
    public static string SeverityEmoji(Severity severity) => severity switch
    {
        Severity.Critical => ":red_circle:",
        Severity.High => ":large_orange_circle:",
        Severity.Notice => ":large_yellow_circle:",
        _ => ":white_circle:",
    };
}
