using CloudTrailNotifier.State;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>
/// Runs several actors (sweeps, folding invocations) against one store so that their calls interleave in an order
/// the seed picks, the same order every time for the same seed: an actor's store call waits until every other actor
/// is waiting too (or done), then one waiting call, drawn at random, goes ahead alone. Each call is then atomic, as
/// DynamoDB's conditional writes are, and the actors meet in every order the draws allow. Needs an inner store that
/// answers without waiting on anything else (<see cref="ScriptedStateStore"/>) and sinks that answer at once. Calls
/// made outside <see cref="RunAsync"/> go straight through.
/// </summary>
internal sealed class TurnTakingStateStore(IStateStore inner, int seed) : GatedStateStore(inner)
{
    private readonly Lock _lock = new();
    private readonly Random _draw = new(seed);
    private readonly AsyncLocal<int> _actor = new();
    private readonly SortedList<int, TaskCompletionSource> _waiting = [];
    private int _running;
    private bool _taking;

    /// <summary>The actor of each turn so far, in order: the interleaving the seed drew.</summary>
    public List<int> Trace { get; } = [];

    /// <summary>A turn that calls nothing: the caller lets the others go on before its next step.</summary>
    public Task TurnAsync() => Gated(() => Task.FromResult(true));

    /// <summary>Runs the actors to the end, their store calls in turns; the first failure is thrown.</summary>
    public async Task RunAsync(params Func<Task>[] actors)
    {
        lock (_lock)
        {
            _taking = true;
            _running = actors.Length;
        }

        try
        {
            await Task.WhenAll(actors.Select((actor, number) => Task.Run(async () =>
            {
                // Waiting calls are told apart by actor, not by when they arrived: the draws alone pick the order.
                _actor.Value = number;
                try
                {
                    await actor().ConfigureAwait(false);
                }
                finally
                {
                    Leave();
                }
            })));
        }
        finally
        {
            lock (_lock)
            {
                _taking = false;
            }
        }
    }

    protected override async Task<T> Gated<T>(Func<Task<T>> call)
    {
        TaskCompletionSource turn;
        lock (_lock)
        {
            if (!_taking)
            {
                turn = new TaskCompletionSource();
                turn.SetResult();
            }
            else
            {
                turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Add(_actor.Value, turn);
                _running--;
                NextTurn();
            }
        }

        await turn.Task.ConfigureAwait(false);
        return await call().ConfigureAwait(false);
    }

    private void Leave()
    {
        lock (_lock)
        {
            _running--;
            NextTurn();
        }
    }

    /// <summary>With every actor waiting or done, one waiting call, drawn by the seed, goes ahead.</summary>
    private void NextTurn()
    {
        if (_running > 0 || _waiting.Count == 0)
        {
            return;
        }

        var i = _draw.Next(_waiting.Count);
        var turn = _waiting.Values[i];
        Trace.Add(_waiting.Keys[i]);
        _waiting.RemoveAt(i);
        _running++;
        turn.SetResult();
    }
}
