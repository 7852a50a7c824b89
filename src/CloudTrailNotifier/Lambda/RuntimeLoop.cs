namespace CloudTrailNotifier.Lambda;

/// <summary>
/// The custom-runtime loop: fetch the next event, handle it, report the response or the error, log one line.
/// Runs until cancelled or until the Runtime API fails (then Lambda restarts the environment).
/// </summary>
internal sealed class RuntimeLoop(
    IRuntimeApi api,
    InvocationHandler handler,
    InvocationLog log,
    TimeProvider clock,
    Action<string, string?> setVariable)
{
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    /// <summary>Serves invocations; returns quietly once <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await ServeOneAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ServeOneAsync(CancellationToken cancellationToken)
    {
        var invocation = await api.NextAsync(cancellationToken).ConfigureAwait(false);

        // Tracing libraries read the current trace from this variable; a missing header clears it.
        setVariable(TraceIdVariable, invocation.TraceId);
        var started = clock.GetTimestamp();
        var result = await handler.HandleAsync(invocation, cancellationToken).ConfigureAwait(false);
        log.Invocation(invocation, result, clock.GetElapsedTime(started));

        if (result.Error is { } error)
        {
            await api.PostErrorAsync(invocation.RequestId, error, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await api.PostResponseAsync(invocation.RequestId, result.Response ?? [], cancellationToken).ConfigureAwait(false);
        }
    }
}
