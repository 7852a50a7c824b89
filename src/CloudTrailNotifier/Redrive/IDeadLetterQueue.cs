namespace CloudTrailNotifier.Redrive;

/// <summary>The dead-letter queue as redrive uses it; the command line implements it with AWSSDK.SQS.</summary>
internal interface IDeadLetterQueue
{
    /// <summary>
    /// Up to <paramref name="max"/> (at most 10) messages, waiting a while for the first; empty when the queue has
    /// none to give. Each message is hidden from other readers until it is deleted or released.
    /// </summary>
    /// <exception cref="DeadLetterQueueException">The queue could not be read.</exception>
    Task<IReadOnlyList<DeadLetter>> ReceiveAsync(int max, CancellationToken cancellationToken);

    /// <summary>Deletes the messages (at most 10); answers the ones that could not be deleted, each with why.</summary>
    /// <exception cref="DeadLetterQueueException">The request failed as a whole.</exception>
    Task<IReadOnlyList<(DeadLetter Message, string Problem)>> DeleteAsync(IReadOnlyList<DeadLetter> messages, CancellationToken cancellationToken);

    /// <summary>Makes the messages (at most 10) visible again at once; answers the ones that could not be released.</summary>
    /// <exception cref="DeadLetterQueueException">The request failed as a whole.</exception>
    Task<IReadOnlyList<(DeadLetter Message, string Problem)>> ReleaseAsync(IReadOnlyList<DeadLetter> messages, CancellationToken cancellationToken);
}
