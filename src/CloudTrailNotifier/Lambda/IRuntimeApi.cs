namespace CloudTrailNotifier.Lambda;

/// <summary>What the runtime loop needs from the Lambda Runtime API; in memory in tests.</summary>
internal interface IRuntimeApi
{
    /// <summary>Waits for the next event.</summary>
    Task<Invocation> NextAsync(CancellationToken cancellationToken);

    Task PostResponseAsync(string requestId, byte[] body, CancellationToken cancellationToken);

    Task PostErrorAsync(string requestId, FunctionError error, CancellationToken cancellationToken);
}
