using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Redrive;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Cli;

/// <summary>
/// Writes a redrive to the standard streams. Standard output: one line per published message
/// (<c>SQS_MESSAGE_ID SNS_MESSAGE_ID</c>), or in a dry run each notification as <c>render</c> prints it under a heading
/// naming the message. Standard error: one line per message left in the queue, progress, and the summary. A message's
/// body is never printed, only its id: the event in it may hold secrets.
/// </summary>
internal sealed class RedriveConsoleReport(CliEnvironment environment) : IRedriveReport
{
    private bool _first = true;

    public void Published(DeadLetter message, DeadLetterContent content, PublishReceipt receipt)
    {
        var stdout = environment.StandardOutput;
        stdout.Write(Id(message));
        stdout.Write(' ');
        stdout.Write(receipt.MessageId ?? PublishCommand.UnknownMessageId);
        stdout.Write('\n');
        stdout.Flush();
        if (receipt.MessageId is null)
        {
            environment.WriteWarning($"message {Id(message)}: published, {receipt.Note}");
        }
    }

    public void Rendered(DeadLetter message, DeadLetterContent content, Notification notification)
    {
        var stdout = environment.StandardOutput;
        stdout.Write(_first ? "===== message " : "\n===== message ");
        _first = false;
        stdout.Write(Id(message));
        stdout.Write(" (");
        stdout.Write(content.Describe());
        stdout.Write(") =====\n");
        NotificationText.Write(stdout, notification);
    }

    public void Left(DeadLetter message, string problem)
    {
        environment.StandardOutput.Flush();
        environment.WriteError($"message {Id(message)}: {problem}; left in the queue");
    }

    public void Failed(DeadLetter message, SnsPublishException error)
    {
        environment.StandardOutput.Flush();
        environment.WriteError($"message {Id(message)}: not published, {error.Code}: {error.Message}; left in the queue");
    }

    public void QueueProblem(string problem)
    {
        environment.StandardOutput.Flush();
        environment.WriteError(problem);
    }

    public void Progress(RedriveSummary soFar)
    {
        environment.StandardOutput.Flush();
        WriteLine($"redrive: {soFar.Handled} messages so far ({soFar.Published} published, {soFar.Rendered} rendered, {soFar.Left} left, {soFar.Failed} failed)");
    }

    public void Summary(RedriveSummary summary, bool dryRun)
    {
        environment.StandardOutput.Flush();
        WriteLine(summary.Line(dryRun));
    }

    private void WriteLine(string line)
    {
        environment.StandardError.Write(Rendering.SafeText.Clean(line, 2000, markSpaceRuns: false));
        environment.StandardError.Write('\n');
        environment.StandardError.Flush();
    }

    /// <summary>SQS's own id, cleaned all the same: one line, nothing that could pass for something else.</summary>
    private static string Id(DeadLetter message) => Rendering.SafeText.Clean(message.MessageId, 100, markSpaceRuns: false);
}
