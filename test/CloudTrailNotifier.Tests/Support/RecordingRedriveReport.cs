using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Redrive;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>Keeps what a redrive reported, one line per call.</summary>
internal sealed class RecordingRedriveReport : IRedriveReport
{
    public List<string> Lines { get; } = [];

    public List<Notification> Rendered { get; } = [];

    public void Published(DeadLetter message, DeadLetterContent content, PublishReceipt receipt) =>
        Lines.Add($"published {message.MessageId} {content.Origin} {receipt.MessageId}");

    void IRedriveReport.Rendered(DeadLetter message, DeadLetterContent content, Notification notification)
    {
        Rendered.Add(notification);
        Lines.Add($"rendered {message.MessageId} {content.Origin}");
    }

    public void Left(DeadLetter message, string problem) => Lines.Add($"left {message.MessageId}: {problem}");

    public void Failed(DeadLetter message, SnsPublishException error) => Lines.Add($"failed {message.MessageId}: {error.Code}");

    public void QueueProblem(string problem) => Lines.Add($"queue: {problem}");

    public void Progress(RedriveSummary soFar) => Lines.Add($"progress {soFar.Handled}");
}
