using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Redrive;

/// <summary>
/// Drains the dead-letter queue: each message's event is rendered exactly as the function renders it and published,
/// and a message is deleted only after its notification was published. A message with no event in it, or whose
/// publish failed, stays in the queue: hidden while the run lasts (so it is not read twice), released at the end.
/// The first failed publish (after the publisher's own retries) ends the run: the topic is most likely still broken,
/// and the messages not yet tried stay untouched.
/// </summary>
/// <param name="publish">Publishes one notification; null for a dry run.</param>
internal sealed class Redriver(
    IDeadLetterQueue queue,
    Notifier notifier,
    Func<Notification, CancellationToken, Task<PublishReceipt>>? publish,
    IRedriveReport report,
    RedriveOptions options)
{
    private const int BatchSize = 10;

    /// <summary>Messages this run keeps hidden in the queue, by id, with their newest receipt; released at the end.</summary>
    private readonly Dictionary<string, DeadLetter> _held = new(StringComparer.Ordinal);

    private int _published;
    private int _rendered;
    private int _left;
    private int _failed;
    private int _queueProblems;
    private string? _stopped;

    public async Task<RedriveSummary> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DrainAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _stopped = "interrupted";
        }
        finally
        {
            // Not cancellable: what this run hid must become visible again, interrupted or not.
            await ReleaseHeldAsync().ConfigureAwait(false);
        }

        return Summary();
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var quiet = 0;
        while (_stopped is null && quiet < options.EmptyReceivesToStop && Remaining() > 0)
        {
            IReadOnlyList<DeadLetter> batch;
            try
            {
                batch = await queue.ReceiveAsync(Math.Min(BatchSize, Remaining()), cancellationToken).ConfigureAwait(false);
            }
            catch (DeadLetterQueueException ex)
            {
                QueueProblem($"cannot receive from the queue: {ex.Message}");
                _stopped = "the queue could not be read";
                return;
            }

            var fresh = new List<DeadLetter>(batch.Count);
            foreach (var message in batch)
            {
                if (_held.ContainsKey(message.MessageId))
                {
                    _held[message.MessageId] = message; // seen before, visible again: keep the newest receipt to release
                }
                else
                {
                    fresh.Add(message);
                }
            }

            quiet = fresh.Count == 0 ? quiet + 1 : 0;
            await HandleBatchAsync(fresh, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleBatchAsync(List<DeadLetter> batch, CancellationToken cancellationToken)
    {
        // Hidden by this run until deleted: whatever is not published (left, failed, not tried, interrupted) is released.
        foreach (var message in batch)
        {
            _held[message.MessageId] = message;
        }

        var published = new List<DeadLetter>(batch.Count);
        try
        {
            foreach (var message in batch)
            {
                if (_stopped is not null || Remaining() <= 0)
                {
                    break;
                }

                await HandleAsync(message, published, cancellationToken).ConfigureAwait(false);
                if (Summary() is { } soFar && soFar.Handled % options.ProgressEvery == 0)
                {
                    report.Progress(soFar);
                }
            }
        }
        finally
        {
            if (published.Count > 0)
            {
                await DeleteAsync(published).ConfigureAwait(false);
            }
        }
    }

    private async Task HandleAsync(DeadLetter message, List<DeadLetter> published, CancellationToken cancellationToken)
    {
        var content = DeadLetterReader.Read(message);
        if (!content.HasEvent)
        {
            _left++;
            report.Left(message, content.Problem!);
            return;
        }

        var notification = notifier.Notify(content.Event);
        if (publish is null)
        {
            _rendered++;
            report.Rendered(message, content, notification);
            return;
        }

        PublishReceipt receipt;
        try
        {
            receipt = await publish(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (SnsPublishException ex)
        {
            _failed++;
            report.Failed(message, ex);
            _stopped = "a publish failed; the messages not yet tried stay in the queue";
            return;
        }

        _published++;
        _held.Remove(message.MessageId);
        published.Add(message);
        report.Published(message, content, receipt);
    }

    /// <summary>Deletes what was published. A message that cannot be deleted will be notified again by the next redrive.</summary>
    private async Task DeleteAsync(List<DeadLetter> published)
    {
        try
        {
            // Not cancellable: an interrupted run must not leave published messages behind to be notified twice.
            foreach (var (message, problem) in await queue.DeleteAsync(published, CancellationToken.None).ConfigureAwait(false))
            {
                QueueProblem($"message {message.MessageId}: published, but not deleted ({problem}); the next redrive notifies it again");
            }
        }
        catch (DeadLetterQueueException ex)
        {
            QueueProblem($"{published.Count} published messages were not deleted ({ex.Message}); the next redrive notifies them again");
        }
    }

    private async Task ReleaseHeldAsync()
    {
        foreach (var chunk in _held.Values.Chunk(BatchSize))
        {
            try
            {
                foreach (var (message, problem) in await queue.ReleaseAsync(chunk, CancellationToken.None).ConfigureAwait(false))
                {
                    QueueProblem($"message {message.MessageId}: stays hidden until its visibility timeout ends ({problem})");
                }
            }
            catch (DeadLetterQueueException ex)
            {
                QueueProblem($"{chunk.Length} messages stay hidden until their visibility timeout ends ({ex.Message})");
            }
        }

        _held.Clear();
    }

    private int Remaining() => options.MaxMessages is { } max ? max - Summary().Handled : int.MaxValue;

    private void QueueProblem(string problem)
    {
        _queueProblems++;
        report.QueueProblem(problem);
    }

    private RedriveSummary Summary() => new(_published, _rendered, _left, _failed, _queueProblems, _stopped);
}
