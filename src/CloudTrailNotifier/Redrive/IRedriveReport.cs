using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Redrive;

/// <summary>Where a redrive says what it did, message by message; the command line writes it to its standard streams.</summary>
internal interface IRedriveReport
{
    void Published(DeadLetter message, DeadLetterContent content, PublishReceipt receipt);

    void Rendered(DeadLetter message, DeadLetterContent content, Notification notification);

    /// <param name="problem">This program's own sentence: the message's body is never quoted.</param>
    void Left(DeadLetter message, string problem);

    void Failed(DeadLetter message, SnsPublishException error);

    /// <summary>A queue call that failed, one line.</summary>
    void QueueProblem(string problem);

    void Progress(RedriveSummary soFar);
}
