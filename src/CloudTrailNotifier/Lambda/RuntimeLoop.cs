namespace CloudTrailNotifier.Lambda;

/// <summary>
/// The custom-runtime loop: fetch the next event, handle it, report the response or the error, log one line.
/// Runs until cancelled or until the Runtime API fails (then Lambda restarts the environment).
/// </summary>
internal sealed class RuntimeLoop(
    RuntimeApiClient api,
    InvocationHandler handler,
    InvocationLog log,
    TimeProvider clock,
    Action<string, string?> setVariable)
{
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Invocation invocation;
            try
            {
                invocation = await api.NextAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

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
}
