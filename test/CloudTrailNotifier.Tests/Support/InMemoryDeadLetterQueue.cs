using CloudTrailNotifier.Redrive;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// A dead-letter queue in memory with SQS's visibility rules: a received message is hidden until deleted or released
/// (or, with <see cref="RedeliverHidden"/>, shown again at the next receive, as after a visibility timeout). Every
/// call is written to <see cref="Log"/> in order, so tests can say what happened before what.
/// </summary>
internal sealed class InMemoryDeadLetterQueue : IDeadLetterQueue
{
    private readonly List<DeadLetter> _messages = [];
    private readonly HashSet<string> _hidden = new(StringComparer.Ordinal);
    private int _receipts;

    public List<string> Log { get; } = [];

    /// <summary>Hidden messages come back at the next receive, as if every visibility timeout had just run out.</summary>
    public bool RedeliverHidden { get; init; }

    /// <summary>Receives fail with this, when set.</summary>
    public string? ReceiveFailure { get; set; }

    public IReadOnlyList<string> Remaining => _messages.Select(m => m.MessageId).ToList();

    public IReadOnlyList<string> Hidden => _hidden.ToList();

    public void Add(DeadLetter message) => _messages.Add(message);

    public Task<IReadOnlyList<DeadLetter>> ReceiveAsync(int max, CancellationToken cancellationToken)
    {
        Log.Add($"receive {max}");
        if (ReceiveFailure is not null)
        {
            throw new DeadLetterQueueException(ReceiveFailure);
        }

        if (RedeliverHidden)
        {
            _hidden.Clear();
        }

        var batch = _messages.Where(m => !_hidden.Contains(m.MessageId)).Take(Math.Min(max, 10))
            .Select(m => m with { ReceiptHandle = $"{m.MessageId}#{++_receipts}" })
            .ToList();
        batch.ForEach(m => _hidden.Add(m.MessageId));
        return Task.FromResult<IReadOnlyList<DeadLetter>>(batch);
    }

    public Task<IReadOnlyList<(DeadLetter Message, string Problem)>> DeleteAsync(IReadOnlyList<DeadLetter> messages, CancellationToken cancellationToken)
    {
        Assert.InRange(messages.Count, 1, 10);
        foreach (var message in messages)
        {
            Log.Add($"delete {message.MessageId}");
            _messages.RemoveAll(m => m.MessageId == message.MessageId);
            _hidden.Remove(message.MessageId);
        }

        return Task.FromResult<IReadOnlyList<(DeadLetter, string)>>([]);
    }

    public Task<IReadOnlyList<(DeadLetter Message, string Problem)>> ReleaseAsync(IReadOnlyList<DeadLetter> messages, CancellationToken cancellationToken)
    {
        Assert.InRange(messages.Count, 1, 10);
        foreach (var message in messages)
        {
            Log.Add($"release {message.MessageId}");
            _hidden.Remove(message.MessageId);
        }

        return Task.FromResult<IReadOnlyList<(DeadLetter, string)>>([]);
    }
}
