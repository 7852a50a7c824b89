namespace CloudTrailNotifier.Rendering.Chat;

/// <summary>
/// An Amazon Q Developer in chat applications custom notification (aws-facts.md section 4), every string already
/// safe for chat: <see cref="Title"/> and <see cref="Description"/> are chat markdown, the rest plain text.
/// </summary>
/// <param name="Id">Unique per event: the id the email's FIFO publish would carry (<see cref="Sns.FifoMessageIds"/>).</param>
/// <param name="ThreadId">The same for the same account, actor and resource (<see cref="ChatThread"/>), so repeats and digests thread together.</param>
internal sealed record ChatCard(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<string> Keywords,
    string ThreadId,
    string Summary,
    string EventType,
    IReadOnlyList<string> RelatedResources);
